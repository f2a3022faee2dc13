-- Hand-written companion of 0012: accent- and case-blind full-text search with typo tolerance, and
-- the schedule rules that decide whether a service is open at an instant. packages/api's
-- directory/search.ts is the one caller; tests beside it check both against plain TypeScript.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint

-- unaccent() is only STABLE (its dictionary could change), so it cannot appear in an index. The
-- dictionary is named explicitly, which makes the wrapper safe to declare IMMUTABLE. Lower-casing
-- comes after unaccenting, so 'Á' -> 'A' -> 'a' whatever the database's locale.
CREATE OR REPLACE FUNCTION caremap_unaccent(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT public.unaccent('public.unaccent'::regdictionary, value)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION caremap_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT lower(caremap_unaccent(value))
$$;
--> statement-breakpoint
CREATE INDEX service_search_document_gin ON service_search USING gin (document);
--> statement-breakpoint
CREATE INDEX service_search_name_trgm ON service_search USING gin (name_text gin_trgm_ops);
--> statement-breakpoint
-- The name order of the search walks this index (service_id breaks ties).
CREATE INDEX service_search_name_idx ON service_search (name_text, service_id);
--> statement-breakpoint
CREATE INDEX search_word_trgm ON search_word USING gin (word gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX search_word_prefix ON search_word (word text_pattern_ops);
--> statement-breakpoint

-- The search documents of the given services, rebuilt in one statement. Weights: A service name,
-- B alternate name and organization name, C labels (every language, and the group's) of its
-- service-type terms, D descriptions. Facet terms (caremap-facets: wheelchair access and the like)
-- stay out: "Nem akadálymentes" must not make a service match "akadálymentes".
CREATE OR REPLACE FUNCTION caremap_refresh_service_search(ids uuid[]) RETURNS void
LANGUAGE sql VOLATILE AS $$
  WITH docs AS (
    SELECT s.id,
      caremap_fold(s.name) AS name_text,
      setweight(to_tsvector('simple', caremap_fold(s.name)), 'A')
      || setweight(to_tsvector('simple', caremap_fold(concat_ws(' ', s.alternate_name, o.name, o.alternate_name))), 'B')
      || setweight(to_tsvector('simple', caremap_fold(coalesce(terms.labels, ''))), 'C')
      || setweight(to_tsvector('simple', caremap_fold(concat_ws(' ', s.description, o.description))), 'D') AS document
    FROM service s
    JOIN organization o ON o.id = s.organization_id
    LEFT JOIN LATERAL (
      SELECT string_agg(concat_ws(' ', t.name,
               (SELECT string_agg(v, ' ') FROM jsonb_each_text(t.labels) AS l(k, v)),
               p.name,
               (SELECT string_agg(v, ' ') FROM jsonb_each_text(p.labels) AS l(k, v))), ' ') AS labels
      FROM attribute a
      JOIN taxonomy_term t ON t.id = a.taxonomy_term_id
      LEFT JOIN taxonomy_term p ON p.id = t.parent_id
      WHERE a.link_entity = 'service' AND a.link_id = s.id AND coalesce(t.taxonomy, '') <> 'caremap-facets'
    ) terms ON true
    WHERE s.id = ANY (ids)
  ), upserted AS (
    INSERT INTO service_search (service_id, name_text, document)
    SELECT id, name_text, document FROM docs
    ON CONFLICT (service_id) DO UPDATE SET name_text = excluded.name_text, document = excluded.document
    RETURNING document
  )
  INSERT INTO search_word (word)
  SELECT DISTINCT w FROM upserted, unnest(tsvector_to_array(document)) AS w
  ORDER BY w
  ON CONFLICT DO NOTHING
$$;
--> statement-breakpoint

-- Statement-level triggers with transition tables: an import of 100,000 services in chunks of 500
-- rebuilds 500 documents per statement in one set-based query, not 100,000 single-row queries.
CREATE OR REPLACE FUNCTION caremap_service_search_service_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM caremap_refresh_service_search(ARRAY(SELECT id FROM new_rows));
  ELSE
    PERFORM caremap_refresh_service_search(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.name, n.alternate_name, n.description, n.organization_id)
        IS DISTINCT FROM (o.name, o.alternate_name, o.description, o.organization_id)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER service_search_insert_trg AFTER INSERT ON service
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION caremap_service_search_service_trg();
--> statement-breakpoint
CREATE TRIGGER service_search_update_trg AFTER UPDATE ON service
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION caremap_service_search_service_trg();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION caremap_service_search_organization_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM caremap_refresh_service_search(ARRAY(
    SELECT s.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN service s ON s.organization_id = n.id
    WHERE (n.name, n.alternate_name, n.description) IS DISTINCT FROM (o.name, o.alternate_name, o.description)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER service_search_organization_trg AFTER UPDATE ON organization
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION caremap_service_search_organization_trg();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION caremap_service_search_attribute_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM caremap_refresh_service_search(ARRAY(SELECT DISTINCT link_id FROM new_rows WHERE link_entity = 'service'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM caremap_refresh_service_search(ARRAY(SELECT DISTINCT link_id FROM old_rows WHERE link_entity = 'service'));
  ELSE
    PERFORM caremap_refresh_service_search(ARRAY(
      SELECT link_id FROM new_rows WHERE link_entity = 'service'
      UNION SELECT link_id FROM old_rows WHERE link_entity = 'service'));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER service_search_attribute_insert_trg AFTER INSERT ON attribute
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION caremap_service_search_attribute_trg();
--> statement-breakpoint
CREATE TRIGGER service_search_attribute_update_trg AFTER UPDATE ON attribute
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION caremap_service_search_attribute_trg();
--> statement-breakpoint
CREATE TRIGGER service_search_attribute_delete_trg AFTER DELETE ON attribute
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION caremap_service_search_attribute_trg();
--> statement-breakpoint
-- A renamed or relabelled term changes the documents of services tagged with it or with its children.
CREATE OR REPLACE FUNCTION caremap_service_search_term_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM caremap_refresh_service_search(ARRAY(
    SELECT DISTINCT a.link_id
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    JOIN taxonomy_term t ON t.id = n.id OR t.parent_id = n.id
    JOIN attribute a ON a.taxonomy_term_id = t.id AND a.link_entity = 'service'
    WHERE (n.name, n.labels, n.taxonomy, n.parent_id) IS DISTINCT FROM (o.name, o.labels, o.taxonomy, o.parent_id)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER service_search_term_trg AFTER UPDATE ON taxonomy_term
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION caremap_service_search_term_trg();
--> statement-breakpoint
SELECT caremap_refresh_service_search(ARRAY(SELECT id FROM service));
--> statement-breakpoint

-- Opening hours. A service's zone is its schedule's `timezone` (an IANA name in our data), else the
-- zone of its location's country.
CREATE OR REPLACE FUNCTION caremap_country_timezone(country text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE upper(country)
    WHEN 'HU' THEN 'Europe/Budapest' WHEN 'CZ' THEN 'Europe/Prague' WHEN 'SK' THEN 'Europe/Bratislava'
    WHEN 'TR' THEN 'Europe/Istanbul' WHEN 'AT' THEN 'Europe/Vienna' WHEN 'DE' THEN 'Europe/Berlin'
    ELSE 'UTC' END
$$;
--> statement-breakpoint
-- The country a service is delivered in: that of its first location with an address.
CREATE OR REPLACE FUNCTION caremap_service_country(sid uuid) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT a.country FROM service_at_location sal JOIN address a ON a.location_id = sal.location_id
  WHERE sal.service_id = sid ORDER BY a.address_type, sal.location_id, a.id LIMIT 1
$$;
--> statement-breakpoint
-- The country a rule is read in: its location's (first address), else the service's.
CREATE OR REPLACE FUNCTION caremap_rule_country(sid uuid, loc uuid) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT upper(coalesce(
    (SELECT a.country FROM address a WHERE a.location_id = loc ORDER BY a.address_type, a.id LIMIT 1),
    caremap_service_country(sid)))
$$;
--> statement-breakpoint
-- Every opening rule of a service with the country and zone it is read in: the service's own
-- schedules and those of its service_at_locations (location-only schedules are not read).
-- `holidays_open`: the service carries the facet caremap-facets/open_on_public_holidays. The
-- country is looked up only where a query reads it (the zone needs it only without a timezone),
-- so a filter over 100,000 services does not pay an address lookup per rule.
CREATE VIEW service_schedule_rule AS
  SELECT x.*,
    caremap_rule_country(x.service_id, x.location_id) AS country,
    coalesce(x.timezone, caremap_country_timezone(caremap_rule_country(x.service_id, x.location_id))) AS zone,
    EXISTS (
      SELECT 1 FROM attribute fa JOIN taxonomy_term ft ON ft.id = fa.taxonomy_term_id
      WHERE fa.link_entity = 'service' AND fa.link_id = x.service_id AND ft.taxonomy = 'caremap-facets'
        AND ft.code = 'open_on_public_holidays' AND lower(coalesce(fa.value, '')) IN ('true', 'yes', '1')
    ) AS holidays_open
  FROM (
    SELECT r.service_id, r.id AS schedule_id, NULL::uuid AS location_id, r.freq, r.byday, r.opens_at,
           r.closes_at, r.valid_from, r.valid_to, r.attending_type, r.timezone
    FROM schedule r
    WHERE r.service_id IS NOT NULL
    UNION ALL
    SELECT sal.service_id, r.id, sal.location_id, r.freq, r.byday, r.opens_at, r.closes_at, r.valid_from,
           r.valid_to, r.attending_type, r.timezone
    FROM schedule r
    JOIN service_at_location sal ON sal.id = r.service_at_location_id
    WHERE r.service_id IS NULL
  ) x;
--> statement-breakpoint
-- Whether one rule's hours cover `local` (the instant in the rule's zone): WEEKLY, the local
-- weekday in byday, opens_at <= local time <
-- closes_at (closes_at 23:59 means "until midnight"), local date within valid_from..valid_to.
-- Public holidays are the caller's second step (directory/open-hours.ts): closed on a holiday of
-- the rule's country unless holidays_open or the rule is a one-day schedule (valid_from =
-- valid_to). MONTHLY rules are not evaluated. A plain expression, so PostgreSQL inlines it.
CREATE OR REPLACE FUNCTION caremap_rule_open_at(
  freq schedule_freq, byday text, opens_at time, closes_at time, valid_from date, valid_to date,
  local timestamp
) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT freq = 'WEEKLY' AND byday IS NOT NULL AND opens_at IS NOT NULL AND closes_at IS NOT NULL
    AND (valid_from IS NULL OR valid_from <= local::date)
    AND (valid_to IS NULL OR local::date <= valid_to)
    AND ('{SU,MO,TU,WE,TH,FR,SA}'::text[])[extract(dow FROM local)::int + 1]
        = ANY (string_to_array(replace(byday, ' ', ''), ','))
    AND opens_at <= local::time
    AND (local::time < closes_at OR closes_at = '23:59')
$$;
--> statement-breakpoint
-- Fix of 0009: the public point of a hidden address went in a whole-degree direction, so 1 in 180
-- shelters moved due north/south (or east/west) and kept its exact longitude (or latitude): one
-- exact coordinate was published. The direction is now at least 15 degrees off every axis, so
-- both coordinates differ (by >= 300 m); distance and stability (derived from the id) as before.
CREATE OR REPLACE FUNCTION caremap_public_point(loc_id uuid, exact geometry, hidden boolean)
RETURNS geometry LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN exact IS NULL THEN NULL
    WHEN NOT hidden THEN exact
    ELSE ST_SetSRID(ST_Project(
      exact::geography,
      1200 + (('x' || substr(md5(loc_id::text), 1, 8))::bit(32)::bigint % 800),
      radians(90 * (('x' || substr(md5(loc_id::text), 17, 8))::bit(32)::bigint % 4)
              + 15 + (('x' || substr(md5(loc_id::text), 9, 8))::bit(32)::bigint % 6000) / 100.0)
    )::geometry, 4326)
  END
$$;
--> statement-breakpoint
UPDATE location SET public_geom = caremap_public_point(id, geom, address_hidden) WHERE address_hidden;
