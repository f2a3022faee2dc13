// `pnpm bench`: the directory search on the demo data plus BENCH_SCALE synthetic services (default
// 100,000, as `seed --scale` makes them), on PGlite and on PostgreSQL. For each of a set of typical
// searches (text + filters + radius) it measures, in the same run:
//   - the search through the API: tRPC over real HTTP on loopback, p50 / p95;
//   - the bare SQL: the very statements the search sent, captured once and replayed through the
//     driver (no query building, no tRPC, no HTTP), p50 / p95; and the ratio of the two p95s;
//   - sustained search requests per second over loopback with autocannon (10 connections,
//     BENCH_LOAD_SECONDS), with p99 latency and the error count.
// Figures and ratios only; nothing here asserts a time (target on PostgreSQL: p95 <= 30 ms,
// ratio <= 2, >= 500 requests/s on 2 cores).

import { searchServices } from '@caremap/api';
import type { DatabaseHandle } from '@caremap/db';
import { captureStatements, driverOf, forEachBenchDatabase } from '@caremap/db/bench';
import { seed } from '@caremap/db/seed';
import type { ServiceSearchInput } from '@caremap/validators';
import autocannon from 'autocannon';
import { createApp } from '../src/app';
import { memoryLogger, serveOnFreePort } from '../test/http';

const SCALE = Number(process.env.BENCH_SCALE ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const NOW = new Date('2026-12-02T09:00:00Z');

const jihlava = { lat: 49.396, lng: 15.591 };
const budapest = { lat: 47.498, lng: 19.04 };
const trebic = { lat: 49.215, lng: 15.882 };

/** What people type and tick on /find: a need in a town, with the common filters. */
const searches: Array<{ label: string; input: ServiceSearchInput }> = [
  { label: 'text + radius', input: { text: 'rodinna poradna', near: jihlava, radiusMeters: 25_000 } },
  {
    label: 'text + radius + open now',
    input: { text: 'krizova pomoc', near: trebic, radiusMeters: 30_000, openNow: true },
  },
  {
    label: 'text + age + language',
    input: { text: 'gyermekjoleti', near: budapest, radiusMeters: 20_000, age: 12, language: 'hu' },
  },
  {
    label: 'prefix + free + distance',
    input: { text: 'porad', near: jihlava, radiusMeters: 40_000, free: true, sort: 'distance' },
  },
  {
    label: 'typo + wheelchair',
    input: { text: 'csaladsegito', near: budapest, radiusMeters: 15_000, wheelchair: true },
  },
  { label: 'radius only, by distance', input: { near: trebic, radiusMeters: 10_000 } },
];

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

const trpcUrl = (base: string, input: ServiceSearchInput) =>
  `${base}/trpc/directory.search?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

async function benchOn(handle: DatabaseHandle, label: string) {
  const seeded = performance.now();
  await seed(handle.db, { demoPassword: 'bench', now: NOW, scale: SCALE });
  const seedSeconds = (performance.now() - seeded) / 1000;
  const log = memoryLogger();
  const app = createApp({ database: handle, logger: log.logger });
  const server = await serveOnFreePort(app);
  const run = driverOf(handle);
  try {
    console.log(
      `\n${label}: directory search over the demo data + ${SCALE.toLocaleString('en')} synthetic services (seeded in ${seedSeconds.toFixed(0)} s), ${ROUNDS} rounds`,
    );
    const apiAll: number[] = [];
    const bareAll: number[] = [];
    for (const { label: name, input } of searches) {
      const statements = await captureStatements(handle.db, (db) => searchServices(db, input));
      const url = trpcUrl(server.url, input);
      const first = await fetch(url).catch((error: unknown) => {
        console.error(log.lines.slice(-5).join('\n'));
        throw error;
      });
      if (!first.ok) throw new Error(`${name}: the API answered ${first.status}: ${await first.text()}`);
      const { result } = (await first.json()) as { result: { data: { json: { total: number } } } };
      const api: number[] = [];
      const bare: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const a0 = performance.now();
        await (await fetch(url)).arrayBuffer();
        api.push(performance.now() - a0);
        const b0 = performance.now();
        for (const s of statements) await run(s.sql, s.params);
        bare.push(performance.now() - b0);
      }
      apiAll.push(...api);
      bareAll.push(...bare);
      console.log(
        `  ${name.padEnd(26)} ${String(result.data.json.total).padStart(6)} hits  API p50 ${ms(pct(api, 0.5))} p95 ${ms(pct(api, 0.95))}  bare SQL p50 ${ms(pct(bare, 0.5))} p95 ${ms(pct(bare, 0.95))}  ratio ${(pct(api, 0.95) / pct(bare, 0.95)).toFixed(2)}`,
      );
    }
    console.log(
      `  all searches               API p50 ${ms(pct(apiAll, 0.5))} p95 ${ms(pct(apiAll, 0.95))}  bare SQL p95 ${ms(pct(bareAll, 0.95))}  API p95 / bare p95 ${(pct(apiAll, 0.95) / pct(bareAll, 0.95)).toFixed(2)} (target on PostgreSQL: p95 <= 30 ms, ratio <= 2)`,
    );

    // Sustained load: the searches in turn, 10 connections, over loopback.
    const result = await autocannon({
      url: server.url,
      connections: 10,
      duration: LOAD_SECONDS,
      requests: searches.map(({ input }) => ({
        method: 'GET',
        path: new URL(trpcUrl(server.url, input)).pathname + new URL(trpcUrl(server.url, input)).search,
      })),
    });
    console.log(
      `  sustained (autocannon, 10 connections, ${LOAD_SECONDS} s): ${result.requests.average.toFixed(0)} requests/s, p99 ${result.latency.p99} ms, ${result.errors + result.non2xx} errors (target: >= 500/s on 2 cores, no errors)`,
    );
  } finally {
    await server.close();
  }
}

await forEachBenchDatabase(benchOn);
