-- Hand-written: the shapes of the conference scheduling tables (0010) that drizzle cannot declare,
-- and the move of the existing participant rows to one row per invitee.
-- 'draft' was added to conference_status in 0010, inside the same migration transaction, where
-- PostgreSQL refuses to use a new enum value: the checks below compare status as text.
ALTER TABLE conference ADD CONSTRAINT conference_booked_time_ck CHECK (
  status::text = 'draft' OR (starts_at IS NOT NULL AND ends_at IS NOT NULL));
--> statement-breakpoint
ALTER TABLE conference ADD CONSTRAINT conference_duration_ck CHECK (duration_minutes BETWEEN 5 AND 1440);
--> statement-breakpoint
ALTER TABLE conference ADD CONSTRAINT conference_sequence_ck CHECK (sequence >= 0);
--> statement-breakpoint
ALTER TABLE conference ADD CONSTRAINT conference_quorum_ck CHECK (jsonb_typeof(quorum) = 'array');
--> statement-breakpoint
ALTER TABLE conference ADD CONSTRAINT conference_candidate_rooms_ck CHECK (jsonb_typeof(candidate_room_ids) = 'array');
--> statement-breakpoint
-- Existing conferences: their duration is what their booked time says.
UPDATE conference SET duration_minutes = greatest(5, least(1440,
  round(extract(epoch FROM (ends_at - starts_at)) / 60)::int))
  WHERE starts_at IS NOT NULL AND ends_at IS NOT NULL;
--> statement-breakpoint
-- Existing participants were all CareMap users (kind 'user', 0010's default): they write in their own language.
UPDATE conference_participant cp SET preferred_language = u.locale FROM app_user u WHERE u.id = cp.user_id;
--> statement-breakpoint
ALTER TABLE conference_participant ADD CONSTRAINT conference_participant_shape_ck CHECK (
  CASE kind::text
    WHEN 'user' THEN user_id IS NOT NULL AND agency_id IS NOT NULL
    WHEN 'contact' THEN user_id IS NULL AND agency_id IS NOT NULL AND display_name IS NOT NULL
      AND email IS NOT NULL
    ELSE user_id IS NULL AND display_name IS NOT NULL AND (email IS NOT NULL OR phone IS NOT NULL)
  END);
--> statement-breakpoint
ALTER TABLE conference_participant ADD CONSTRAINT conference_participant_language_ck CHECK (
  preferred_language IN ('hu', 'cs', 'tr', 'en'));
--> statement-breakpoint
ALTER TABLE busy_block ADD CONSTRAINT busy_block_time_ck CHECK (ends_at > starts_at);
--> statement-breakpoint
ALTER TABLE working_hours ADD CONSTRAINT working_hours_shape_ck CHECK (jsonb_typeof(hours) = 'object');
--> statement-breakpoint
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_attempts_ck CHECK (attempts >= 0);
--> statement-breakpoint
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_language_ck CHECK (
  recipient_language IN ('hu', 'cs', 'tr', 'en'));
--> statement-breakpoint
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_ics_ck CHECK ((ics IS NULL) = (ics_method IS NULL));
--> statement-breakpoint
CREATE TRIGGER working_hours_touch_trg BEFORE UPDATE ON working_hours FOR EACH ROW EXECUTE FUNCTION caremap_touch_versioned();
