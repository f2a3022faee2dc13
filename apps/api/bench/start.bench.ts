// `pnpm bench`: time to ready for a cold start (empty data directory: init, migrate, seed) and a
// warm start (existing data), and the seeding time, as figures and as ratios against a baseline
// measured in the same run: a bare Node HTTP server's time to its first answer. Ratios travel
// between machines better than milliseconds do; nothing here asserts a time.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, scratchDatabase, spawnServer, waitUntilReady } from '../test/spawn';

const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 3);
const BASELINE_RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function baselineOnce(): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`],
    { stdio: 'ignore' },
  );
  try {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return performance.now() - started;
      } catch {
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  } finally {
    child.kill('SIGKILL');
  }
}

async function startOnce(env: Record<string, string>): Promise<{ ms: number; seedMs?: number }> {
  const started = performance.now();
  const server = spawnServer({ ...env, LOG_LEVEL: 'info' }, await freePort());
  try {
    await waitUntilReady(server, 600_000);
    const ms = performance.now() - started;
    const seeded = server.output().match(/"ms":(\d+)[^\n]*"msg":"demo data loaded"/);
    return { ms, ...(seeded ? { seedMs: Number(seeded[1]) } : {}) };
  } finally {
    await server.stop('SIGTERM');
  }
}

async function benchDatabase(
  label: string,
  make: () => Promise<{ env: Record<string, string>; dispose(): Promise<void> }>,
) {
  const db = await make();
  try {
    const cold = await startOnce(db.env);
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) warm.push((await startOnce(db.env)).ms);
    return { label, cold: cold.ms, seed: cold.seedMs, warm: median(warm) };
  } finally {
    await db.dispose();
  }
}

async function main() {
  const baselineRuns: number[] = [];
  for (let i = 0; i < BASELINE_RUNS; i++) baselineRuns.push(await baselineOnce());
  const baseline = median(baselineRuns);

  const results = [
    await benchDatabase('embedded PGlite', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'caremap-bench-'));
      return {
        env: { CAREMAP_DATA_DIR: join(dir, 'data') },
        dispose: async () => rmSync(dir, { recursive: true, force: true }),
      };
    }),
  ];
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    process.env.TEST_DATABASE_URL = pgUrl;
    results.push(await benchDatabase('PostgreSQL', scratchDatabase));
  }

  const fmt = (ms: number | undefined) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`);
  const ratio = (ms: number | undefined) => (ms === undefined ? '-' : `${(ms / baseline).toFixed(0)}x`);
  const lines = [
    '',
    `Baseline: bare Node HTTP server, time to first answer: ${baseline.toFixed(0)} ms (median of ${BASELINE_RUNS})`,
    '',
    'database          measure                      time      x baseline',
    '----------------  ---------------------------  --------  ----------',
  ];
  for (const r of results) {
    lines.push(
      `${r.label.padEnd(16)}  ${'cold start to ready'.padEnd(27)}  ${fmt(r.cold).padStart(8)}  ${ratio(r.cold).padStart(10)}`,
    );
    lines.push(
      `${''.padEnd(16)}  ${'  of which: demo seeding'.padEnd(27)}  ${fmt(r.seed).padStart(8)}  ${ratio(r.seed).padStart(10)}`,
    );
    lines.push(
      `${''.padEnd(16)}  ${`warm start to ready (med/${WARM_RUNS})`.padEnd(27)}  ${fmt(r.warm).padStart(8)}  ${ratio(r.warm).padStart(10)}`,
    );
  }
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
