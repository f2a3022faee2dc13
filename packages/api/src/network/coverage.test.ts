// The coverage analysis on the seeded demo data, checked against an independent brute force
// (test/coverage-oracle.ts: haversine over the raw coordinates, turf point-in-polygon), and who may
// ask for it.
import { type Database, selectRows } from '@caremap/db';
import { seed } from '@caremap/db/seed';
import { useTestDatabase } from '@caremap/db/testing';
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CoverageOracle } from '../../test/coverage-oracle';
import { callerFor } from '../../test/fixtures';
import { type CoverageResult, coverageCsv, coverageGaps, coverageGapsMany, coverageMatrix } from './coverage';

const t = useTestDatabase();
let db: Database;
let oracle: CoverageOracle;
const terms: Record<string, string> = {};
const territories: Record<string, string> = {};

beforeAll(async () => {
  db = t.current.db;
  await seed(db, { demoPassword: 'coverage test', now: new Date('2026-12-02T09:00:00Z') });
  oracle = await CoverageOracle.load(db);
  for (const r of await selectRows<{ id: string; code: string }>(
    db,
    sql`select id, code from taxonomy_term where taxonomy <> 'caremap-facets'`,
  ))
    terms[r.code] = r.id;
  for (const r of await selectRows<{ id: string; code: string }>(
    db,
    sql`select id, code from territory where code is not null`,
  ))
    territories[r.code] = r.id;
});

/** The analysis must say exactly what the brute force says, settlement by settlement. */
function expectAgreement(result: CoverageResult, territoryId: string, termIds: string[], distance: number) {
  const expected = oracle.settlementsOf(territoryId, termIds, distance);
  expect(result.settlements.map((s) => s.geonameId).sort()).toEqual(expected.map((s) => s.geonameId).sort());
  const ours = new Map(result.settlements.map((s) => [s.geonameId, s]));
  for (const e of expected) {
    const s = ours.get(e.geonameId)!;
    if (!e.borderline)
      expect({ id: e.geonameId, covered: s.covered }).toEqual({ id: e.geonameId, covered: e.covered });
    if (e.nearest <= distance * 3 - 1) expect(Math.abs(s.nearestMeters! - e.nearest)).toBeLessThan(1.5);
    else if (e.nearest > distance * 3 + 1) expect(s.nearestMeters).toBeNull();
  }
  const sure = expected.filter((e) => !e.borderline);
  const uncoveredPopulation = sure.filter((e) => !e.covered).reduce((n, e) => n + e.population, 0);
  if (sure.length === expected.length) {
    expect(result.summary.uncoveredSettlements).toBe(expected.filter((e) => !e.covered).length);
    expect(result.summary.uncoveredPopulation).toBe(uncoveredPopulation);
  }
  expect(result.summary.population).toBe(expected.reduce((n, e) => n + e.population, 0));
  expect(result.summary.services).toBe(oracle.servicesInside(territoryId, termIds));
  // Uncovered first, then the largest places.
  const order = result.settlements.map((s) => [Number(s.covered), -s.population]);
  expect(order).toEqual([...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
}

describe('coverage gaps', () => {
  it('lists the settlements of an ORP with no crisis service within 15 km, with their population', async () => {
    // ORP Jihlava (6105) and ORP Třebíč (6112): the seat towns have crisis help, the outskirts not all.
    let sawGap = false;
    for (const code of ['6105', '6112', '6113', '6101']) {
      const input = {
        territoryId: territories[code]!,
        termIds: [terms.crisis_service!],
        distanceMeters: 15_000,
      };
      const result = (await coverageGaps(db, input))!;
      expectAgreement(result, input.territoryId, input.termIds, input.distanceMeters);
      expect(result.summary.settlements).toBeGreaterThan(0);
      if (result.summary.uncoveredSettlements > 0) {
        sawGap = true;
        const gap = result.settlements[0]!;
        expect(gap.covered).toBe(false);
        expect(gap.population).toBeGreaterThan(0);
        expect(gap.nearestMeters === null || gap.nearestMeters > 15_000).toBe(true);
      }
    }
    // The demo data has gaps to find; a check over nothing but covered places would prove little.
    expect(sawGap).toBe(true);
  });

  it('counts a parent term with its descendants, and a wider distance covers more', async () => {
    const territoryId = territories['CZ-63']!;
    const parent = (await coverageGaps(db, {
      territoryId,
      termIds: [terms.crisis_and_protection!],
      distanceMeters: 10_000,
    }))!;
    const child = (await coverageGaps(db, {
      territoryId,
      termIds: [terms.crisis_service!],
      distanceMeters: 10_000,
    }))!;
    expectAgreement(parent, territoryId, [terms.crisis_and_protection!], 10_000);
    expect(parent.summary.services).toBeGreaterThan(child.summary.services);
    const wide = (await coverageGaps(db, {
      territoryId,
      termIds: [terms.crisis_service!],
      distanceMeters: 40_000,
    }))!;
    expect(wide.summary.uncoveredPopulation).toBeLessThanOrEqual(child.summary.uncoveredPopulation);
    expect(wide.summary.uncoveredSettlements).toBeLessThan(child.summary.uncoveredSettlements);
  });

  it('gives the region a choropleth of its ORPs that adds up to the region', async () => {
    const territoryId = territories['CZ-63']!;
    const termIds = [terms.crisis_service!, terms.mother_child_shelter!];
    const result = (await coverageGaps(db, { territoryId, termIds, distanceMeters: 15_000 }))!;
    expectAgreement(result, territoryId, termIds, 15_000);
    expect(result.children.map((c) => c.id).sort()).toEqual(oracle.childrenOf(territoryId).sort());
    expect(result.children).toHaveLength(15);
    for (const c of result.children) {
      const own = oracle.settlementsOf(c.id, termIds, 15_000);
      expect({ orp: c.name, population: c.population }).toEqual({
        orp: c.name,
        population: own.reduce((n, e) => n + e.population, 0),
      });
      expect(c.services).toBe(oracle.servicesInside(c.id, termIds));
      if (c.population) expect(c.servicesPer10k).toBeCloseTo((c.services / c.population) * 10_000, 9);
      expect(c.geometry.type).toBe('MultiPolygon');
    }
    // The approximate ORPs tile the region: every settlement of the region falls in one ORP.
    expect(result.settlements.every((s) => s.childTerritoryId !== null)).toBe(true);
  });

  it('agrees with the brute force on random territories, service types and distances', async () => {
    const termCodes = Object.keys(terms);
    const territoryCodes = Object.keys(territories);
    let seedValue = 20261202;
    const random = () => {
      seedValue = (seedValue * 1103515245 + 12345) % 2 ** 31;
      return seedValue / 2 ** 31;
    };
    for (let i = 0; i < 12; i++) {
      const territoryId = territories[territoryCodes[Math.floor(random() * territoryCodes.length)]!]!;
      const pick = () => terms[termCodes[Math.floor(random() * termCodes.length)]!]!;
      const termIds = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, pick))];
      const distanceMeters = 1_000 + Math.floor(random() * 60) * 1_000;
      const result = (await coverageGaps(db, { territoryId, termIds, distanceMeters }))!;
      expectAgreement(result, territoryId, termIds, distanceMeters);
    }
  });

  it('gives the matrix of ORPs x service types that the brute force gives, each term with its descendants', async () => {
    const territoryId = territories['CZ-63']!;
    const termIds = [terms.crisis_service!, terms.crisis_and_protection!, terms.mother_child_shelter!];
    for (const distanceMeters of [8_000, 25_000]) {
      const matrix = (await coverageMatrix(db, { territoryId, termIds, distanceMeters }))!;
      expect(matrix.territories.map((r) => r.id).sort()).toEqual(oracle.childrenOf(territoryId).sort());
      expect(matrix.cells).toHaveLength(15 * termIds.length);
      let uncovered = 0;
      for (const cell of matrix.cells) {
        const own = oracle.settlementsOf(cell.territoryId, [cell.termId], distanceMeters);
        const sure = own.every((e) => !e.borderline);
        expect({ ...cell, uncoveredSettlements: sure ? cell.uncoveredSettlements : 0 }).toEqual({
          territoryId: cell.territoryId,
          termId: cell.termId,
          settlements: own.length,
          uncoveredSettlements: sure ? own.filter((e) => !e.covered).length : 0,
          population: own.reduce((n, e) => n + e.population, 0),
          uncoveredPopulation: sure
            ? own.filter((e) => !e.covered).reduce((n, e) => n + e.population, 0)
            : cell.uncoveredPopulation,
          services: oracle.servicesInside(cell.territoryId, [cell.termId]),
        });
        uncovered += cell.uncoveredSettlements;
      }
      if (distanceMeters === 8_000) expect(uncovered).toBeGreaterThan(0);
    }
    // A territory without parts is its own single row.
    const single = (await coverageMatrix(db, {
      territoryId: territories['6105']!,
      termIds,
      distanceMeters: 15_000,
    }))!;
    expect(single.territories.map((r) => r.id)).toEqual([territories['6105']]);
  });

  it('answers a batch of analyses exactly as one call each, in the order asked', async () => {
    // Every ORP of the region with two types, a mixed pair, another distance, the region itself
    // (a territory also asked for with its parts) and a territory that does not exist.
    const region = territories['CZ-63']!;
    const inputs = [
      ...oracle.childrenOf(region).flatMap((territoryId) =>
        [terms.crisis_service!, terms.mother_child_shelter!].map((term) => ({
          territoryId,
          termIds: [term],
          distanceMeters: 15_000,
        })),
      ),
      {
        territoryId: territories['6105']!,
        termIds: [terms.crisis_service!, terms.mother_child_shelter!],
        distanceMeters: 15_000,
      },
      { territoryId: territories['6105']!, termIds: [terms.crisis_service!], distanceMeters: 4_000 },
      { territoryId: region, termIds: [terms.crisis_and_protection!], distanceMeters: 20_000 },
      {
        territoryId: '00000000-0000-4000-8000-000000000000',
        termIds: [terms.crisis_service!],
        distanceMeters: 15_000,
      },
    ];
    const batch = await coverageGapsMany(db, inputs);
    expect(batch).toHaveLength(inputs.length);
    expect(batch.at(-1)).toBeNull();
    for (const [k, input] of inputs.entries()) {
      expect(batch[k]).toEqual(await coverageGaps(db, input));
      if (batch[k]) expectAgreement(batch[k]!, input.territoryId, input.termIds, input.distanceMeters);
    }
  });

  it('reports data quality: the share of services with schedules and with a contact', async () => {
    const result = (await coverageGaps(db, {
      territoryId: territories['CZ-63']!,
      termIds: [terms.crisis_service!],
      distanceMeters: 15_000,
    }))!;
    const [expected] = await selectRows<{ n: number; sched: number }>(
      db,
      sql`select count(distinct s.id)::int as n,
            count(distinct s.id) filter (where sc.id is not null)::int as sched
          from service s join service_at_location sal on sal.service_id = s.id
          join location l on l.id = sal.location_id
          left join schedule sc on sc.service_id = s.id
          where s.status = 'active' and ST_Intersects((select geom from territory where code = 'CZ-63'), l.geom)`,
    );
    expect(result.dataQuality.services).toBe(expected!.n);
    expect(result.dataQuality.withSchedule).toBeCloseTo(expected!.sched / expected!.n, 9);
    expect(result.dataQuality.withContact).toBeGreaterThan(0);
    expect(result.dataQuality.withContact).toBeLessThanOrEqual(1);
  });

  it('writes a CSV a spreadsheet opens with the diacritics intact', async () => {
    const result = (await coverageGaps(db, {
      territoryId: territories['6105']!,
      termIds: [terms.crisis_service!],
      distanceMeters: 15_000,
    }))!;
    const csv = coverageCsv(result, [
      'geonames_id',
      'settlement',
      'population',
      'covered',
      'nearest_m',
      'part',
    ]);
    expect(csv.startsWith('\uFEFFgeonames_id,settlement,')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(result.settlements.length + 1);
    expect(lines.some((l) => l.includes('Jihlava'))).toBe(true);
  });
});

describe('who may analyse a territory', () => {
  async function signedIn(local: string | null) {
    const session = callerFor(db, `10.88.0.${Math.floor(Math.random() * 250) + 1}`);
    if (local)
      await (await session.caller()).auth.login({
        email: `${local}@demo.caremap.eu`,
        password: 'coverage test',
      });
    return session.caller();
  }
  const input = () => ({
    territoryId: territories['6105']!,
    termIds: [terms.crisis_service!],
    distanceMeters: 15_000,
  });
  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
      return 'allowed';
    } catch (e) {
      return e instanceof TRPCError ? e.code : String(e);
    }
  };

  it('lets the networker of the ORP, the region coordinator and an administrator in', async () => {
    for (const who of ['networker', 'coordinator', 'admin']) {
      const caller = await signedIn(who);
      expect((await caller.coverage.gaps(input())).territory.id).toBe(territories['6105']);
    }
  });

  it('refuses a networker outside the territory, organisers, partners and anonymous visitors', async () => {
    // The demo networker works in 6105, 6113 and 6112, not in ORP Pelhřimov (6110).
    const networker = await signedIn('networker');
    expect(await refusal(networker.coverage.gaps({ ...input(), territoryId: territories['6110']! }))).toBe(
      'FORBIDDEN',
    );
    expect(await refusal((await signedIn('organiser')).coverage.gaps(input()))).toBe('FORBIDDEN');
    expect(await refusal((await signedIn('partner')).coverage.gaps(input()))).toBe('FORBIDDEN');
    expect(await refusal((await signedIn(null)).coverage.gaps(input()))).toBe('UNAUTHORIZED');
  });

  it('names the field of a bad input', async () => {
    const caller = await signedIn('admin');
    const e = await caller.coverage.gaps({ ...input(), distanceMeters: 10 }).catch((error: unknown) => error);
    expect(e).toBeInstanceOf(TRPCError);
    expect((e as TRPCError).code).toBe('BAD_REQUEST');
    expect((e as TRPCError).message).toContain('distance must be at least 500 m');
  });
});
