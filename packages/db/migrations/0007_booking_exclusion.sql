-- Hand-written: the booking guarantee of the conference issue. A room or a person is never booked
-- twice for overlapping times, and PostgreSQL itself says so, so it holds for concurrent writers
-- (two transactions inserting clashing rows: one waits for the other, then fails with 23P01).
ALTER TABLE booking ADD CONSTRAINT booking_time_ck CHECK (ends_at > starts_at);
--> statement-breakpoint
ALTER TABLE room ADD CONSTRAINT room_capacity_ck CHECK (capacity IS NULL OR capacity > 0);
--> statement-breakpoint
-- '[)': a booking ending at 10:00 leaves 10:00 free, so back-to-back conferences are allowed.
-- btree_gist (0000_extensions) gives the = operators on the enum and uuid columns a GiST opclass.
ALTER TABLE booking ADD CONSTRAINT booking_no_overlap EXCLUDE USING gist (
  resource_kind WITH =, resource_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&);
--> statement-breakpoint
-- room is editable (version, updated_at), as the tables in 0002; booking rows are only inserted and deleted.
CREATE TRIGGER room_touch_trg BEFORE UPDATE ON room FOR EACH ROW EXECUTE FUNCTION caremap_touch_versioned();
