import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { postgis } from '@electric-sql/pglite-postgis';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { lockDataDir } from './data-dir-lock';
import { DatabaseStartupError, describeCause } from './errors';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** The one database type the rest of CareMap sees, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Where the data lives: the data directory, or the PostgreSQL URL without its password. */
  location: string;
  /** Throws when the database does not answer; `/readyz` calls it. */
  ping(): Promise<void>;
  /** Runs pending migrations; safe to call from several processes at once on PostgreSQL. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));
// Any fixed number works: all CareMap processes agree on it, so only one migrates at a time.
const MIGRATION_LOCK_KEY = 7_240_815_1;

export interface OpenOptions {
  /** postgres:// URL; when absent the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Embedded data directory; ignored with databaseUrl. `memory://` keeps it in memory. */
  dataDir?: string | undefined;
  /** Restore an embedded database from a dump (tests clone a migrated template this way). */
  loadDataDir?: Blob | undefined;
  /** Pool size for postgres.js. */
  maxConnections?: number | undefined;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.maxConnections ?? 10)
    : openPglite(options);
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

async function openPostgres(url: string, max: number): Promise<DatabaseHandle> {
  let parsed: URL;
  try {
    parsed = new URL(url);
    if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error(`protocol ${parsed.protocol}`);
  } catch (error) {
    throw new DatabaseStartupError(
      'bad_database_url',
      `DATABASE_URL is not a valid PostgreSQL URL (${describeCause(error)}).`,
      'Use the form postgres://user:password@host:5432/database, or unset DATABASE_URL to use the embedded database.',
    );
  }
  const where = `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  // JIT off: CareMap's queries are short; PostgreSQL's JIT spent ~0.9 s compiling a directory
  // search whose cost estimate crossed jit_above_cost, to save a few milliseconds of execution.
  const client = postgres(url, {
    max,
    onnotice: () => {},
    connect_timeout: 10,
    idle_timeout: 30,
    connection: { jit: 'off' },
  });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseStartupError(
      'connection_failed',
      `Cannot connect to PostgreSQL at ${where}: ${describeCause(error)}.`,
      'Check that PostgreSQL is running and DATABASE_URL (host, port, user, password, database) is right, or unset DATABASE_URL to use the embedded database.',
      { cause: error },
    );
  }
  const [available] = await client<
    { n: number }[]
  >`select count(*)::int as n from pg_available_extensions where name = 'postgis'`;
  if (!available?.n) {
    await client.end({ timeout: 1 });
    throw new DatabaseStartupError(
      'postgis_missing',
      `PostGIS is not installed on the PostgreSQL server at ${where}.`,
      'Install it on the database server (Debian: apt-get install postgresql-15-postgis-3); CareMap creates the extension itself.',
    );
  }
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    location: redactUrl(url),
    ping: async () => {
      await client`select 1`;
    },
    migrate: async () => {
      // The advisory lock belongs to a connection, so migrate over a client of exactly one.
      const single = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await single`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres(single, { schema }), { migrationsFolder });
      } catch (error) {
        throw migrationError(error);
      } finally {
        await single.end({ timeout: 5 });
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(options: OpenOptions): Promise<DatabaseHandle> {
  const inMemory = !options.dataDir || options.dataDir.startsWith('memory://');
  const dataDir = inMemory ? 'memory://' : resolve(options.dataDir!);
  const unlock = inMemory ? () => {} : lockDataDir(dataDir);
  const existed = !inMemory && existsSync(resolve(dataDir, 'PG_VERSION'));
  if (!inMemory && !existed && readdirSync(dataDir).some((f) => f !== 'caremap.lock')) {
    unlock();
    throw corrupt(dataDir, 'it holds files but no PG_VERSION');
  }
  let pg: PGlite;
  try {
    pg = await PGlite.create(inMemory ? undefined : dataDir, {
      // unaccent and pg_trgm: accent-blind, typo-tolerant directory search (migration 0011).
      extensions: { postgis, btree_gist, unaccent, pg_trgm },
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    await pg.query('select 1');
  } catch (error) {
    unlock();
    throw existed ? corrupt(dataDir, describeCause(error)) : error;
  }
  const db = drizzlePglite(pg, { schema }) as unknown as Database;
  let closed = false;
  return {
    db,
    kind: 'pglite',
    location: dataDir,
    ping: async () => {
      await pg.query('select 1');
    },
    migrate: async () => {
      try {
        await migratePglite(drizzlePglite(pg, { schema }), { migrationsFolder });
      } catch (error) {
        throw migrationError(error);
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await pg.close();
      } finally {
        unlock();
      }
    },
  };
}

function corrupt(dataDir: string, why: string): DatabaseStartupError {
  return new DatabaseStartupError(
    'data_dir_corrupt',
    `The embedded database in ${dataDir} could not be opened: ${why}.`,
    `It may be damaged or from another program. Move it away (mv ${dataDir} ${dataDir}.broken) and start again to get a fresh database, or set CAREMAP_DATA_DIR to another directory.`,
  );
}

function migrationError(error: unknown): DatabaseStartupError {
  const text = describeCause(error);
  if (/postgis|extension/i.test(text)) {
    return new DatabaseStartupError(
      'postgis_missing',
      `The PostGIS extension could not be created: ${text}.`,
      'Install PostGIS on the server (Debian: apt-get install postgresql-15-postgis-3), or have a superuser run CREATE EXTENSION postgis; CREATE EXTENSION btree_gist; in the database.',
      { cause: error },
    );
  }
  return new DatabaseStartupError(
    'migration_failed',
    `Database migration failed: ${text}.`,
    'Nothing was changed (migrations run in one transaction). Fix the cause and start again.',
    { cause: error },
  );
}

/** Rows of a raw `db.execute(sql...)`: PGlite answers `{ rows }`, postgres.js an array. */
export async function selectRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}
