-- Shapes the application also checks, held by the database so no writer can break them.
-- A phase's time slot is whole (both ends or neither) and ends after it starts.
ALTER TABLE "family_phase" ADD CONSTRAINT "family_phase_slot_ck" CHECK (("starts_at" is null) = ("ends_at" is null) and ("ends_at" is null or "ends_at" > "starts_at"));--> statement-breakpoint
ALTER TABLE "family_phase" ADD CONSTRAINT "family_phase_position_ck" CHECK ("position" between 0 and 6);--> statement-breakpoint
-- A checklist item is a template key or a typed text, exactly one of the two.
ALTER TABLE "family_phase_item" ADD CONSTRAINT "family_phase_item_text_ck" CHECK (("template_key" is null) <> ("text" is null) and ("text" is null or length(btrim("text")) between 1 and 500));--> statement-breakpoint
-- Ticked items say when; unticked ones carry neither when nor who.
ALTER TABLE "family_phase_item" ADD CONSTRAINT "family_phase_item_done_ck" CHECK (("done" = ("done_at" is not null)) and ("done" or "done_by_user_id" is null));--> statement-breakpoint
CREATE TRIGGER family_phase_touch_trg BEFORE UPDATE ON family_phase FOR EACH ROW EXECUTE FUNCTION caremap_touch_versioned();--> statement-breakpoint
CREATE TRIGGER family_phase_item_touch_trg BEFORE UPDATE ON family_phase_item FOR EACH ROW EXECUTE FUNCTION caremap_touch_versioned();
