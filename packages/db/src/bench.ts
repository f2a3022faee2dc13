// Databases for `pnpm bench` scripts (Node only): PGlite in memory, then a scratch PostgreSQL database.
import { randomBytes } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { type Database, type DatabaseHandle, openDatabase } from './client';
import { withDatabase } from './testing';

/**
 * The databases a bench measures, one after another: embedded PGlite (in memory), then PostgreSQL
 * in a scratch database created on BENCH_DATABASE_URL (default the loopback server; `none` skips
 * it, an unreachable server is reported and skipped). Each is migrated; the scratch is dropped.
 * BENCH_ONLY=pglite or BENCH_ONLY=postgres keeps one of the two.
 */
export async function forEachBenchDatabase(
  run: (handle: DatabaseHandle, label: 'PGlite' | 'PostgreSQL') => Promise<void>,
): Promise<void> {
  // BENCH_ONLY=postgres or BENCH_ONLY=pglite measures one of them.
  const only = process.env.BENCH_ONLY;
  if (only !== 'postgres') {
    const pglite = await openDatabase({ dataDir: 'memory://' });
    try {
      await pglite.migrate();
      await run(pglite, 'PGlite');
    } finally {
      await pglite.close();
    }
  }
  if (only === 'pglite') return;
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (serverUrl === 'none') return;
  const name = `caremap_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  let admin: postgres.Sql;
  try {
    admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
  } catch (error) {
    process.stdout.write(`\nPostgreSQL: skipped, the server is unreachable (${(error as Error).message})\n`);
    return;
  }
  try {
    const handle = await openDatabase({ databaseUrl: withDatabase(serverUrl, name), maxConnections: 10 });
    try {
      await handle.migrate();
      await run(handle, 'PostgreSQL');
    } finally {
      await handle.close();
    }
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/**
 * The statements a call sends through `db.execute`, rendered to text and parameters once: a bench's
 * bare-SQL baseline replays them with `driverOf` (no query building, no tRPC, no HTTP).
 */
export async function captureStatements(db: Database, call: (db: Database) => Promise<unknown>) {
  const captured: SQL[] = [];
  const recorder = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'execute')
        return (query: SQL) => {
          captured.push(query);
          return target.execute(query);
        };
      return Reflect.get(target, prop, receiver);
    },
  });
  await call(recorder);
  const dialect = new PgDialect();
  return captured.map((q) => dialect.sqlToQuery(q));
}

/** Runs rendered statements straight through the driver of the handle. */
export function driverOf(handle: DatabaseHandle) {
  const client = (handle.db as unknown as { $client: unknown }).$client as {
    unsafe?: (sql: string, params: unknown[]) => Promise<unknown>;
    query?: (sql: string, params: unknown[]) => Promise<unknown>;
  };
  return (sql: string, params: unknown[]) =>
    handle.kind === 'postgres' ? client.unsafe!(sql, params) : client.query!(sql, params);
}
