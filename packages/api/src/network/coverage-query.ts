// The one statement behind `coverageGapsMany` (coverage.ts): every part of many gap analyses, so a
// batch of analyses costs one round trip and one plan. Its rows are put together by the caller.
//
// Where the time goes, and how it is kept small:
// - Distances: each settlement probes the GiST index of location.geom with a box wide enough for the
//   distance at its latitude; the sphere (geography, use_spheroid = false) decides and measures, once
//   per settlement and location whatever the number of term sets. A settlement with a matching
//   location within the distance has its nearest among those; only the others look three times as far.
// - Term sets: looked up from those locations through the indexes (service_at_location, service,
//   attribute), so the work grows with the neighbourhood of the territories, not the directory.
// - The territory's own parts (settlements, parts, data quality) are computed once per territory.
// - The CTEs' row estimates are too rough to trust a join order between two of them, so no such join
//   carries many rows: lookups go through indexes, or through an IN kept out of the join tree
//   (`IS TRUE`), which PostgreSQL answers from a hash table built once.
import { type Database, selectRows } from '@caremap/db';
import { type SQL, sql } from 'drizzle-orm';

export const uuidArray = (ids: readonly string[]) =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]::uuid[]`;

/**
 * A box around a point at least `meters` wide in every direction, in degrees (a degree of latitude
 * is at least 110.5 km on the sphere; a degree of longitude shrinks with the cosine of the latitude,
 * taken half a degree further from the equator to be safe). Only a prefilter for the GiST operator.
 */
export const boxAround = (geom: SQL, meters: number | SQL) =>
  sql`ST_Expand(${geom}, ${meters} * 1.02 / (110500 * cos(radians(least(abs(ST_Y(${geom})) + 0.5 + ${meters} / 110500.0, 89)))), ${meters} * 1.02 / 110500.0)`;

/** An analysis as the statement takes it: the term set by number (see `roots`). */
export interface AnalysisKey {
  i: number;
  territory_id: string;
  set_no: number;
  distance: number;
}

export interface CoverageRow {
  part: 'territory' | 'child' | 'settlement' | 'nearest' | 'services';
  /** The territory (for a child: its parent). */
  territory_id: string | null;
  /** The child territory: of a `child`, of a `settlement`, of `services` (null: the whole or no part). */
  child_id: string | null;
  name: string | null;
  kind: string | null;
  /** A child's boundary as GeoJSON text (5 decimals). */
  geometry: string | null;
  /** Order of a child among its siblings (by name, then id). */
  ord: number | null;
  geoname_id: number | null;
  population: number | null;
  lat: number | null;
  lng: number | null;
  set_no: number | null;
  distance: number | null;
  nearest: number | null;
  /** `services`: the row of the whole territory (grouping set without the child). */
  total: boolean | null;
  /** `services`: matching services; `territory`: all services located inside (data quality). */
  services: number | null;
  with_schedule: number | null;
  with_contact: number | null;
}

/**
 * For each row `c` of `locations` (with a location_id), the active services at the location tagged
 * with a term of a set (or a descendant: `types`): set_no, service_id and the `columns` of c.
 */
const servedAt = (locations: SQL, columns: SQL = sql`c.location_id`) => sql`
        select distinct types.set_no, sal.service_id, ${columns} from (${locations}) c
        join service_at_location sal on sal.location_id = c.location_id
        join service s on s.id = sal.service_id
        join attribute a on a.link_entity = 'service' and a.link_id = s.id
        join types on types.id = a.taxonomy_term_id
        where s.status = 'active'`;

/** (geoname_id, distance, location_id, meters) for the locations within `meters` of each place. */
const ringAround = (places: SQL, meters: SQL) => sql`
        select p.geoname_id, p.distance, l.id as location_id, ST_Distance(p.g, l.geom::geography, false) as meters
        from ${places} p join location l on l.geom && ${boxAround(sql`p.geom`, meters)}
          and ST_DWithin(p.g, l.geom::geography, ${meters}, false)`;

/** The nearest location of a ring per (settlement, term set, distance), the set tested by hash. */
const nearestOf = (ring: SQL, members: SQL) => sql`
        select r.geoname_id, k.set_no, r.distance, min(r.meters) as nearest
        from ${ring} r cross join sets k
        where ((k.set_no, r.location_id) in (${members})) is true
        group by r.geoname_id, k.set_no, r.distance`;

/**
 * All rows of the analyses, by `part`:
 * - `territory`: each territory asked for, with its data quality (services located inside, with a
 *   schedule, with a phone, e-mail or contact);
 * - `child`: its parts (ORPs of a region, districts of a county) with their boundaries;
 * - `settlement`: its settlements, with the part each lies in;
 * - `nearest`: per settlement, term set and distance, the nearest matching location within three
 *   times the distance (none: no row);
 * - `services`: per territory, term set and part (and for the whole: `total`), the matching services
 *   with a location there.
 * `roots` are the terms of each set; their descendants count too.
 */
export function selectCoverageRows(
  db: Database,
  analyses: readonly AnalysisKey[],
  roots: ReadonlyArray<{ set_no: number; id: string }>,
) {
  return selectRows<CoverageRow>(
    db,
    sql`with recursive
      req as materialized (
        select * from json_to_recordset(${JSON.stringify(analyses)}::json)
          as r(i int, territory_id uuid, set_no int, distance float8)
      ),
      types(set_no, id) as (
        select * from json_to_recordset(${JSON.stringify(roots)}::json) as r(set_no int, id uuid)
        union select types.set_no, t.id from taxonomy_term t join types on t.parent_id = types.id
      ),
      sets as materialized (select distinct set_no from req),
      area as materialized (
        select id, name, kind::text as kind, geom from territory where id in (select territory_id from req)
      ),
      st as materialized (
        select a.id as territory_id, s.geoname_id, s.name, s.population, s.geom,
          (select c.id from territory c where c.parent_id = a.id and ST_Intersects(c.geom, s.geom)
            order by c.name, c.id limit 1) as child_id
        from area a join settlement s on ST_Intersects(a.geom, s.geom)
      ),
      want as materialized (
        select distinct st.geoname_id, req.set_no, req.distance from req join st using (territory_id)
      ),
      place as materialized (
        select p.geoname_id, p.distance, s.geom, s.geom::geography as g
        from (select distinct geoname_id, distance from want) p
        join (select distinct on (geoname_id) geoname_id, geom from st) s using (geoname_id)
      ),
      ring as materialized (${ringAround(sql`place`, sql`p.distance`)}),
      member as materialized (
        select distinct set_no, location_id from (${servedAt(sql`select distinct location_id from ring`)}) m
      ),
      near_in as materialized (${nearestOf(sql`ring`, sql`select set_no, location_id from member`)}),
      -- Settlements a term set does not cover: the nearest within three times the distance.
      far as materialized (
        select geoname_id, set_no, distance from want except select geoname_id, set_no, distance from near_in
      ),
      far_place as materialized (
        select p.* from place p where (p.geoname_id, p.distance) in (select geoname_id, distance from far)
      ),
      far_ring as materialized (${ringAround(sql`far_place`, sql`(p.distance * 3)`)}),
      far_member as materialized (
        select set_no, location_id from member
        union
        select set_no, location_id from (${servedAt(
          sql`select location_id from far_ring except select location_id from ring`,
        )}) m
      ),
      near_far as materialized (${nearestOf(sql`far_ring`, sql`select set_no, location_id from far_member`)}),
      -- The locations in each territory and in each of its parts, and what they serve.
      inside as materialized (
        select a.id as territory_id, l.id as location_id, c.id as child_id from area a
        join location l on ST_Intersects(a.geom, l.geom)
        left join territory c on c.parent_id = a.id and ST_Intersects(c.geom, l.geom)
        where l.geom is not null
      ),
      served as materialized (${servedAt(sql`select * from inside`, sql`c.territory_id, c.child_id`)}),
      -- Data quality; the LIMIT 1 lookups keep to the indexes (a hashed EXISTS would scan the tables).
      quality as (
        select q.territory_id, count(*)::int as services,
          count(*) filter (where sc.yes)::int as with_schedule,
          count(*) filter (where ph.yes or ct.yes or q.email is not null)::int as with_contact
        from (
          select distinct i.territory_id, s.id, s.email from inside i
          join service_at_location sal on sal.location_id = i.location_id
          join service s on s.id = sal.service_id
          where s.status = 'active'
        ) q
        left join lateral (select true as yes from schedule x where x.service_id = q.id limit 1) sc on true
        left join lateral (select true as yes from phone x where x.service_id = q.id limit 1) ph on true
        left join lateral (select true as yes from contact x where x.service_id = q.id limit 1) ct on true
        group by q.territory_id
      )
      select 'territory' as part, a.id as territory_id, null::uuid as child_id, a.name, a.kind,
        null::text as geometry, null::int as ord, null::int as geoname_id, null::int as population,
        null::float8 as lat, null::float8 as lng, null::int as set_no, null::float8 as distance,
        null::float8 as nearest, null::boolean as total, coalesce(q.services, 0) as services,
        coalesce(q.with_schedule, 0) as with_schedule, coalesce(q.with_contact, 0) as with_contact
      from area a left join quality q on q.territory_id = a.id
      union all
      select 'child', c.parent_id, c.id, c.name, c.kind::text, ST_AsGeoJSON(c.geom, 5),
        (row_number() over (partition by c.parent_id order by c.name, c.id))::int,
        null, null, null, null, null, null, null, null, null, null, null
      from territory c where c.parent_id in (select id from area)
      union all
      select 'settlement', territory_id, child_id, name, null, null, null, geoname_id, population,
        ST_Y(geom), ST_X(geom), null, null, null, null, null, null, null
      from st
      union all
      -- Within the distance, near_far (looking further) finds the nearest near_in found.
      select 'nearest', null, null, null, null, null, null, geoname_id, null, null, null, set_no, distance,
        min(nearest), null, null, null, null
      from (select * from near_in union all select * from near_far) n group by geoname_id, set_no, distance
      union all
      select 'services', territory_id, child_id, null, null, null, null, null, null, null, null, set_no, null,
        null, grouping(child_id) = 1, count(distinct service_id)::int, null, null
      from served group by grouping sets ((territory_id, set_no, child_id), (territory_id, set_no))`,
  );
}
