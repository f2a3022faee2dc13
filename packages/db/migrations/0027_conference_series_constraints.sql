-- Shapes the application also checks, held by the database so no writer can break them.
ALTER TABLE "conference_series" ADD CONSTRAINT "conference_series_room_id_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."room"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "conference_series" ADD CONSTRAINT "conference_series_duration_ck" CHECK ("duration_minutes" between 15 and 480);--> statement-breakpoint
ALTER TABLE "conference_series" ADD CONSTRAINT "conference_series_rrule_ck" CHECK (length("rrule") between 6 and 500 and "rrule" ~* '(^|;)FREQ=');--> statement-breakpoint
ALTER TABLE "conference_series" ADD CONSTRAINT "conference_series_title_ck" CHECK (length(btrim("title")) between 1 and 200);--> statement-breakpoint
-- A moved occurrence says where to; a skipped one does not.
ALTER TABLE "conference_series_exception" ADD CONSTRAINT "conference_series_exception_shape_ck" CHECK (("kind" = 'moved') = ("moved_to" is not null));--> statement-breakpoint
-- A conference belongs to an occurrence of a series entirely or not at all.
ALTER TABLE "conference" ADD CONSTRAINT "conference_series_shape_ck" CHECK (("series_id" is null) = ("series_occurrence" is null));--> statement-breakpoint
CREATE TRIGGER conference_series_touch_trg BEFORE UPDATE ON conference_series FOR EACH ROW EXECUTE FUNCTION caremap_touch_versioned();--> statement-breakpoint
CREATE TRIGGER conference_series_exception_touch_trg BEFORE UPDATE ON conference_series_exception FOR EACH ROW EXECUTE FUNCTION caremap_touch();
