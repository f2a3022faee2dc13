// Start-up failures a new user can cause: each must stop CareMap with one clear message naming the
// problem and what to do, never a bare stack trace.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, scratchDatabase, spawnServer, waitUntilReady } from '../test/spawn';

const apiOnly = { CAREMAP_SERVE_FRONTEND: 'false', CAREMAP_SEED: 'none' };
/** The embedded database in `dir`, even when the environment names a PostgreSQL server. */
const embeddedAt = (dir: string) => ({ DATABASE_URL: undefined, CAREMAP_DATA_DIR: dir });
const tmp = mkdtempSync(join(tmpdir(), 'caremap-startup-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function failsWith(env: Record<string, string | undefined>, port?: number) {
  const server = spawnServer({ ...apiOnly, ...env }, port ?? (await freePort()));
  // A server that starts although it should not must fail the test, not hang it or outlive it.
  let timer: NodeJS.Timeout | undefined;
  const stillRunning = new Promise<'still running'>((resolve) => {
    timer = setTimeout(() => resolve('still running'), 120_000);
  });
  const code = await Promise.race([server.exited, stillRunning]).finally(() => clearTimeout(timer));
  await server.stop('SIGKILL');
  const output = server.output();
  expect(code, output).toBe(1);
  expect(output).toMatch(/CareMap could not start: /);
  expect(output).toMatch(/What to do: /);
  expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  return output;
}

describe('start-up errors', () => {
  it('names a malformed DATABASE_URL', async () => {
    expect(await failsWith({ DATABASE_URL: 'mysql://nope' })).toMatch(
      /DATABASE_URL is not a valid PostgreSQL URL/,
    );
  });

  it('names an unreachable PostgreSQL server', async () => {
    const port = await freePort();
    expect(await failsWith({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/caremap` })).toMatch(
      new RegExp(`Cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${port}/caremap`),
    );
  });

  it('names a taken port', async () => {
    const blocker = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '0.0.0.0', resolve));
    try {
      expect(await failsWith(embeddedAt(join(tmp, 'port')), port)).toMatch(
        new RegExp(`Port ${port} is already in use`),
      );
    } finally {
      blocker.close();
    }
  });

  it('names a data directory that is not a database', async () => {
    const dir = join(tmp, 'not-a-db');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    expect(await failsWith(embeddedAt(dir))).toMatch(/could not be opened: it holds files but no PG_VERSION/);
  });

  it('names a corrupt data directory', async () => {
    const dir = join(tmp, 'corrupt');
    mkdirSync(join(dir, 'global'), { recursive: true });
    writeFileSync(join(dir, 'PG_VERSION'), '17\n');
    writeFileSync(join(dir, 'global', 'pg_control'), Buffer.alloc(8192, 7));
    expect(await failsWith(embeddedAt(dir))).toMatch(/embedded database in .*corrupt.* could not be opened/);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'names a PostgreSQL server where PostGIS cannot be created',
    async () => {
      const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
      const suffix = Math.random().toString(36).slice(2, 8);
      const role = `caremap_nopostgis_${suffix}`;
      await admin.unsafe(`create role ${role} login`);
      await admin.unsafe(`create database ${role} owner ${role}`);
      try {
        const u = new URL(process.env.TEST_DATABASE_URL!);
        u.username = role;
        u.pathname = `/${role}`;
        expect(await failsWith({ DATABASE_URL: u.toString() })).toMatch(
          /PostGIS extension could not be created/,
        );
      } finally {
        await admin.unsafe(`drop database if exists ${role} with (force)`);
        await admin.unsafe(`drop role if exists ${role}`);
        await admin.end();
      }
    },
  );
});

describe('one process per data directory', () => {
  // The single-writer lock guards the embedded database, so this runs on the embedded database also
  // when the rest of the suite runs on PostgreSQL: no DATABASE_URL, a data directory of its own.
  it('refuses a second server on an embedded data directory in use, and the first keeps serving', async () => {
    const embedded = embeddedAt(join(tmp, 'single-writer'));
    const first = spawnServer({ ...apiOnly, ...embedded, LOG_LEVEL: 'info' }, await freePort());
    try {
      await waitUntilReady(first);
      expect(first.output()).toMatch(/Creating the embedded database in .*single-writer/);
      const inUse = `single-writer is in use by another CareMap process \\(pid ${first.child.pid}\\)`;
      expect(await failsWith(embedded)).toMatch(new RegExp(inUse));
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    } finally {
      await first.stop('SIGKILL');
    }
  }, 240_000);

  it('on SIGTERM answers the requests in flight before it stops', async () => {
    const db = await scratchDatabase();
    const first = spawnServer({ ...apiOnly, ...db.env, LOG_LEVEL: 'info' }, await freePort());
    try {
      await waitUntilReady(first);
      // Sign-ins take tens of milliseconds each (argon2), so several are in flight when the signal
      // arrives; each the server has begun must still get its answer. (One whose bytes the server
      // had not read yet may see its connection closed, as with any server that stops accepting.)
      const signalled = { at: 0 };
      const inFlight = Array.from({ length: 8 }, (_, i) =>
        fetch(`${first.url}/trpc/auth.login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ json: { email: `inflight${i}@test.caremap.eu`, password: 'x' } }),
        }).then(
          (res) => ({ status: res.status, at: performance.now() }),
          () => ({ status: 0, at: performance.now() }),
        ),
      );
      await new Promise((r) => setTimeout(r, 40));
      signalled.at = performance.now();
      const stopped = first.stop('SIGTERM');
      const answers = await Promise.all(inFlight);
      const answered = answers.filter((a) => a.status !== 0);
      expect(answered.every((a) => a.status === 401)).toBe(true);
      expect(answered.filter((a) => a.at > signalled.at).length).toBeGreaterThan(0);
      expect(await stopped).toBe(0);
      expect(first.output()).toMatch(/stopped cleanly/);
    } finally {
      await first.stop('SIGKILL');
      await db.dispose();
    }
  }, 180_000);
});
