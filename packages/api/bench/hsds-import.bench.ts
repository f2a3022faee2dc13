// Import throughput: N synthetic nested services (each with organization, location, address,
// contact, phone, schedule, language, cost option) into a fresh database, first import and a
// no-op re-import. Prints figures; asserts nothing.
//   pnpm --filter @caremap/api bench             (PGlite in memory, 20,000 services)
//   SERVICES=100000 BENCH_DATABASE_URL=postgres://... pnpm --filter @caremap/api bench
// On PostgreSQL it creates a database of its own next to that URL's and drops it at the end.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDatabase } from '@caremap/db';
import postgres from 'postgres';
import { writeServices } from '../src/hsds/import/fixtures';
import { importHsds } from '../src/hsds/import/index';

const services = Number(process.env.SERVICES ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), 'hsds-bench-'));
const file = join(dir, 'services.json');
writeServices(file, services);
const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
const benchDb = `caremap_bench_${process.pid}`;
let databaseUrl: string | undefined;
if (serverUrl) {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${benchDb}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${benchDb}`;
  databaseUrl = u.toString();
}
const handle = await openDatabase({ databaseUrl, dataDir: 'memory://' });
await handle.migrate();

let peak = 0;
const sample = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);
const phases: Record<string, number> = {};
let phaseStart = performance.now();
let phase = '';
const onProgress = (p: { phase: string }) => {
  if (p.phase !== phase) {
    const now = performance.now();
    if (phase) phases[phase] = (phases[phase] ?? 0) + now - phaseStart;
    phase = p.phase;
    phaseStart = now;
  }
};
const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
console.log(
  `HSDS import bench: ${services} services (${mb(statSync(file).size)} of JSON) into ${handle.kind}`,
);
const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
for (const run of ['first import', 're-import (no-op)']) {
  phase = '';
  lag.reset();
  const t0 = performance.now();
  const report = await importHsds(handle.db, file, { onProgress });
  const ms = performance.now() - t0;
  const records = Object.values(report.tables).reduce((s, c) => s + c.read, 0);
  console.log(
    `  ${run.padEnd(18)} ${report.ok ? 'ok' : 'REJECTED'}  ${Math.round(ms)} ms  ${Math.round((services / ms) * 1000)} services/s  ${Math.round((records / ms) * 1000)} records/s  (validate ${Math.round(phases.validate ?? 0)} ms, write ${Math.round(phases.write ?? 0)} ms)  event-loop delay p99 ${Math.round(lag.percentile(99) / 1e6)} ms, max ${Math.round(lag.max / 1e6)} ms`,
  );
  for (const k of Object.keys(phases)) delete phases[k];
}
clearInterval(sample);
console.log(`  peak RSS ${mb(peak)} (target: >= 5,000 services/s)`);
await handle.close();
if (serverUrl) {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database ${benchDb}`);
  await admin.end();
}
rmSync(dir, { recursive: true, force: true });
