#!/usr/bin/env node
// `pnpm test`: every package's suite through Turbo, then the one line CI reads, `N passed, N failed`,
// summed from the JSON report each Vitest run writes to <package>/.reports/vitest.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const packages = ['apps', 'packages'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .map((name) => join(root, dir, name))
    .filter((p) => existsSync(join(p, 'package.json'))),
);
const withTests = packages.filter(
  (p) => JSON.parse(readFileSync(join(p, 'package.json'), 'utf8')).scripts?.test,
);
for (const p of withTests) rmSync(join(p, '.reports'), { recursive: true, force: true });

const mode = process.env.TEST_DATABASE_URL ? 'PostgreSQL (TEST_DATABASE_URL)' : 'embedded PGlite';
console.log(`\nRunning every test suite against ${mode}\n`);
const run = spawnSync(
  'pnpm',
  ['exec', 'turbo', 'run', 'test', '--concurrency=2', '--continue', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);

const filtered = process.argv.slice(2).some((a) => a.startsWith('--filter'));
let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const p of withTests) {
  const name = p.slice(root.length);
  const file = join(p, '.reports', 'vitest.json');
  if (!existsSync(file)) {
    // With a --filter only some suites run; otherwise a suite that died before reporting counts as
    // one failure, so it can never pass silently.
    if (filtered) continue;
    failed += 1;
    rows.push(`  ${name.padEnd(24)} no report (the suite did not run to the end)`);
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const suiteFailures =
    r.numFailedTests + (r.numFailedTests === 0 && r.numFailedTestSuites ? r.numFailedTestSuites : 0);
  passed += r.numPassedTests;
  failed += suiteFailures;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  rows.push(`  ${name.padEnd(24)} ${r.numPassedTests} passed, ${suiteFailures} failed`);
}
console.log(`\nTest summary (${mode}):\n${rows.join('\n')}`);
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || run.status !== 0 ? 1 : 0);
