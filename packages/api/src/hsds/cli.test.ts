// The CLI as a user runs it: against an embedded data directory, a rejected file exits non-zero and
// names the record; a process killed with SIGKILL in the middle of writing leaves the data as it was.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, selectRows } from '@caremap/db';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { syntheticService, writeServices } from './import/fixtures';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'hsds-cli-'));
const dataDir = join(work, 'data');

function cli(args: string[]): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; out: string; err: string }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/hsds/cli.ts', ...args], {
    cwd: packageDir,
    env: { ...process.env, DATABASE_URL: '', CAREMAP_DATA_DIR: dataDir, INIT_CWD: work },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    err += d;
  });
  const done = new Promise<{ code: number | null; signal: string | null; out: string; err: string }>(
    (resolve) => child.once('exit', (code, signal) => resolve({ code, signal, out, err })),
  );
  return { child, done };
}

async function snapshot() {
  const handle = await openDatabase({ dataDir });
  try {
    return await selectRows<{ n: number; names: string; v: number }>(
      handle.db,
      sql`select count(*)::int as n, coalesce(sum(version), 0)::int as v, coalesce(string_agg(name, '|' order by id), '') as names from service`,
    );
  } finally {
    await handle.close();
  }
}

describe('pnpm hsds import', () => {
  it('imports a relative path, then rejects a file with a bad record with exit code 1 and names it', async () => {
    writeServices(join(work, 'first.json'), 300);
    const ok = await cli(['import', 'first.json']).done;
    expect(ok.err).toContain('validate:');
    expect(ok.out).toMatch(/^imported: hsds-json/);
    expect(ok.code).toBe(0);

    writeServices(join(work, 'bad.json'), 300, { badEmailAt: 250 });
    const bad = await cli(['import', 'bad.json']).done;
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('REJECTED, nothing written');
    expect(bad.out).toContain(
      `bad.json record 250 (${syntheticService(250).id}) contacts.0.email: Invalid email address`,
    );
  }, 180_000);

  it('leaves the previous data intact when killed with SIGKILL while writing', async () => {
    const before = await snapshot();
    expect(before[0]?.n).toBe(300);
    writeServices(join(work, 'big.json'), 8_000, { nameSuffix: ' – átnevezve' });
    const run = cli(['import', 'big.json']);
    let killedWhileWriting = false;
    run.child.stderr!.on('data', (d: Buffer) => {
      // Several groups in: some rows are written inside the open transaction, not yet committed.
      if (/write: written [1-9]\d{3,} of/.test(d.toString()) && !killedWhileWriting) {
        killedWhileWriting = true;
        run.child.kill('SIGKILL');
      }
    });
    const result = await run.done;
    expect(killedWhileWriting).toBe(true);
    expect(result.signal).toBe('SIGKILL');
    expect(await snapshot()).toEqual(before);
  }, 300_000);
});
