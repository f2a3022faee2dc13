-- Hand-written: the shapes of the meeting-record tables (0015) that drizzle cannot declare.
ALTER TABLE agenda_item ADD CONSTRAINT agenda_item_text_ck CHECK (
  (template_key IS NULL) <> (title IS NULL)
  AND (title IS NULL OR length(btrim(title)) BETWEEN 1 AND 300)
  AND (template_key IS NULL OR template_key ~ '^[a-z][a-z0-9_]{1,63}$'));
--> statement-breakpoint
ALTER TABLE agenda_item ADD CONSTRAINT agenda_item_position_ck CHECK (position >= 0);
--> statement-breakpoint
ALTER TABLE conference_minutes ADD CONSTRAINT conference_minutes_text_ck CHECK (length(text) <= 100000);
--> statement-breakpoint
ALTER TABLE conference_decision ADD CONSTRAINT conference_decision_text_ck CHECK (
  length(btrim(text)) BETWEEN 1 AND 4000);
--> statement-breakpoint
ALTER TABLE action_item ADD CONSTRAINT action_item_title_ck CHECK (length(btrim(title)) BETWEEN 1 AND 300);
--> statement-breakpoint
-- Done items carry when they were done; open and cancelled ones do not.
ALTER TABLE action_item ADD CONSTRAINT action_item_completed_ck CHECK (
  (status::text = 'done') = (completed_at IS NOT NULL));
--> statement-breakpoint
-- An action item's owner is a participant of the same conference, a CareMap user or a contact
-- (externals are not owners); its decision, when it names one, is of the same conference too.
CREATE OR REPLACE FUNCTION caremap_action_item_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM conference_participant p WHERE p.id = NEW.owner_participant_id
      AND p.conference_id = NEW.conference_id AND p.kind::text IN ('user', 'contact')) THEN
    RAISE EXCEPTION 'action_item owner must be a user or contact participant of the same conference'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'action_item_owner_ck';
  END IF;
  IF NEW.decision_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM conference_decision d
      WHERE d.id = NEW.decision_id AND d.conference_id = NEW.conference_id) THEN
    RAISE EXCEPTION 'action_item decision must belong to the same conference'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'action_item_decision_ck';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER action_item_check_trg BEFORE INSERT OR UPDATE ON action_item
  FOR EACH ROW EXECUTE FUNCTION caremap_action_item_check();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION caremap_decision_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.agenda_item_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM agenda_item a
      WHERE a.id = NEW.agenda_item_id AND a.conference_id = NEW.conference_id) THEN
    RAISE EXCEPTION 'conference_decision agenda item must belong to the same conference'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'conference_decision_agenda_ck';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER conference_decision_check_trg BEFORE INSERT OR UPDATE ON conference_decision
  FOR EACH ROW EXECUTE FUNCTION caremap_decision_check();
--> statement-breakpoint
CREATE TRIGGER conference_minutes_touch_trg BEFORE UPDATE ON conference_minutes
  FOR EACH ROW EXECUTE FUNCTION caremap_touch_versioned();
--> statement-breakpoint
CREATE TRIGGER action_item_touch_trg BEFORE UPDATE ON action_item
  FOR EACH ROW EXECUTE FUNCTION caremap_touch_versioned();
--> statement-breakpoint
CREATE TRIGGER agenda_item_touch_trg BEFORE UPDATE ON agenda_item
  FOR EACH ROW EXECUTE FUNCTION caremap_touch();
--> statement-breakpoint
CREATE TRIGGER conference_decision_touch_trg BEFORE UPDATE ON conference_decision
  FOR EACH ROW EXECUTE FUNCTION caremap_touch();
