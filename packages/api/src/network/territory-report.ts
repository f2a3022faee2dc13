// The territory report's figures: providers by service type, partner institutions by kind, needs by
// status, coverage gaps per service type (network/coverage.ts, one analysis per type), verification
// status and the changes of this quarter (record_history). Rendering (CSV, PDF, map) is in
// territory-report-render.ts; access is decided by the procedure.
//
// What counts, so the figures can be checked by hand:
// - A provider is an active service with a location inside the territory's polygon; its type is
//   each non-facet taxonomy term it is tagged with (a service with two types counts under both).
// - A partner institution belongs to the territory when it is filed under the territory (or one of
//   its descendants) or its pin lies inside the polygon.
// - Needs are those recorded for the territory or a territory below it.
// - A record is verified recently when verified within the configured number of months; else due.
// - Changes this quarter: history rows since the quarter began on the territory's clock, of the
//   records above.
import { type Database, selectRows } from '@caremap/db';
import type { Labels, MultiPolygonGeometry } from '@caremap/db/schema';
import { type SQL, sql } from 'drizzle-orm';
import { coverageGapsMany } from './coverage';
import { pointsOf } from './records/scope';

export const REPORT_TIME_ZONES: Record<string, string> = {
  CZ: 'Europe/Prague',
  HU: 'Europe/Budapest',
  TR: 'Europe/Istanbul',
};

const verifiableEntities = ['organization', 'service', 'location', 'partner_institution'] as const;
type VerifiableEntity = (typeof verifiableEntities)[number];

export interface TerritoryReport {
  territory: {
    id: string;
    name: string;
    kind: string;
    code: string | null;
    country: string;
    approximate: boolean;
    /** Simplified for the small map. */
    geometry: MultiPolygonGeometry;
  };
  generatedAt: Date;
  timeZone: string;
  quarterStart: Date;
  distanceMeters: number;
  verifyAfterMonths: number;
  providers: { services: number; organizations: number; locations: number };
  providersByType: Array<{
    termId: string;
    code: string;
    labels: Labels;
    services: number;
    organizations: number;
  }>;
  partnersByKind: Array<{ kind: string; partners: number; withAgreement: number }>;
  needsByStatus: Array<{ status: string; needs: number }>;
  coverage: Array<{
    termId: string;
    code: string;
    labels: Labels;
    settlements: number;
    uncoveredSettlements: number;
    uncoveredPopulation: number;
    coveredShare: number | null;
    /** The most populous uncovered settlements, largest first. */
    largestGaps: string[];
  }>;
  verification: Array<{ entity: VerifiableEntity; records: number; verifiedRecently: number; due: number }>;
  changes: Array<{ entity: string; action: string; changes: number }>;
  /** Provider locations inside the territory, for the map ([lng, lat]). */
  points: Array<[number, number]>;
}

const parse = (value: unknown) =>
  (typeof value === 'string' ? JSON.parse(value) : value) as MultiPolygonGeometry;

/** The report's figures, or null when there is no such territory. */
export async function territoryReport(
  db: Database,
  input: { territoryId: string; distanceMeters: number; verifyAfterMonths: number; now?: Date },
): Promise<TerritoryReport | null> {
  const { territoryId, distanceMeters, verifyAfterMonths } = input;
  const [t] = await selectRows<{
    id: string;
    name: string;
    kind: string;
    code: string | null;
    country: string;
    approximate: boolean;
    geometry: unknown;
  }>(
    db,
    sql`select id, name, kind::text as kind, code, country, approximate,
               ST_AsGeoJSON(ST_Multi(ST_SimplifyPreserveTopology(geom, 0.002)), 5) as geometry
        from territory where id = ${territoryId}::uuid`,
  );
  if (!t) return null;
  const generatedAt = input.now ?? new Date();
  const timeZone = REPORT_TIME_ZONES[t.country] ?? 'UTC';
  const area = sql`(select geom from territory where id = ${territoryId}::uuid)`;
  const below = sql`(with recursive down(id, depth) as (
      select ${territoryId}::uuid, 0
      union all select c.id, down.depth + 1 from territory c join down on c.parent_id = down.id where down.depth < 20)
    select id from down)`;
  const inside = sql`select distinct sal.service_id, s.organization_id, l.id as location_id, l.geom
      from location l join service_at_location sal on sal.location_id = l.id
      join service s on s.id = sal.service_id
      where s.status = 'active' and l.geom is not null and ST_Intersects(${area}, l.geom)`;
  const partnerIn = (alias: string) =>
    sql`(${sql.raw(alias)}.territory_id in ${below} or (${sql.raw(alias)}.geom is not null and ST_Intersects(${area}, ${sql.raw(alias)}.geom)))`;
  const recordIn = (entity: VerifiableEntity, alias: string): SQL =>
    entity === 'partner_institution'
      ? partnerIn(alias)
      : sql`exists (select 1 from (${pointsOf(entity, sql.raw(`${alias}.id`))}) pts
                    where pts.geom is not null and ST_Intersects(${area}, pts.geom))`;
  const recent = (alias: string) =>
    sql`${sql.raw(alias)}.last_verified_at >= ${generatedAt.toISOString()}::timestamptz - make_interval(months => ${verifyAfterMonths})`;
  const [quarter] = await selectRows<{ start: unknown }>(
    db,
    sql`select (date_trunc('quarter', ${generatedAt.toISOString()}::timestamptz at time zone ${timeZone}) at time zone ${timeZone}) as start`,
  );
  const quarterStart = new Date(quarter!.start as string);

  const [totals, byType, partners, needs, verification, changes, points, serviceTypes] = await Promise.all([
    selectRows<{ services: number; organizations: number; locations: number }>(
      db,
      sql`with inside as (${inside})
          select count(distinct service_id)::int as services, count(distinct organization_id)::int as organizations,
                 count(distinct location_id)::int as locations from inside`,
    ),
    selectRows<{ id: string; code: string; labels: Labels; services: number; organizations: number }>(
      db,
      sql`with inside as (${inside})
          select tt.id, tt.code, tt.labels, count(distinct i.service_id)::int as services,
                 count(distinct i.organization_id)::int as organizations
          from inside i join attribute a on a.link_entity = 'service' and a.link_id = i.service_id
          join taxonomy_term tt on tt.id = a.taxonomy_term_id
          where tt.taxonomy is distinct from 'caremap-facets'
          group by tt.id, tt.code, tt.labels order by services desc, tt.code`,
    ),
    selectRows<{ kind: string; partners: number; with_agreement: number }>(
      db,
      sql`select p.partner_kind::text as kind, count(*)::int as partners,
                 count(*) filter (where p.cooperation_agreement)::int as with_agreement
          from partner_institution p where ${partnerIn('p')} group by p.partner_kind order by partners desc, kind`,
    ),
    selectRows<{ status: string; needs: number }>(
      db,
      sql`select status::text as status, count(*)::int as needs from need
          where territory_id in ${below} group by status`,
    ),
    selectRows<{ entity: VerifiableEntity; records: number; recent: number }>(
      db,
      sql.join(
        verifiableEntities.map(
          (entity) =>
            sql`select ${entity} as entity, count(*)::int as records,
                       count(*) filter (where ${recent('r')})::int as recent
                from ${sql.raw(entity)} r where ${recordIn(entity, 'r')}`,
        ),
        sql` union all `,
      ),
    ),
    selectRows<{ entity: string; action: string; changes: number }>(
      db,
      sql`select h.entity::text as entity, h.action, count(*)::int as changes from record_history h
          where h.changed_at >= ${quarterStart.toISOString()}::timestamptz and (
            ${sql.join(
              verifiableEntities.map(
                (entity) =>
                  sql`(h.entity = ${entity} and exists (select 1 from ${sql.raw(entity)} r where r.id = h.entity_id and ${recordIn(entity, 'r')}))`,
              ),
              sql` or `,
            )}
            or (h.entity = 'need' and exists (select 1 from need n where n.id = h.entity_id and n.territory_id in ${below})))
          group by h.entity, h.action order by h.entity, h.action`,
    ),
    selectRows<{ lng: number; lat: number }>(
      db,
      sql`with inside as (${inside})
          select distinct on (location_id) ST_X(geom) as lng, ST_Y(geom) as lat from inside limit 10000`,
    ),
    // The top-level service types: a gap is a gap whether or not the territory has one provider.
    selectRows<{ id: string; code: string; labels: Labels }>(
      db,
      sql`select id, code, labels from taxonomy_term
          where parent_id is null and taxonomy is distinct from 'caremap-facets' order by code limit 50`,
    ),
  ]);

  const coverage: TerritoryReport['coverage'] = [];
  // Every top-level service type in one batch: the territory's settlements and parts once.
  const analyses = await coverageGapsMany(
    db,
    serviceTypes.map((term) => ({ territoryId, termIds: [term.id], distanceMeters })),
  );
  for (const [k, term] of serviceTypes.entries()) {
    const gaps = analyses[k];
    if (!gaps) continue;
    coverage.push({
      termId: term.id,
      code: term.code,
      labels: term.labels,
      settlements: gaps.summary.settlements,
      uncoveredSettlements: gaps.summary.uncoveredSettlements,
      uncoveredPopulation: gaps.summary.uncoveredPopulation,
      coveredShare: gaps.summary.coveredShare,
      largestGaps: gaps.settlements
        .filter((s) => !s.covered)
        .slice(0, 5)
        .map((s) => s.name),
    });
  }

  const total = totals[0] ?? { services: 0, organizations: 0, locations: 0 };
  const needCount = new Map(needs.map((n) => [n.status, Number(n.needs)]));
  return {
    territory: { ...t, geometry: parse(t.geometry) },
    generatedAt,
    timeZone,
    quarterStart,
    distanceMeters,
    verifyAfterMonths,
    providers: {
      services: Number(total.services),
      organizations: Number(total.organizations),
      locations: Number(total.locations),
    },
    providersByType: byType.map((r) => ({
      termId: r.id,
      code: r.code,
      labels: r.labels,
      services: Number(r.services),
      organizations: Number(r.organizations),
    })),
    partnersByKind: partners.map((r) => ({
      kind: r.kind,
      partners: Number(r.partners),
      withAgreement: Number(r.with_agreement),
    })),
    needsByStatus: (['open', 'in_progress', 'met'] as const).map((status) => ({
      status,
      needs: needCount.get(status) ?? 0,
    })),
    coverage,
    verification: verification.map((r) => ({
      entity: r.entity,
      records: Number(r.records),
      verifiedRecently: Number(r.recent),
      due: Number(r.records) - Number(r.recent),
    })),
    changes: changes.map((r) => ({ entity: r.entity, action: r.action, changes: Number(r.changes) })),
    points: points.map((p) => [Number(p.lng), Number(p.lat)]),
  };
}
