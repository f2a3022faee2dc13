-- Hand-written companion of 0008: what drizzle-kit cannot express.

-- A hidden address (a shelter) is published only as a point 1.2-2 km from the real one, in a
-- direction and at a distance derived from the location's id: the same on every request and every
-- door, so repeated queries cannot be averaged back to the real place.
CREATE OR REPLACE FUNCTION caremap_public_point(loc_id uuid, exact geometry, hidden boolean)
RETURNS geometry LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN exact IS NULL THEN NULL
    WHEN NOT hidden THEN exact
    ELSE ST_SetSRID(ST_Project(
      exact::geography,
      1200 + (('x' || substr(md5(loc_id::text), 1, 8))::bit(32)::bigint % 800),
      radians(('x' || substr(md5(loc_id::text), 9, 8))::bit(32)::bigint % 360)
    )::geometry, 4326)
  END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION caremap_location_public_geom() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.public_geom := caremap_public_point(NEW.id, NEW.geom, NEW.address_hidden);
  RETURN NEW;
END $$;
--> statement-breakpoint
-- Runs after location_geom_trg (triggers fire in name order: "location_geom_trg" < "location_public_geom_trg").
CREATE TRIGGER location_public_geom_trg BEFORE INSERT OR UPDATE OF latitude, longitude, address_hidden, geom ON location
  FOR EACH ROW EXECUTE FUNCTION caremap_location_public_geom();
--> statement-breakpoint
UPDATE location SET public_geom = caremap_public_point(id, geom, address_hidden);
--> statement-breakpoint
CREATE INDEX location_public_geom_gist ON location USING gist (public_geom);
--> statement-breakpoint
ALTER TABLE service ADD CONSTRAINT service_program_fk FOREIGN KEY (program_id) REFERENCES program(id) ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE phone ADD CONSTRAINT phone_contact_fk FOREIGN KEY (contact_id) REFERENCES contact(id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE suggestion ADD CONSTRAINT suggestion_changes_object_ck CHECK (jsonb_typeof(changes) = 'object');
--> statement-breakpoint
ALTER TABLE suggestion ADD CONSTRAINT suggestion_reviewed_ck CHECK (
  (status = 'pending') = (reviewed_at IS NULL) AND (status <> 'rejected' OR review_reason IS NOT NULL)
);
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['contact','program','funding','required_document','organization_identifier',
    'url','unit','service_capacity','suggestion']
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION caremap_touch_versioned()', t || '_touch_trg', t);
  END LOOP;
  EXECUTE 'CREATE TRIGGER metadata_touch_trg BEFORE UPDATE ON metadata FOR EACH ROW EXECUTE FUNCTION caremap_touch()';
END $$;
