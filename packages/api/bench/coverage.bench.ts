// Gap analysis: every one of the 15 Vysočina ORPs x 10 service types (150 analyses) on the seeded
// demo data, on PGlite and on PostgreSQL, against a bare-SQL baseline measured in the same run: the
// statement that answers only "which settlements of this ORP have a location of this type within
// 15 km" (no nearest distance, no choropleth, no services count, no data quality), written to use
// the GiST index of location.geom. Measured both ways:
// - batch: `coverageGapsMany` with all 150 analyses in one call (what the territory report and a
//   coordinator's overview do) against one bare statement for all 150;
// - per analysis: 150 `coverageGaps` calls (the coverage screen, the CSV) against 150 bare statements.
// Prints figures and ratios; asserts nothing.
//   pnpm --filter @caremap/api exec tsx bench/coverage.bench.ts
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (the default; `none` skips it)
//   BENCH_ROUNDS (default 5), BENCH_ONLY=postgres|pglite
import { type DatabaseHandle, selectRows } from '@caremap/db';
import { forEachBenchDatabase } from '@caremap/db/bench';
import { seed } from '@caremap/db/seed';
import { sql } from 'drizzle-orm';
import { coverageGaps, coverageGapsMany } from '../src/network/coverage';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DISTANCE = 15_000;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`.padStart(8);

async function benchOn(handle: DatabaseHandle, label: string) {
  await seed(handle.db, { demoPassword: 'bench', now: new Date('2026-12-02T09:00:00Z') });
  const db = handle.db;
  const orps = await selectRows<{ id: string; name: string }>(
    db,
    sql`select t.id, t.name from territory t join territory r on r.id = t.parent_id
        where r.code = 'CZ-63' and t.kind = 'orp' order by t.code`,
  );
  // The ten service types most often tagged in the region: the analyses a coordinator runs.
  const types = await selectRows<{ id: string }>(
    db,
    sql`select a.taxonomy_term_id as id from attribute a join taxonomy_term tt on tt.id = a.taxonomy_term_id
        where a.link_entity = 'service' and tt.taxonomy <> 'caremap-facets'
        group by a.taxonomy_term_id order by count(*) desc, a.taxonomy_term_id limit 10`,
  );
  const pairs = orps.flatMap((o) =>
    types.map((t) => ({ territoryId: o.id, termIds: [t.id], distanceMeters: DISTANCE })),
  );

  // Covered or not, per settlement of the ORP: a location of a service of the type within 15 km on
  // the sphere, found through the GiST index (a box of at least 15 km around the settlement).
  const covered = sql`exists (
      select 1 from location l join service_at_location sal on sal.location_id = l.id
      join service s on s.id = sal.service_id
      join attribute a on a.link_entity = 'service' and a.link_id = s.id
      where s.status = 'active' and a.taxonomy_term_id = p.term_id
        and l.geom && ST_Expand(st.geom, ${DISTANCE * 1.02} / (110500 * cos(radians(abs(ST_Y(st.geom)) + 1))), ${DISTANCE * 1.02} / 110500.0)
        and ST_DWithin(st.geom::geography, l.geom::geography, ${DISTANCE}, false))`;
  const bareOne = (p: (typeof pairs)[number]) =>
    selectRows(
      db,
      sql`select st.geoname_id, ${covered} as covered
          from (select ${p.territoryId}::uuid as territory_id, ${p.termIds[0]}::uuid as term_id) p
          join territory t on t.id = p.territory_id join settlement st on ST_Intersects(t.geom, st.geom)`,
    );
  const bareAll = () =>
    selectRows(
      db,
      sql`select p.i, st.geoname_id, ${covered} as covered
          from json_to_recordset(${JSON.stringify(pairs.map((p, i) => ({ i, territory_id: p.territoryId, term_id: p.termIds[0] })))}::json)
            as p(i int, territory_id uuid, term_id uuid)
          join territory t on t.id = p.territory_id join settlement st on ST_Intersects(t.geom, st.geom)`,
    );

  const time = async (run: () => Promise<unknown>) => {
    const t0 = performance.now();
    await run();
    return performance.now() - t0;
  };
  const sweep = async (run: (p: (typeof pairs)[number]) => Promise<unknown>, calls: number[]) => {
    const t0 = performance.now();
    for (const p of pairs) calls.push(await time(() => run(p)));
    return performance.now() - t0;
  };
  const many = () => coverageGapsMany(db, pairs);
  const one = (p: (typeof pairs)[number]) => coverageGaps(db, p);
  // Warm all four (plans, caches).
  await many();
  await bareAll();
  await sweep(one, []);
  await sweep(bareOne, []);
  const figures = {
    many: [] as number[],
    bareAll: [] as number[],
    one: [] as number[],
    bareOne: [] as number[],
  };
  const oneCalls: number[] = [];
  const bareCalls: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    figures.many.push(await time(many));
    figures.bareAll.push(await time(bareAll));
    figures.one.push(await sweep(one, oneCalls));
    figures.bareOne.push(await sweep(bareOne, bareCalls));
  }
  const m = {
    many: pct(figures.many, 0.5),
    bareAll: pct(figures.bareAll, 0.5),
    one: pct(figures.one, 0.5),
    bareOne: pct(figures.bareOne, 0.5),
  };
  const per = (calls: number[]) => `per analysis p50 ${ms(pct(calls, 0.5))} p95 ${ms(pct(calls, 0.95))}`;
  console.log(
    `\n${label}: ${orps.length} ORPs x ${types.length} service types = ${pairs.length} analyses, ${DISTANCE / 1000} km, median of ${ROUNDS} rounds`,
  );
  console.log(`  coverageGapsMany  one call        ${ms(m.many)}`);
  console.log(`  bare SQL          one statement   ${ms(m.bareAll)}`);
  console.log(`  coverageGaps      150 calls       ${ms(m.one)}  ${per(oneCalls)}`);
  console.log(`  bare SQL          150 statements  ${ms(m.bareOne)}  ${per(bareCalls)}`);
  console.log(
    `  ratio: batch ${(m.many / m.bareAll).toFixed(2)}x bare, per analysis ${(m.one / m.bareOne).toFixed(2)}x bare (target on PostgreSQL: the 150 analyses <= 300 ms)`,
  );
}

await forEachBenchDatabase(benchOn);
