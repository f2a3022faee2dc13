// The territory page's API calls with 5,000 providers in the territory: the demo data plus
// BENCH_PROVIDERS synthetic providers (organization, service, location inside the ORP), on PGlite
// and on PostgreSQL. A coordinator opening /network/territories/<Jihlava ORP> makes two calls, one
// after the other (the assignment panel asks once the page has its territory): territory.get and
// territory.assignable. Measured in the same run:
//   - the calls through the tRPC caller (input parsing, policy, handlers), p50 / p95 per call and
//     per page;
//   - the bare SQL: the very statements those calls sent, captured once and replayed through the
//     driver, p50 / p95; and the ratio of the two page p95s.
// Figures only; nothing asserts a time (target on PostgreSQL: page p95 <= 100 ms).
//   pnpm --filter @caremap/api exec tsx bench/territory-page.bench.ts
import { randomUUID } from 'node:crypto';
import { type DatabaseHandle, schema, selectRows } from '@caremap/db';
import { captureStatements, driverOf, forEachBenchDatabase } from '@caremap/db/bench';
import { seed } from '@caremap/db/seed';
import { eq, sql } from 'drizzle-orm';
import { loadSessionUser } from '../src/auth/session';
import { createCaller } from '../src/root';

const PROVIDERS = Number(process.env.BENCH_PROVIDERS ?? 5_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const NOW = new Date('2026-12-02T09:00:00Z');

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

/** PROVIDERS organizations, each with one active service at one location inside the territory. */
async function addProviders(handle: DatabaseHandle, territoryId: string) {
  const db = handle.db;
  const points = await selectRows<{ lng: number; lat: number }>(
    db,
    sql`select ST_X(p.geom) as lng, ST_Y(p.geom) as lat from territory t,
          ST_Dump(ST_GeneratePoints(t.geom, ${PROVIDERS}, 42)) p where t.id = ${territoryId}::uuid`,
  );
  const [term] = await selectRows<{ id: string }>(
    db,
    sql`select id from taxonomy_term where parent_id is null and taxonomy is distinct from 'caremap-facets' order by code limit 1`,
  );
  for (let i = 0; i < points.length; i += 500) {
    const batch = points.slice(i, i + 500).map((p, j) => ({
      org: randomUUID(),
      service: randomUUID(),
      location: randomUUID(),
      n: i + j + 1,
      ...p,
    }));
    await db
      .insert(schema.organization)
      .values(batch.map((b) => ({ id: b.org, name: `Poskytovatel ${b.n}`, description: 'bench' })));
    await db
      .insert(schema.service)
      .values(batch.map((b) => ({ id: b.service, organizationId: b.org, name: `Služba ${b.n}` })));
    await db.insert(schema.location).values(
      batch.map((b) => ({
        id: b.location,
        organizationId: b.org,
        latitude: Number(b.lat),
        longitude: Number(b.lng),
      })),
    );
    await db
      .insert(schema.serviceAtLocation)
      .values(batch.map((b) => ({ serviceId: b.service, locationId: b.location })));
    await db
      .insert(schema.attribute)
      .values(batch.map((b) => ({ linkId: b.service, linkEntity: 'service', taxonomyTermId: term!.id })));
  }
  return points.length;
}

async function benchOn(handle: DatabaseHandle, label: string) {
  const db = handle.db;
  await seed(db, { demoPassword: 'bench', now: NOW });
  const [orp] = await selectRows<{ id: string; name: string }>(
    db,
    sql`select t.id, t.name from territory t join territory r on r.id = t.parent_id
        where r.code = 'CZ-63' and t.kind = 'orp' and t.name like '%Jihlava%' limit 1`,
  );
  const added = await addProviders(handle, orp!.id);
  await db.execute(sql`analyze`);
  const [row] = await db
    .select()
    .from(schema.appUser)
    .where(eq(schema.appUser.email, 'coordinator@demo.caremap.eu'));
  const user = await loadSessionUser(db, row!);
  const callerOn = (database: typeof db) =>
    createCaller({
      db: database,
      requestId: 'bench',
      clientKey: '127.0.0.1',
      sessionToken: null,
      user,
      setSessionToken: () => {},
    });
  const input = { territoryId: orp!.id };
  const page = await callerOn(db).territory.get(input);
  const statements = await captureStatements(db, async (recorder) => {
    await callerOn(recorder).territory.get(input);
    await callerOn(recorder).territory.assignable(input);
  });
  const run = driverOf(handle);
  const caller = callerOn(db);

  const get: number[] = [];
  const assignable: number[] = [];
  const pageTimes: number[] = [];
  const bare: number[] = [];
  for (let r = 0; r < ROUNDS + 3; r++) {
    const g0 = performance.now();
    await caller.territory.get(input);
    const g1 = performance.now();
    await caller.territory.assignable(input);
    const a1 = performance.now();
    for (const s of statements) await run(s.sql, s.params);
    const b1 = performance.now();
    if (r < 3) continue; // warm-up
    get.push(g1 - g0);
    assignable.push(a1 - g1);
    pageTimes.push(a1 - g0);
    bare.push(b1 - a1);
  }
  console.log(
    `\n${label}: territory page of ${orp!.name} as a coordinator, ${page.locationCount.toLocaleString('en')} locations inside (${added.toLocaleString('en')} synthetic providers + demo data), ${statements.length} statements, ${ROUNDS} rounds`,
  );
  console.log(`  territory.get         p50 ${ms(pct(get, 0.5))} p95 ${ms(pct(get, 0.95))}`);
  console.log(`  territory.assignable  p50 ${ms(pct(assignable, 0.5))} p95 ${ms(pct(assignable, 0.95))}`);
  console.log(`  page (both calls)     p50 ${ms(pct(pageTimes, 0.5))} p95 ${ms(pct(pageTimes, 0.95))}`);
  console.log(`  bare SQL (same stmts) p50 ${ms(pct(bare, 0.5))} p95 ${ms(pct(bare, 0.95))}`);
  console.log(
    `  ratio page p95 / bare p95 ${(pct(pageTimes, 0.95) / pct(bare, 0.95)).toFixed(2)} (target on PostgreSQL: page p95 <= 100 ms)`,
  );
}

await forEachBenchDatabase(benchOn);
