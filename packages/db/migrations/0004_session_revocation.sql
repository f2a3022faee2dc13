-- Hand-written: a session never outlives the facts it was granted on. Disabling a user, or changing
-- what they may do (a membership added, changed or removed), ends every session they hold, whatever
-- code path made the change, so the next request has to sign in again and gets a new session id.
CREATE OR REPLACE FUNCTION caremap_revoke_sessions_on_disable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.disabled_at IS NOT NULL AND OLD.disabled_at IS NULL THEN
    DELETE FROM user_session WHERE user_id = NEW.id;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER app_user_revoke_sessions_trg AFTER UPDATE OF disabled_at ON app_user
  FOR EACH ROW EXECUTE FUNCTION caremap_revoke_sessions_on_disable();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION caremap_revoke_sessions_on_membership() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM user_session WHERE user_id = OLD.user_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    DELETE FROM user_session WHERE user_id = NEW.user_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER membership_revoke_sessions_trg AFTER INSERT OR UPDATE OR DELETE ON membership
  FOR EACH ROW EXECUTE FUNCTION caremap_revoke_sessions_on_membership();
