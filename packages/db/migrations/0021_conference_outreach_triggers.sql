-- Editable rows of the conference outreach tables get the shared updated_at/version trigger.
CREATE TRIGGER conference_poll_touch_trg BEFORE UPDATE ON conference_poll FOR EACH ROW EXECUTE FUNCTION caremap_touch_versioned();
--> statement-breakpoint
CREATE TRIGGER feedback_letter_touch_trg BEFORE UPDATE ON feedback_letter FOR EACH ROW EXECUTE FUNCTION caremap_touch_versioned();
--> statement-breakpoint
-- A poll time is a real interval.
ALTER TABLE conference_poll_option ADD CONSTRAINT conference_poll_option_order CHECK (ends_at > starts_at);
