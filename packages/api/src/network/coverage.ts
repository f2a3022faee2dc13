// Coverage and gap analysis for a territory: which settlements of the packaged gazetteer have no
// service of the chosen types within a distance, the population affected, coverage per child
// territory (ORPs of a region, districts of a county: the choropleth), services per 10,000
// inhabitants and data quality. All of it is one PostGIS statement per call, for one analysis or many.
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
import { sql } from 'drizzle-orm';
import {
  type AnalysisKey,
  boxAround,
  type CoverageRow,
  selectCoverageRows,
  uuidArray,
} from './coverage-query';

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

/** The analysis, or null when there is no such territory. Access is decided by the caller. */
export async function coverageGaps(db: Database, input: CoverageInput): Promise<CoverageResult | null> {
  const [result] = await coverageGapsMany(db, [input]);
  return result ?? null;
}

/**
 * Many analyses at once (all ORPs of a region x several service types, the service types of a
 * territory report): each answer is exactly what `coverageGaps` gives for its input, in the order
 * asked (null for an unknown territory), from one statement (coverage-query.ts) whatever their
 * number. What depends only on the territory (its settlements, parts, data quality) is computed
 * once per territory, each settlement-to-location distance once.
 */
export async function coverageGapsMany(
  db: Database,
  inputs: readonly CoverageInput[],
): Promise<Array<CoverageResult | null>> {
  if (inputs.length === 0) return [];
  // Each distinct set of terms is numbered once; an analysis is (territory, term set, distance).
  const setNumbers = new Map<string, number>();
  const roots: Array<{ set_no: number; id: string }> = [];
  const analyses: AnalysisKey[] = inputs.map((input, i) => {
    const key = [...new Set(input.termIds)].sort().join(',');
    let setNo = setNumbers.get(key);
    if (setNo === undefined) {
      setNo = setNumbers.size;
      setNumbers.set(key, setNo);
      for (const id of key.split(',')) roots.push({ set_no: setNo, id });
    }
    return { i, territory_id: input.territoryId, set_no: setNo, distance: input.distanceMeters };
  });
  const rows = await selectCoverageRows(db, analyses, roots);

  const of = (part: CoverageRow['part']) => rows.filter((r) => r.part === part);
  const territories = new Map(of('territory').map((t) => [t.territory_id!, t]));
  const childrenOf = groupBy(
    of('child').sort((a, b) => Number(a.ord) - Number(b.ord)),
    (c) => c.territory_id!,
  );
  const settlementsOf = groupBy(of('settlement'), (r) => r.territory_id!);
  const nearest = new Map(
    of('nearest').map((r) => [`${r.geoname_id}|${r.set_no}|${Number(r.distance)}`, r.nearest]),
  );
  const servedBy = groupBy(of('services'), (r) => `${r.territory_id}|${r.set_no}`);

  return inputs.map((input, i) => {
    const t = territories.get(input.territoryId);
    if (!t) return null;
    const { set_no, distance } = analyses[i]!;
    const settlements: CoverageSettlement[] = (settlementsOf.get(input.territoryId) ?? [])
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
    // The grouping set without the child is the total; a group with a null child is "inside no child".
    const served = servedBy.get(`${input.territoryId}|${set_no}`) ?? [];
    const servicesIn = (childId: string) =>
      Number(served.find((r) => !r.total && r.child_id === childId)?.services ?? 0);
    const children: CoverageChild[] = (childrenOf.get(input.territoryId) ?? []).map((c) => ({
      id: c.child_id!,
      name: c.name!,
      kind: c.kind!,
      geometry: JSON.parse(c.geometry!) as MultiPolygonGeometry,
      ...summarise(
        settlements.filter((s) => s.childTerritoryId === c.child_id),
        servicesIn(c.child_id!),
      ),
    }));
    const qualityServices = Number(t.services);
    return {
      territory: { id: input.territoryId, name: t.name!, kind: t.kind! },
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
