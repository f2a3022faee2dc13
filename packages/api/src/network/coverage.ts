// Coverage and gap analysis for a territory: which settlements of the packaged gazetteer have no
// service of the chosen types within a distance, the population affected, coverage per child
// territory (ORPs of a region, districts of a county: the choropleth), services per 10,000
// inhabitants and data quality. All of it is one PostGIS query per call.
//
// Rules, so the figures can be explained to a coordinator:
// - A service counts when it is active and tagged (attribute on the service) with one of the terms
//   or a descendant; it covers from each of its locations (the exact point: this is an internal
//   tool, and no location is returned). Services without a location (phone lines, online help) do
//   not cover a place.
// - A settlement is covered when such a location lies within `distanceMeters` of it, measured on
//   the sphere (ST_DWithin on geography with use_spheroid = false, mean Earth radius 6,371,008.8 m),
//   so an independent haversine gives the same answer. Locations outside the territory count too:
//   people cross a border to reach help.
// - A settlement belongs to the territory when its point lies in the territory's polygon.
import { type Database, selectRows } from '@caremap/db';
import type { MultiPolygonGeometry } from '@caremap/db/schema';
import type { CoverageInput } from '@caremap/validators';
import { type SQL, sql } from 'drizzle-orm';

export interface CoverageSettlement {
  geonameId: number;
  name: string;
  population: number;
  lat: number;
  lng: number;
  /** Metres to the nearest matching location, when one lies within three times the distance. */
  nearestMeters: number | null;
  covered: boolean;
  /** The child territory (ORP, district) the settlement lies in, when the territory has children. */
  childTerritoryId: string | null;
}

export interface CoverageSummary {
  settlements: number;
  uncoveredSettlements: number;
  population: number;
  uncoveredPopulation: number;
  /** Share of the population living in a covered settlement, 0..1 (null with no population). */
  coveredShare: number | null;
  /** Matching services with a location inside the territory. */
  services: number;
  /** services per 10,000 inhabitants of the territory's settlements (null with no population). */
  servicesPer10k: number | null;
}

export interface CoverageChild extends CoverageSummary {
  id: string;
  name: string;
  kind: string;
  geometry: MultiPolygonGeometry;
}

export interface DataQuality {
  /** Services with a location inside the territory (all types, not only the chosen ones). */
  services: number;
  /** Share of them with at least one schedule, 0..1. */
  withSchedule: number | null;
  /** Share of them with a way to get in touch: a phone, an e-mail or a contact. */
  withContact: number | null;
}

export interface CoverageResult {
  territory: { id: string; name: string; kind: string };
  distanceMeters: number;
  termIds: string[];
  summary: CoverageSummary;
  /** Every settlement of the territory, uncovered first, then by population (largest first). */
  settlements: CoverageSettlement[];
  children: CoverageChild[];
  dataQuality: DataQuality;
}

const uuidArray = (ids: readonly string[]) =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]::uuid[]`;

/**
 * A box around a point at least `meters` wide in every direction, in degrees (a degree of latitude
 * is at least 110.5 km on the sphere; a degree of longitude shrinks with the cosine of the latitude,
 * taken half a degree further from the equator to be safe). Only a prefilter for the GiST operator.
 */
const boxAround = (geom: SQL, meters: number | SQL) =>
  sql`ST_Expand(${geom}, ${meters} * 1.02 / (110500 * cos(radians(least(abs(ST_Y(${geom})) + 0.5 + ${meters} / 110500.0, 89)))), ${meters} * 1.02 / 110500.0)`;

/** The analysis, or null when there is no such territory. Access is decided by the caller. */
export async function coverageGaps(db: Database, input: CoverageInput): Promise<CoverageResult | null> {
  const [result] = await coverageGapsMany(db, [input]);
  return result ?? null;
}

/**
 * Many analyses at once (all ORPs of a region x several service types, the service types of a
 * territory report): each answer is exactly what `coverageGaps` gives for its input, in the order
 * asked (null for an unknown territory), from three statements whatever the number of analyses.
 * The parts that depend only on the territory (its settlements, parts, data quality) are computed
 * once per territory, the distances once per settlement and location.
 */
export async function coverageGapsMany(
  db: Database,
  inputs: readonly CoverageInput[],
): Promise<Array<CoverageResult | null>> {
  if (inputs.length === 0) return [];
  // Each distinct set of terms is numbered once; an analysis is (territory, term set, distance).
  const setNumbers = new Map<string, number>();
  const roots: Array<{ set_no: number; id: string }> = [];
  const analyses = inputs.map((input, i) => {
    const key = [...new Set(input.termIds)].sort().join(',');
    let setNo = setNumbers.get(key);
    if (setNo === undefined) {
      setNo = setNumbers.size;
      setNumbers.set(key, setNo);
      for (const id of key.split(',')) roots.push({ set_no: setNo, id });
    }
    return { i, territory_id: input.territoryId, set_no: setNo, distance: input.distanceMeters };
  });
  const territoryIds = [...new Set(inputs.map((input) => input.territoryId))];
  const [territoryRows, childRows, rows] = await Promise.all([
    selectTerritories(db, territoryIds),
    selectRows<{
      parent_id: string;
      id: string;
      name: string;
      kind: string;
      geometry: string | MultiPolygonGeometry;
    }>(
      db,
      sql`select parent_id, id, name, kind::text as kind, ST_AsGeoJSON(geom, 5) as geometry from territory
          where parent_id = any (${uuidArray(territoryIds)}) order by name, id`,
    ),
    selectAnalyses(db, analyses, roots),
  ]);

  const territories = new Map(territoryRows.map((t) => [t.id, t]));
  const childrenOf = groupBy(childRows, (c) => c.parent_id);
  const settlementsOf = groupBy(
    rows.filter((r) => r.part === 'settlement'),
    (r) => r.territory_id!,
  );
  const nearest = new Map(
    rows
      .filter((r) => r.part === 'nearest')
      .map((r) => [`${r.geoname_id}|${r.set_no}|${r.distance}`, r.nearest]),
  );
  const servedBy = groupBy(
    rows.filter((r) => r.part === 'services'),
    (r) => Number(r.i),
  );

  return inputs.map((input, i) => {
    const t = territories.get(input.territoryId);
    if (!t) return null;
    const { set_no, distance } = analyses[i]!;
    const settlements: CoverageSettlement[] = (settlementsOf.get(t.id) ?? [])
      .map((r) => {
        const meters = nearest.get(`${r.geoname_id}|${set_no}|${distance}`) ?? null;
        return {
          geonameId: Number(r.geoname_id),
          name: r.name!,
          population: Number(r.population),
          lat: Number(r.lat),
          lng: Number(r.lng),
          nearestMeters: meters === null ? null : Math.round(Number(meters)),
          covered: meters !== null && Number(meters) <= distance,
          childTerritoryId: r.child_id,
        };
      })
      .sort(
        (a, b) =>
          Number(a.covered) - Number(b.covered) || b.population - a.population || a.geonameId - b.geonameId,
      );
    // The grouping set (analysis) is the total; an (analysis, child) group with a null id is "inside no child".
    const served = servedBy.get(i) ?? [];
    const servicesIn = (childId: string) =>
      Number(served.find((r) => !r.total && r.child_id === childId)?.services ?? 0);
    const children: CoverageChild[] = (childrenOf.get(t.id) ?? []).map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      geometry: typeof c.geometry === 'string' ? JSON.parse(c.geometry) : c.geometry,
      ...summarise(
        settlements.filter((s) => s.childTerritoryId === c.id),
        servicesIn(c.id),
      ),
    }));
    const qualityServices = Number(t.services);
    return {
      territory: { id: t.id, name: t.name, kind: t.kind },
      distanceMeters: input.distanceMeters,
      termIds: input.termIds,
      summary: summarise(settlements, Number(served.find((r) => r.total)?.services ?? 0)),
      settlements,
      children,
      dataQuality: {
        services: qualityServices,
        withSchedule: qualityServices ? Number(t.with_schedule) / qualityServices : null,
        withContact: qualityServices ? Number(t.with_contact) / qualityServices : null,
      },
    };
  });
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The territories with their data quality: the services located inside, with a schedule, with a contact. */
function selectTerritories(db: Database, territoryIds: readonly string[]) {
  return selectRows<{
    id: string;
    name: string;
    kind: string;
    services: number;
    with_schedule: number;
    with_contact: number;
  }>(
    db,
    sql`with area as materialized (
        select id, name, kind::text as kind, geom from territory where id = any (${uuidArray(territoryIds)})
      ),
      inside as (
        select distinct a.id as territory_id, sal.service_id as id from area a
        join location l on ST_Intersects(a.geom, l.geom)
        join service_at_location sal on sal.location_id = l.id join service s on s.id = sal.service_id
        where s.status = 'active' and l.geom is not null
      ),
      quality as (
        select territory_id, count(*)::int as services,
          count(*) filter (where exists (select 1 from schedule sc where sc.service_id = inside.id))::int as with_schedule,
          count(*) filter (where exists (select 1 from phone ph where ph.service_id = inside.id)
            or exists (select 1 from contact ct where ct.service_id = inside.id)
            or exists (select 1 from service s where s.id = inside.id and s.email is not null))::int as with_contact
        from inside group by territory_id
      )
      select a.id, a.name, a.kind, coalesce(q.services, 0) as services,
        coalesce(q.with_schedule, 0) as with_schedule, coalesce(q.with_contact, 0) as with_contact
      from area a left join quality q on q.territory_id = a.id`,
  );
}

/**
 * One statement for all analyses, three kinds of rows (the caller puts them together):
 * - `settlement`: each settlement of each territory, with the part (ORP, district) it lies in;
 * - `nearest`: per settlement, term set and distance, the nearest matching location within three
 *   times the distance (none: no row);
 * - `services`: per analysis and part of its territory (and for the whole, `total`), the matching
 *   services with a location there.
 *
 * Distances: each settlement probes the GiST index of location.geom with a box wide enough for the
 * distance at its latitude, the exact sphere decides, and each (settlement, location) distance is
 * computed once whatever the number of term sets. A settlement with a matching location within the
 * distance has its nearest among those; only the others look three times as far.
 */
function selectAnalyses(
  db: Database,
  analyses: ReadonlyArray<{ i: number; territory_id: string; set_no: number; distance: number }>,
  roots: ReadonlyArray<{ set_no: number; id: string }>,
) {
  return selectRows<{
    part: 'settlement' | 'nearest' | 'services';
    i: number | null;
    territory_id: string | null;
    geoname_id: number | null;
    name: string | null;
    population: number | null;
    lat: number | null;
    lng: number | null;
    child_id: string | null;
    set_no: number | null;
    distance: number | null;
    nearest: number | null;
    total: boolean | null;
    services: number | null;
  }>(
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
      matching as materialized (
        select distinct types.set_no, l.id as location_id, sal.service_id from types
        join attribute a on a.link_entity = 'service' and a.taxonomy_term_id = types.id
        join service s on s.id = a.link_id
        join service_at_location sal on sal.service_id = s.id
        join location l on l.id = sal.location_id
        where s.status = 'active' and l.geom is not null
      ),
      member as materialized (select distinct set_no, location_id from matching),
      area as materialized (select id, geom from territory where id in (select territory_id from req)),
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
      ring as materialized (
        select p.geoname_id, p.distance, l.id as location_id, ST_Distance(p.g, l.geom::geography, false) as meters
        from place p join location l on l.geom && ${boxAround(sql`p.geom`, sql`p.distance`)}
          and ST_DWithin(p.g, l.geom::geography, p.distance, false)
      ),
      near_in as materialized (
        select w.geoname_id, w.set_no, w.distance, min(r.meters) as nearest
        from ring r join member m on m.location_id = r.location_id
        join want w on w.geoname_id = r.geoname_id and w.distance = r.distance and w.set_no = m.set_no
        group by w.geoname_id, w.set_no, w.distance
      ),
      far as materialized (
        select w.geoname_id, w.set_no, w.distance from want w
        except select geoname_id, set_no, distance from near_in
      ),
      far_place as materialized (
        select p.* from place p join (select distinct geoname_id, distance from far) f using (geoname_id, distance)
      ),
      far_ring as materialized (
        select p.geoname_id, p.distance, l.id as location_id, ST_Distance(p.g, l.geom::geography, false) as meters
        from far_place p join location l on l.geom && ${boxAround(sql`p.geom`, sql`(p.distance * 3)`)}
          and ST_DWithin(p.g, l.geom::geography, p.distance * 3, false)
      ),
      near_far as (
        select f.geoname_id, f.set_no, f.distance, min(r.meters) as nearest
        from far_ring r join member m on m.location_id = r.location_id
        join far f on f.geoname_id = r.geoname_id and f.distance = r.distance and f.set_no = m.set_no
        group by f.geoname_id, f.set_no, f.distance
      ),
      inside as materialized (
        select a.id as territory_id, l.id as location_id, c.id as child_id from area a
        join location l on ST_Intersects(a.geom, l.geom)
        left join territory c on c.parent_id = a.id and ST_Intersects(c.geom, l.geom)
        where l.geom is not null
      )
      select 'settlement' as part, null::int as i, territory_id, geoname_id, name, population,
        ST_Y(geom) as lat, ST_X(geom) as lng, child_id, null::int as set_no, null::float8 as distance,
        null::float8 as nearest, null::boolean as total, null::int as services
      from st
      union all
      select 'nearest', null, null, geoname_id, null, null, null, null, null, set_no, distance, nearest, null, null
      from (select * from near_in union all select * from near_far) n
      union all
      select 'services', req.i, null, null, null, null, null, null, inside.child_id, null, null, null,
        grouping(inside.child_id) = 1, count(distinct m.service_id)::int
      from req join inside using (territory_id)
      join matching m on m.set_no = req.set_no and m.location_id = inside.location_id
      group by grouping sets ((req.i, inside.child_id), (req.i))`,
  );
}

export interface CoverageMatrixCell {
  /** The child territory (or the territory itself when it has no children). */
  territoryId: string;
  termId: string;
  settlements: number;
  uncoveredSettlements: number;
  population: number;
  uncoveredPopulation: number;
  services: number;
}

export interface CoverageMatrix {
  territory: { id: string; name: string; kind: string };
  distanceMeters: number;
  /** The rows: the territory's children (ORPs of a region, districts of a county), or itself. */
  territories: Array<{ id: string; name: string; kind: string }>;
  termIds: string[];
  /** One cell per row x term, rows in order, terms in the order asked. */
  cells: CoverageMatrixCell[];
}

/**
 * Every part of a territory against every service type at once (each term with its descendants),
 * in one statement: the overview a coordinator reads first ("which ORPs lack which help").
 * The same rules as `coverageGaps`: a settlement is covered by a matching location within the distance.
 */
export async function coverageMatrix(db: Database, input: CoverageInput): Promise<CoverageMatrix | null> {
  const { territoryId, termIds, distanceMeters } = input;
  const [territory] = await selectRows<{ id: string; name: string; kind: string }>(
    db,
    sql`select id, name, kind::text as kind from territory where id = ${territoryId}::uuid`,
  );
  if (!territory) return null;
  let rows = await selectRows<{ id: string; name: string; kind: string }>(
    db,
    sql`select id, name, kind::text as kind from territory where parent_id = ${territoryId}::uuid order by name, id`,
  );
  if (rows.length === 0) rows = [territory];
  const rowIds = uuidArray(rows.map((r) => r.id));
  const cells = await selectRows<{
    territory_id: string;
    term_id: string;
    settlements: number;
    uncovered: number;
    population: number;
    uncovered_population: number;
    services: number;
  }>(
    db,
    sql`with recursive types(root, id) as (
        select r, r from unnest(${uuidArray(termIds)}) r
        union select types.root, t.id from taxonomy_term t join types on t.parent_id = types.id
      ),
      pts as materialized (
        select distinct types.root, l.id, l.geom, sal.service_id from types
        join attribute a on a.link_entity = 'service' and a.taxonomy_term_id = types.id
        join service s on s.id = a.link_id
        join service_at_location sal on sal.service_id = s.id
        join location l on l.id = sal.location_id
        where s.status = 'active' and l.geom is not null
      ),
      parts as materialized (select id, name, geom from territory where id = any (${rowIds})),
      st as materialized (
        select distinct on (s.geoname_id) s.geoname_id, s.population, s.geom::geography as g,
          ${boxAround(sql`s.geom`, distanceMeters)} as box, parts.id as part
        from settlement s join parts on ST_Intersects(parts.geom, s.geom)
        order by s.geoname_id, parts.name, parts.id
      ),
      cov as (
        select st.part, r.root, st.population, exists (
          select 1 from pts p where p.root = r.root and p.geom && st.box
            and ST_DWithin(st.g, p.geom::geography, ${distanceMeters}, false)) as covered
        from st cross join unnest(${uuidArray(termIds)}) r(root)
      ),
      served as (
        select parts.id as part, p.root, count(distinct p.service_id)::int as services
        from pts p join parts on ST_Intersects(parts.geom, p.geom) group by parts.id, p.root
      ),
      grid as (select parts.id as part, r.root from parts cross join unnest(${uuidArray(termIds)}) r(root))
      select grid.part as territory_id, grid.root as term_id,
        count(cov.part)::int as settlements,
        count(cov.part) filter (where not cov.covered)::int as uncovered,
        coalesce(sum(cov.population), 0)::int as population,
        coalesce(sum(cov.population) filter (where not cov.covered), 0)::int as uncovered_population,
        coalesce(max(served.services), 0)::int as services
      from grid
      left join cov on cov.part = grid.part and cov.root = grid.root
      left join served on served.part = grid.part and served.root = grid.root
      group by grid.part, grid.root`,
  );
  const at = new Map(cells.map((c) => [`${c.territory_id}|${c.term_id}`, c]));
  return {
    territory,
    distanceMeters,
    territories: rows,
    termIds,
    cells: rows.flatMap((r) =>
      termIds.map((termId) => {
        const c = at.get(`${r.id}|${termId}`);
        return {
          territoryId: r.id,
          termId,
          settlements: Number(c?.settlements ?? 0),
          uncoveredSettlements: Number(c?.uncovered ?? 0),
          population: Number(c?.population ?? 0),
          uncoveredPopulation: Number(c?.uncovered_population ?? 0),
          services: Number(c?.services ?? 0),
        };
      }),
    ),
  };
}

function summarise(settlements: readonly CoverageSettlement[], services: number): CoverageSummary {
  const population = settlements.reduce((n, s) => n + s.population, 0);
  const uncovered = settlements.filter((s) => !s.covered);
  const uncoveredPopulation = uncovered.reduce((n, s) => n + s.population, 0);
  return {
    settlements: settlements.length,
    uncoveredSettlements: uncovered.length,
    population,
    uncoveredPopulation,
    coveredShare: population ? (population - uncoveredPopulation) / population : null,
    services,
    servicesPer10k: population ? (services / population) * 10_000 : null,
  };
}

/** The uncovered and covered settlements as CSV (UTF-8 with BOM, so spreadsheets read diacritics). */
export function coverageCsv(result: CoverageResult, header: readonly string[]): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = [header.map(cell).join(',')];
  for (const s of result.settlements) {
    const child = result.children.find((c) => c.id === s.childTerritoryId);
    lines.push(
      [s.geonameId, s.name, s.population, s.covered ? 1 : 0, s.nearestMeters, child?.name ?? null]
        .map(cell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
