// Gap analysis: every one of the 15 Vysočina ORPs x 10 service types (150 analyses) on the seeded
// demo data, on PGlite and on PostgreSQL, against a bare-SQL baseline measured in the same run: the
// one statement that answers only "which settlements of this ORP have a location of this type within
// 15 km" (no nearest distance, no choropleth, no data quality). Prints figures; asserts nothing.
//   pnpm --filter @caremap/api exec tsx bench/coverage.bench.ts
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (the default; `none` skips it)
import { type DatabaseHandle, selectRows } from '@caremap/db';
import { forEachBenchDatabase } from '@caremap/db/bench';
import { seed } from '@caremap/db/seed';
import { sql } from 'drizzle-orm';
import { coverageGaps } from '../src/network/coverage';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DISTANCE = 15_000;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

async function benchOn(handle: DatabaseHandle, label: string) {
  {
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
    const pairs = orps.flatMap((o) => types.map((t) => ({ territoryId: o.id, termIds: [t.id] })));
    const bare = (p: { territoryId: string; termIds: string[] }) =>
      selectRows(
        db,
        sql`select st.geoname_id, exists (
              select 1 from service_at_location sal join location l on l.id = sal.location_id
              join service s on s.id = sal.service_id
              join attribute a on a.link_entity = 'service' and a.link_id = s.id
              where s.status = 'active' and a.taxonomy_term_id = ${p.termIds[0]}::uuid
                and ST_DWithin(st.geom::geography, l.geom::geography, ${DISTANCE}, false)) as covered
            from settlement st where ST_Intersects((select geom from territory where id = ${p.territoryId}::uuid), st.geom)`,
      );
    const ours = (p: { territoryId: string; termIds: string[] }) =>
      coverageGaps(db, { ...p, distanceMeters: DISTANCE });

    const sweep = async (run: (p: (typeof pairs)[number]) => Promise<unknown>, calls: number[]) => {
      const t0 = performance.now();
      for (const p of pairs) {
        const c0 = performance.now();
        await run(p);
        calls.push(performance.now() - c0);
      }
      return performance.now() - t0;
    };
    await sweep(ours, []);
    await sweep(bare, []); // warm both
    const oursTotals: number[] = [];
    const bareTotals: number[] = [];
    const oursCalls: number[] = [];
    const bareCalls: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      oursTotals.push(await sweep(ours, oursCalls));
      bareTotals.push(await sweep(bare, bareCalls));
    }
    const oursMedian = pct(oursTotals, 0.5);
    const bareMedian = pct(bareTotals, 0.5);
    console.log(
      `\n${label}: ${orps.length} ORPs x ${types.length} service types = ${pairs.length} analyses, ${DISTANCE / 1000} km, median of ${ROUNDS} sweeps`,
    );
    console.log(
      `  coverageGaps  sweep ${ms(oursMedian)}  per analysis p50 ${ms(pct(oursCalls, 0.5))} p95 ${ms(pct(oursCalls, 0.95))}`,
    );
    console.log(
      `  bare SQL      sweep ${ms(bareMedian)}  per analysis p50 ${ms(pct(bareCalls, 0.5))} p95 ${ms(pct(bareCalls, 0.95))}`,
    );
    console.log(
      `  ratio ${(oursMedian / bareMedian).toFixed(2)}x bare (target on PostgreSQL: sweep <= 300 ms)`,
    );
  }
}

await forEachBenchDatabase(benchOn);
