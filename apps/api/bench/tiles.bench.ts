// Vector tiles of the directory: a z8 tile (clustered) and a z14 tile (single points) over
// Budapest, the busiest part of the seeded demo data, GET through HTTP (the whole server: zod,
// serviceFilter, the tile SQL, ETag) against a bare statement measured in the same run: one
// hand-written ST_AsMVT over the same points (status filter only, no query builder, no HTTP). On
// PGlite there is no ST_AsMVT (no protobuf-c in its PostGIS): the bare baseline is the same points
// as rows. Prints figures; asserts nothing. Targets on PostgreSQL: p95 <= 5 ms, <= 2.5x bare.
//   pnpm --filter @caremap/server exec tsx bench/tiles.bench.ts
//   BENCH_DATABASE_URL=postgres://... (default the loopback server; `none` skips it)
//   BENCH_SCALE=N adds N synthetic services (seed --scale) first; BENCH_ROUNDS (default 200)
import { type DatabaseHandle, selectRows } from '@caremap/db';
import { forEachBenchDatabase } from '@caremap/db/bench';
import { seed } from '@caremap/db/seed';
import { sql } from 'drizzle-orm';
import { createApp } from '../src/app';
import { memoryLogger, serveOnFreePort } from '../test/http';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const SCALE = Number(process.env.BENCH_SCALE ?? 0);
const BUDAPEST = { lat: 47.4979, lng: 19.0402 };

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

function tileOf(z: number) {
  const n = 2 ** z;
  const rad = (BUDAPEST.lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((BUDAPEST.lng + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  };
}

async function time(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 20; i++) await run(); // warm up (plans, caches)
  const out: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await run();
    out.push(performance.now() - t0);
  }
  return out;
}

async function benchOn(handle: DatabaseHandle, label: string) {
  // The bench is one client asking for far more tiles than a person would: no per-client limit.
  const server = await serveOnFreePort(
    createApp({ database: handle, logger: memoryLogger().logger, tileLimits: { points: 1e9 } }),
  );
  try {
    await seed(handle.db, { demoPassword: 'bench', now: new Date('2026-12-02T09:00:00Z'), scale: SCALE });
    const db = handle.db;
    const [{ n } = { n: 0 }] = await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from service`,
    );
    console.log(`\n${label}: ${n} services, ${ROUNDS} requests per figure`);
    for (const z of [8, 14]) {
      const { x, y } = tileOf(z);
      const env = sql`ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int)`;
      const points = sql`select s.id, s.name, ST_Transform(l.public_geom, 3857) as m
        from service s join service_at_location sal on sal.service_id = s.id
        join location l on l.id = sal.location_id
        where s.status in ('active', 'temporarily closed') and l.public_geom && ST_Transform(${env}, 4326)`;
      const rows =
        z <= 12
          ? sql`select count(*)::int as count,
                  ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(avg(ST_X(m)), avg(ST_Y(m))), 3857), ${env}, 4096, 0, false) as geom
                from (${points}) p
                group by floor((ST_X(m) - ST_XMin(${env})) * 16 / (ST_XMax(${env}) - ST_XMin(${env}))),
                         floor((ST_YMax(${env}) - ST_Y(m)) * 16 / (ST_YMax(${env}) - ST_YMin(${env})))`
          : sql`select id::text, name, ST_AsMVTGeom(m, ${env}, 4096, 0, false) as geom from (${points}) p`;
      const bare =
        handle.kind === 'postgres'
          ? () => selectRows(db, sql`select ST_AsMVT(t, 'services', 4096, 'geom') from (${rows}) t`)
          : () => selectRows(db, sql`select count(*) from (${points}) p`);
      const url = `${server.url}/tiles/services/${z}/${x}/${y}.mvt`;
      let bytes = 0;
      const http = await time(async () => {
        const res = await fetch(url);
        bytes = (await res.arrayBuffer()).byteLength;
        if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
      });
      const baseline = await time(bare);
      const ratio = pct(http, 0.95) / pct(baseline, 0.95);
      console.log(
        `  z${z} ${x}/${y} (${bytes} bytes)  HTTP p50 ${ms(pct(http, 0.5))} p95 ${ms(pct(http, 0.95))}` +
          `  bare ${handle.kind === 'postgres' ? 'ST_AsMVT' : 'rows'} p50 ${ms(pct(baseline, 0.5))} p95 ${ms(pct(baseline, 0.95))}` +
          `  p95 ratio ${ratio.toFixed(2)}x`,
      );
    }
    if (handle.kind === 'postgres') console.log('  targets: p95 <= 5 ms, ratio <= 2.5x');
  } finally {
    await server.close();
  }
}

await forEachBenchDatabase(benchOn);
