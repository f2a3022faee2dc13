-- Hand-written: what drizzle-kit cannot express. Spatial indexes, row-version and timestamp
-- triggers, the append-only audit log, and CHECK constraints that keep bad data out at the source.

-- Spatial indexes
CREATE INDEX IF NOT EXISTS location_geom_gist ON location USING gist (geom);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS territory_geom_gist ON territory USING gist (geom);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS service_area_geom_gist ON service_area USING gist (geom);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS partner_institution_geom_gist ON partner_institution USING gist (geom);
--> statement-breakpoint

-- Case-insensitive unique e-mail: stored lower-cased, enforced here.
ALTER TABLE app_user ADD CONSTRAINT app_user_email_lower_ck CHECK (email = lower(email) AND position('@' in email) > 1);
--> statement-breakpoint
ALTER TABLE service ADD CONSTRAINT service_age_range_ck CHECK (
  (minimum_age IS NULL OR minimum_age >= 0) AND (maximum_age IS NULL OR maximum_age >= 0)
  AND (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age));
--> statement-breakpoint
ALTER TABLE location ADD CONSTRAINT location_coordinates_ck CHECK (
  (latitude IS NULL OR latitude BETWEEN -90 AND 90) AND (longitude IS NULL OR longitude BETWEEN -180 AND 180)
  AND ((latitude IS NULL) = (longitude IS NULL)));
--> statement-breakpoint
ALTER TABLE conference ADD CONSTRAINT conference_time_ck CHECK (ends_at > starts_at);
--> statement-breakpoint
ALTER TABLE conference ADD CONSTRAINT conference_case_ref_ck CHECK (
  (kind = 'signalling_meeting') OR (case_ref IS NOT NULL AND case_ref ~ '^[A-Z0-9][A-Z0-9-]{2,31}$'));
--> statement-breakpoint
ALTER TABLE territory ADD CONSTRAINT territory_geom_valid_ck CHECK (ST_IsValid(geom));
--> statement-breakpoint
ALTER TABLE territory ADD CONSTRAINT territory_parent_fk FOREIGN KEY (parent_id) REFERENCES territory(id) ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE taxonomy_term ADD CONSTRAINT taxonomy_term_parent_fk FOREIGN KEY (parent_id) REFERENCES taxonomy_term(id) ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE organization ADD CONSTRAINT organization_parent_fk FOREIGN KEY (parent_organization_id) REFERENCES organization(id) ON DELETE SET NULL;
--> statement-breakpoint

-- location.geom follows latitude/longitude, so writers set the HSDS fields and spatial queries just work.
CREATE OR REPLACE FUNCTION caremap_location_geom() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.latitude IS NULL OR NEW.longitude IS NULL THEN
    NEW.geom := NULL;
  ELSE
    NEW.geom := ST_SetSRID(ST_MakePoint(NEW.longitude::float8, NEW.latitude::float8), 4326);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER location_geom_trg BEFORE INSERT OR UPDATE OF latitude, longitude ON location
  FOR EACH ROW EXECUTE FUNCTION caremap_location_geom();
--> statement-breakpoint

-- Every update stamps updated_at; editable rows also bump their optimistic-lock version, so a writer
-- that read version N updates `WHERE version = N` and learns of a conflict from a zero row count.
CREATE OR REPLACE FUNCTION caremap_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION caremap_touch_versioned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  NEW.version := OLD.version + 1;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION caremap_touch_taxonomy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  NEW.row_version := OLD.row_version + 1;
  RETURN NEW;
END $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['organization','service','location','service_at_location','address','phone',
    'schedule','language','accessibility','taxonomy_term','attribute','service_area','cost_option',
    'territory','agency','partner_institution','app_user','membership','conference']
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION caremap_touch_versioned()', t || '_touch_trg', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['territory_assignment','user_session','conference_participant']
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION caremap_touch()', t || '_touch_trg', t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE TRIGGER taxonomy_touch_trg BEFORE UPDATE ON taxonomy FOR EACH ROW EXECUTE FUNCTION caremap_touch_taxonomy();
--> statement-breakpoint

-- The audit log is append-only: history that can be rewritten is no audit.
CREATE OR REPLACE FUNCTION caremap_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION caremap_audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION caremap_audit_log_append_only();
