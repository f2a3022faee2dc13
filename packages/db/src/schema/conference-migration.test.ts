// The conference scheduling migrations (0010/0011) on a database that already holds conferences in the old shape (one
// participant row per conference x user, no ids): the rows survive and take their new defaults.
// Runs on a database of its own, migrated up to the one before them first, on PGlite or
// (TEST_DATABASE_URL) PostgreSQL.
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, migrationsFolder, openDatabase, selectRows } from '../client';
import { testDatabaseUrl } from '../testing';

let handle: DatabaseHandle;
let dropDatabase: (() => Promise<void>) | undefined;
const folder = mkdtempSync(join(tmpdir(), 'caremap-migrations-'));

beforeAll(async () => {
  // A copy of the migrations folder whose journal stops before conference scheduling.
  mkdirSync(join(folder, 'meta'));
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8'));
  // Everything before conference scheduling: the shape the old rows were written in.
  const first = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith('_conference_scheduling'));
  expect(first).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, first);
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  for (const file of readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql'))) {
    copyFileSync(join(migrationsFolder, file), join(folder, file));
  }
  const url = testDatabaseUrl();
  if (url) {
    const name = `caremap_mig_${randomBytes(5).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    handle = await openDatabase({ databaseUrl: u.toString(), maxConnections: 1 });
    await migratePostgres(handle.db as never, { migrationsFolder: folder });
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    handle = await openDatabase({});
    await migratePglite(handle.db as never, { migrationsFolder: folder });
  }
}, 120_000);

afterAll(async () => {
  await handle?.close();
  await dropDatabase?.();
  rmSync(folder, { recursive: true, force: true });
});

describe('conference scheduling migrations on existing conferences', () => {
  it('gives every old participant row an id and the new defaults, and keeps the conference as it was', async () => {
    const db = handle.db;
    const [agency] = await selectRows<{ id: string }>(
      db,
      sql`insert into agency (name, kind, country) values ('Centre', 'child_welfare_centre', 'CZ') returning id`,
    );
    const users = await selectRows<{ id: string }>(
      db,
      sql`insert into app_user (email, display_name, password_hash, locale) values
          ('a@test.caremap.eu', 'A', 'x', 'cs'), ('b@test.caremap.eu', 'B', 'x', 'tr') returning id`,
    );
    const [conference] = await selectRows<{ id: string }>(
      db,
      sql`insert into conference (kind, case_ref, title, starts_at, ends_at, timezone, organiser_user_id, agency_id)
          values ('case_conference', 'CZ-OLD-0001', 'Old', '2031-01-06T09:00:00Z', '2031-01-06T10:30:00Z',
                  'Europe/Prague', ${users[0]!.id}, ${agency!.id}) returning id`,
    );
    for (const u of users) {
      await db.execute(
        sql`insert into conference_participant (conference_id, user_id, agency_id) values (${conference!.id}, ${u.id}, ${agency!.id})`,
      );
    }

    await handle.migrate();

    const participants = await selectRows<Record<string, unknown>>(
      db,
      sql`select id, kind, user_id, preferred_language, attendance, role, partstat, position
            from conference_participant where conference_id = ${conference!.id} order by preferred_language`,
    );
    expect(participants).toHaveLength(2);
    expect(participants.map((p) => p.preferred_language)).toEqual(['cs', 'tr']);
    for (const p of participants) {
      expect(p.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(p).toMatchObject({
        kind: 'user',
        attendance: 'required',
        role: 'professional',
        partstat: 'needs_action',
        position: 0,
      });
    }
    const [after] = await selectRows<Record<string, unknown>>(
      db,
      sql`select status, duration_minutes, ical_uid, sequence, online from conference where id = ${conference!.id}`,
    );
    expect(after).toMatchObject({ status: 'scheduled', duration_minutes: 90, sequence: 0, online: false });
    expect(after!.ical_uid).toMatch(/^[0-9a-f-]{36}@caremap$/);

    // The new shapes hold: an external needs an e-mail or a phone; a user is invited once.
    await expect(
      db.execute(
        sql`insert into conference_participant (conference_id, kind, display_name) values (${conference!.id}, 'external', 'Nobody')`,
      ),
    ).rejects.toThrow();
    await expect(
      db.execute(
        sql`insert into conference_participant (conference_id, user_id, agency_id) values (${conference!.id}, ${users[0]!.id}, ${agency!.id})`,
      ),
    ).rejects.toThrow();
  });
});
