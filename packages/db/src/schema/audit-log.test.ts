// The audit log is append-only (security issue #13, finding 7): by triggers on every database, and on
// PostgreSQL also by privilege, since audit_log belongs to caremap_audit_owner and not to the
// application's role (migration 0005). Both databases run the first part; the second part needs
// PostgreSQL and a role that is no superuser, so on PGlite it reports as skipped.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, migrationsFolder, openDatabase, selectRows } from '../client';
import { type PgErrorInfo, pgErrorOf } from '../errors';
import { dbFailure, useTestDatabase } from '../testing/use-database';
import { auditLog } from './index';

const OWNER = 'caremap_audit_owner';
const adminUrl = process.env.TEST_DATABASE_URL || undefined;
const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
  entries: { tag: string }[];
};

const t = useTestDatabase();

async function count(db: DatabaseHandle['db'], table: string): Promise<number> {
  const [row] = await selectRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`));
  return row!.n;
}

describe('audit_log is append-only (both databases)', () => {
  it('belongs to caremap_audit_owner, sequence and trigger function included, with both triggers on', async () => {
    const owners = await selectRows<{ name: string; owner: string }>(
      t.current.db,
      sql`select relname as name, relowner::regrole::text as owner from pg_class
          where oid in ('audit_log'::regclass, pg_get_serial_sequence('audit_log', 'id')::regclass)
          union all
          select proname, proowner::regrole::text from pg_proc
          where oid = 'caremap_audit_log_append_only()'::regprocedure
          order by 1`,
    );
    expect(owners).toEqual([
      { name: 'audit_log', owner: OWNER },
      { name: 'audit_log_id_seq', owner: OWNER },
      { name: 'caremap_audit_log_append_only', owner: OWNER },
    ]);
    const triggers = await selectRows<{ tgname: string; tgenabled: string }>(
      t.current.db,
      sql`select tgname, tgenabled from pg_trigger where tgrelid = 'audit_log'::regclass order by tgname`,
    );
    expect(triggers).toEqual([
      { tgname: 'audit_log_no_truncate', tgenabled: 'O' },
      { tgname: 'audit_log_no_update_delete', tgenabled: 'O' },
    ]);
  });

  it('accepts INSERT and SELECT', async () => {
    const [row] = await t.current.db
      .insert(auditLog)
      .values({ action: 'test.insert', outcome: 'success', details: { n: 1 } })
      .returning();
    const [read] = await t.current.db.select().from(auditLog).where(eq(auditLog.id, row!.id));
    expect(read).toMatchObject({ action: 'test.insert', outcome: 'success', details: { n: 1 } });
  });

  it('refuses UPDATE and DELETE with a clear error, and the row stays as it was', async () => {
    const [row] = await t.current.db
      .insert(auditLog)
      .values({ action: 'test.keep', outcome: 'success' })
      .returning();
    const update = await dbFailure(
      t.current.db.update(auditLog).set({ action: 'rewritten' }).where(eq(auditLog.id, row!.id)),
    );
    expect(update).toMatchObject({
      code: '42501',
      message: 'audit_log is append-only: UPDATE is not allowed',
    });
    const remove = await dbFailure(t.current.db.delete(auditLog).where(eq(auditLog.id, row!.id)));
    expect(remove).toMatchObject({
      code: '42501',
      message: 'audit_log is append-only: DELETE is not allowed',
    });
    const [after] = await t.current.db.select().from(auditLog).where(eq(auditLog.id, row!.id));
    expect(after).toEqual(row);
  });

  it('refuses TRUNCATE, also ONLY, CASCADE and with other tables, and nothing is emptied', async () => {
    await t.current.db.insert(auditLog).values({ action: 'test.truncate', outcome: 'success' });
    await t.current.db.execute(sql`insert into rate_limit (key, points) values ('audit-test', 1)`);
    const logRows = await count(t.current.db, 'audit_log');
    expect(logRows).toBeGreaterThan(0);
    for (const statement of [
      'TRUNCATE audit_log',
      'TRUNCATE TABLE ONLY audit_log',
      'TRUNCATE audit_log CASCADE',
      'TRUNCATE audit_log RESTART IDENTITY',
      'TRUNCATE rate_limit, audit_log',
      'TRUNCATE TABLE app_user, rate_limit, audit_log CASCADE',
    ]) {
      const failure = await dbFailure(t.current.db.execute(sql.raw(statement)));
      expect(failure, statement).toMatchObject({
        code: '42501',
        message: 'audit_log is append-only: TRUNCATE is not allowed',
      });
    }
    expect(await count(t.current.db, 'audit_log')).toBe(logRows);
    expect(await count(t.current.db, "rate_limit where key = 'audit-test'")).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------------
// PostgreSQL: CareMap migrated by an application role that is no superuser.

/** Thrown inside a transaction to roll back a statement that should have been refused. */
class Succeeded extends Error {}

/** The error `statement` fails with, run in a transaction that is rolled back if it succeeds. */
async function refused(client: postgres.Sql, statement: string): Promise<PgErrorInfo> {
  try {
    await client.begin(async (tx) => {
      await tx.unsafe(statement);
      throw new Succeeded();
    });
  } catch (error) {
    if (error instanceof Succeeded) {
      throw new Error(`expected the database to refuse "${statement}", but it succeeded`);
    }
    const info = pgErrorOf(error);
    if (info) return info;
    throw error;
  }
  throw new Error('unreachable');
}

/** A URL for `database` on the test cluster, as `role` (trust auth, no password) or as the admin. */
function urlFor(database: string, role?: string): string {
  const u = new URL(adminUrl!);
  if (role) {
    u.username = role;
    u.password = '';
  }
  u.pathname = `/${database}`;
  return u.toString();
}

describe('on PostgreSQL, migrated by a non-superuser role with CREATEROLE', () => {
  const suffix = randomBytes(4).toString('hex');
  // The application role owns its database (as with `createdb -O app`); a second one in the same
  // cluster; and a locked-down role without CREATEROLE in a database an administrator owns.
  const app = `caremap_t_app_${suffix}`;
  const appDb = `caremap_t_audit_${suffix}`;
  const secondDb = `caremap_t_audit2_${suffix}`;
  const lockedRole = `caremap_t_locked_${suffix}`;
  const lockedDb = `caremap_t_audit3_${suffix}`;
  let admin: postgres.Sql;
  const cleanups: (() => Promise<unknown>)[] = [];
  let handle: DatabaseHandle;
  let asApp: postgres.Sql;

  /** A database with the extensions CareMap needs, made by the superuser (as an administrator would). */
  async function createDatabase(name: string, owner?: string) {
    await admin.unsafe(`create database ${name}${owner ? ` owner ${owner}` : ''}`);
    cleanups.push(() => admin.unsafe(`drop database if exists ${name} with (force)`));
    const inside = postgres(urlFor(name), { max: 1, onnotice: () => {} });
    try {
      await inside.unsafe('create extension postgis');
      await inside.unsafe('create extension btree_gist');
    } finally {
      await inside.end();
    }
  }

  async function openAndMigrate(role: string, database: string): Promise<DatabaseHandle> {
    const opened = await openDatabase({ databaseUrl: urlFor(database, role), maxConnections: 2 });
    cleanups.push(() => opened.close());
    await opened.migrate();
    return opened;
  }

  function client(database: string, role?: string, onnotice: (n: postgres.Notice) => void = () => {}) {
    const c = postgres(urlFor(database, role), { max: 1, onnotice });
    cleanups.push(() => c.end({ timeout: 5 }));
    return c;
  }

  async function ownerOfAuditLog(c: postgres.Sql): Promise<string> {
    const [row] = await c<
      { owner: string }[]
    >`select relowner::regrole::text as owner from pg_class where oid = 'audit_log'::regclass`;
    return row!.owner;
  }

  async function isMember(c: postgres.Sql, role: string): Promise<boolean> {
    const [row] = await c<{ member: boolean }[]>`select pg_has_role(${role}, ${OWNER}, 'MEMBER') as member`;
    return row!.member;
  }

  beforeAll(async () => {
    if (!adminUrl) return;
    admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create role ${app} login createrole`);
    cleanups.push(() => admin.unsafe(`drop role if exists ${app}`));
    await createDatabase(appDb, app);
    handle = await openAndMigrate(app, appDb);
    asApp = client(appDb, app);
  });

  afterAll(async () => {
    if (!adminUrl) return;
    // Newest first: connections, then databases, then roles (a role that owns objects in a database
    // can only be dropped once that database is gone). caremap_audit_owner is shared and stays.
    const errors: unknown[] = [];
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        errors.push(error);
      }
    }
    await admin?.end({ timeout: 5 });
    if (errors.length) throw new AggregateError(errors, 'cleanup failed');
  });

  it.skipIf(!adminUrl)(
    'migrates and hands audit_log to caremap_audit_owner; the role is no member of it',
    async () => {
      const [me] = await asApp<{ rolsuper: boolean; rolcreaterole: boolean }[]>`
      select rolsuper, rolcreaterole from pg_roles where rolname = current_user`;
      expect(me).toEqual({ rolsuper: false, rolcreaterole: true });
      const [applied] = await asApp<
        { n: number }[]
      >`select count(*)::int as n from drizzle.__drizzle_migrations`;
      expect(applied!.n).toBe(journal.entries.length);
      expect(await ownerOfAuditLog(asApp)).toBe(OWNER);
      expect(await isMember(asApp, app)).toBe(false);
      // The owner role had CREATE on the schema only for the move.
      const [schema] = await asApp<
        { create: boolean }[]
      >`select has_schema_privilege(${OWNER}, 'public', 'CREATE') as create`;
      expect(schema!.create).toBe(false);
    },
  );

  it.skipIf(!adminUrl)('lets the role INSERT and SELECT', async () => {
    const [row] = await handle.db
      .insert(auditLog)
      .values({ action: 'test.as_app', outcome: 'success' })
      .returning();
    const rows = await handle.db.select().from(auditLog).where(eq(auditLog.id, row!.id));
    expect(rows).toEqual([row]);
  });

  it.skipIf(!adminUrl)('gives the role "permission denied" for UPDATE, DELETE and TRUNCATE', async () => {
    await handle.db.insert(auditLog).values({ action: 'test.keep', outcome: 'success' });
    const before = await count(handle.db, 'audit_log');
    for (const statement of [
      "UPDATE audit_log SET action = 'rewritten'",
      'DELETE FROM audit_log',
      'TRUNCATE audit_log',
      'TRUNCATE audit_log CASCADE',
      'TRUNCATE rate_limit, audit_log',
      "SELECT setval(pg_get_serial_sequence('audit_log', 'id'), 1)",
    ]) {
      const failure = await refused(asApp, statement);
      expect(failure, statement).toMatchObject({ code: '42501' });
      expect(failure.message, statement).toMatch(
        /^permission denied for (table audit_log|sequence audit_log_id_seq)$/,
      );
    }
    expect(await count(handle.db, 'audit_log')).toBe(before);
  });

  it.skipIf(!adminUrl)(
    'keeps the role from dropping, disabling or adding triggers, or taking ownership',
    async () => {
      const mustBeOwner = [
        'DROP TRIGGER audit_log_no_update_delete ON audit_log',
        'DROP TRIGGER audit_log_no_truncate ON audit_log',
        'ALTER TABLE audit_log DISABLE TRIGGER ALL',
        'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete',
        `ALTER TABLE audit_log OWNER TO ${app}`,
        `CREATE OR REPLACE FUNCTION caremap_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$`,
      ];
      for (const statement of mustBeOwner) {
        const failure = await refused(asApp, statement);
        expect(failure, statement).toMatchObject({ code: '42501' });
        expect(failure.message, statement).toMatch(/^must be owner of (table|relation|function) /);
      }
      const addTrigger = await refused(
        asApp,
        'CREATE TRIGGER rewrite BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION caremap_touch()',
      );
      expect(addTrigger).toMatchObject({ code: '42501', message: 'permission denied for table audit_log' });
      const setRole = await refused(asApp, `SET ROLE ${OWNER}`);
      expect(setRole).toMatchObject({ code: '42501' });
      expect(await isMember(asApp, app)).toBe(false);
    },
  );

  it.skipIf(!adminUrl)('migrating again changes nothing', async () => {
    const before = await asApp`select id, hash, created_at from drizzle.__drizzle_migrations order by id`;
    const rows = await count(handle.db, 'audit_log');
    await handle.migrate();
    expect(await asApp`select id, hash, created_at from drizzle.__drizzle_migrations order by id`).toEqual(
      before,
    );
    expect(await count(handle.db, 'audit_log')).toBe(rows);
    expect(await ownerOfAuditLog(asApp)).toBe(OWNER);
    expect(await isMember(asApp, app)).toBe(false);
  });

  it.skipIf(!adminUrl)(
    'migrates a second database in the cluster, where caremap_audit_owner exists',
    async () => {
      const [exists] = await admin<
        { n: number }[]
      >`select count(*)::int as n from pg_roles where rolname = ${OWNER}`;
      expect(exists!.n).toBe(1);
      await createDatabase(secondDb, app);
      const second = await openAndMigrate(app, secondDb);
      const asAppThere = client(secondDb, app);
      expect(await ownerOfAuditLog(asAppThere)).toBe(OWNER);
      expect(await isMember(asAppThere, app)).toBe(false);
      await second.db.insert(auditLog).values({ action: 'test.second', outcome: 'success' });
      expect(await refused(asAppThere, 'DELETE FROM audit_log')).toMatchObject({
        message: 'permission denied for table audit_log',
      });
      expect(await refused(asAppThere, 'DROP TRIGGER audit_log_no_truncate ON audit_log')).toMatchObject({
        code: '42501',
      });
    },
  );

  it.skipIf(!adminUrl)(
    'without CREATEROLE: migrates, keeps the triggers, and warns with SQL that, run by an administrator, protects audit_log (DROP TABLE included when the role owns no schema)',
    async () => {
      await admin.unsafe(`create role ${lockedRole} login`);
      cleanups.push(() => admin.unsafe(`drop role if exists ${lockedRole}`));
      await createDatabase(lockedDb);
      const asAdmin = client(lockedDb);
      await admin.unsafe(`grant create on database ${lockedDb} to ${lockedRole}`);
      await asAdmin.unsafe(`grant create on schema public to ${lockedRole}`);
      const locked = await openAndMigrate(lockedRole, lockedDb);
      const notices: postgres.Notice[] = [];
      const asLocked = client(lockedDb, lockedRole, (n) => notices.push(n));
      expect(await ownerOfAuditLog(asLocked)).toBe(lockedRole);
      await locked.db.insert(auditLog).values({ action: 'test.locked', outcome: 'success' });
      expect(await refused(asLocked, 'DELETE FROM audit_log')).toMatchObject({
        message: 'audit_log is append-only: DELETE is not allowed',
      });

      // The warning the migration gave (CareMap's client drops notices, so run its SQL once more).
      const tag = journal.entries.find((e) => e.tag.endsWith('_audit_log_owner'))?.tag;
      expect(tag, 'the audit_log_owner migration in the journal').toBeDefined();
      await asLocked.unsafe(readFileSync(join(migrationsFolder, `${tag}.sql`), 'utf8'));
      const warning = notices.find((n) => n.severity === 'WARNING');
      expect(warning?.message).toMatch(/neither superuser nor has CREATEROLE/);
      const hint = String(warning?.hint);
      const adminSql = hint.slice(hint.indexOf(': ') + 2).replace(`CREATE ROLE ${OWNER} NOLOGIN;`, '');
      await asAdmin.unsafe(adminSql);

      expect(await ownerOfAuditLog(asLocked)).toBe(OWNER);
      await locked.db.insert(auditLog).values({ action: 'test.locked.after', outcome: 'success' });
      expect(await refused(asLocked, 'DELETE FROM audit_log')).toMatchObject({
        message: 'permission denied for table audit_log',
      });
      for (const statement of [
        'DROP TRIGGER audit_log_no_update_delete ON audit_log',
        'ALTER TABLE audit_log DISABLE TRIGGER ALL',
        'DROP TABLE audit_log',
        'DROP SCHEMA public CASCADE',
        `GRANT ${OWNER} TO ${lockedRole}`,
      ]) {
        expect(await refused(asLocked, statement), statement).toMatchObject({ code: '42501' });
      }
      expect(await count(locked.db, 'audit_log')).toBe(2);
    },
  );

  it.skipIf(!adminUrl)(
    'once CREATEROLE is taken away, the role cannot make itself a member again',
    async () => {
      await admin.unsafe(`alter role ${app} nocreaterole`);
      const failure = await refused(asApp, `GRANT ${OWNER} TO ${app}`);
      expect(failure).toMatchObject({ code: '42501' });
      expect(await isMember(asApp, app)).toBe(false);
    },
  );
});
