// Test databases for every package's tests: migrate once per run into a template, then give each
// test file its own copy (a PostgreSQL database created from the template, or a PGlite instance
// restored from a dump), so tests are isolated and nobody pays the 10 s cold migration twice.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { type DatabaseHandle, openDatabase } from './client';

export interface TemplateRef {
  kind: 'pglite' | 'postgres';
  /** PGlite: path of the gzipped dump. PostgreSQL: the template database's name. */
  ref: string;
}

export const testDatabaseUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates the migrated template; returns it and a teardown. Called once per test run (globalSetup). */
export async function createTemplate(): Promise<{ template: TemplateRef; teardown: () => Promise<void> }> {
  const url = testDatabaseUrl();
  if (url) {
    const name = `caremap_tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const handle = await openDatabase({ databaseUrl: withDatabase(url, name), maxConnections: 1 });
    await handle.migrate();
    await handle.close();
    return {
      template: { kind: 'postgres', ref: name },
      teardown: async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'caremap-template-'));
  const handle = await openDatabase({});
  await handle.migrate();
  const pg = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = await pg.dumpDataDir('gzip');
  const file = join(dir, 'template.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  return {
    template: { kind: 'pglite', ref: file },
    teardown: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh, migrated database of its own for one test file. Closing it drops it. */
export async function openTestDatabase(template: TemplateRef): Promise<DatabaseHandle> {
  if (template.kind === 'pglite') {
    const blob = new Blob([readFileSync(template.ref)]);
    return openDatabase({ loadDataDir: blob });
  }
  const url = testDatabaseUrl();
  if (!url) throw new Error('TEST_DATABASE_URL was unset after the template was made on PostgreSQL');
  const name = `caremap_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`create database ${name} template ${template.ref}`);
      break;
    } catch (error) {
      // Two CREATE DATABASE ... TEMPLATE at once can see each other as "other users" of the template.
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const handle = await openDatabase({ databaseUrl: withDatabase(url, name), maxConnections: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
