// References inside one file and against the database: a parent listed after its child, a missing
// parent, and a unique key that an existing row already holds.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectRows } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { syntheticService } from './fixtures';
import { importHsds } from './index';

const db = useTestDatabase();
const dir = mkdtempSync(join(tmpdir(), 'hsds-refs-'));
const rows = <T>(q: ReturnType<typeof sql>) => selectRows<T>(db.current.db, q);
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};

const parent = {
  id: '6f1f3a52-8f0e-4b8e-9d55-2b7f0c1a9e01',
  code: 'family',
  name: 'Család',
  description: 'Családi szolgáltatások',
};
const child = {
  id: '6f1f3a52-8f0e-4b8e-9d55-2b7f0c1a9e02',
  code: 'mediation',
  name: 'Mediáció',
  description: 'Családi mediáció',
  parent_id: parent.id,
};

describe('references', () => {
  it('links a child term to a parent that comes after it in the file, and re-imports without a change', async () => {
    const path = file('terms.json', [child, parent]);
    const report = await importHsds(db.current.db, path, { kind: 'taxonomy_term' });
    expect(report.problems).toEqual([]);
    const read = () =>
      rows<{ parent_id: string; version: number }>(
        sql`select parent_id::text, version from taxonomy_term where id = ${child.id}`,
      );
    const [first] = await read();
    expect(first?.parent_id).toBe(parent.id);
    const again = await importHsds(db.current.db, path, { kind: 'taxonomy_term' });
    expect(again.tables.taxonomy_term).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(await read()).toEqual([first]);
  });

  it('names a service whose organization is neither in the file nor in the database', async () => {
    const { organization: _, ...service } = syntheticService(9_001);
    const orphan = { ...service, organization_id: '0b5e8e0e-1d7c-4c8e-8c0a-7f3e9f1b2c3d' };
    const report = await importHsds(db.current.db, file('orphan.json', [orphan]));
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      {
        file: 'orphan.json',
        record: { index: 0, id: orphan.id },
        field: 'organization_id',
        problem: 'no organization with id 0b5e8e0e-1d7c-4c8e-8c0a-7f3e9f1b2c3d in the file or the database',
      },
    ]);
  });

  it('accepts a reference to a row that only the database holds', async () => {
    const s = syntheticService(9_100);
    expect((await importHsds(db.current.db, file('first.json', [s]))).ok).toBe(true);
    const { organization, ...rest } = syntheticService(9_101);
    const report = await importHsds(
      db.current.db,
      file('second.json', [{ ...rest, organization_id: s.organization.id }]),
    );
    expect(report.problems).toEqual([]);
    expect(organization.id).toBe(s.organization.id);
  });

  it('reports, and writes nothing, when an existing row already holds a unique pair under another id', async () => {
    const s = syntheticService(9_200);
    expect((await importHsds(db.current.db, file('pair.json', [s]))).ok).toBe(true);
    const sal = s.service_at_locations[0]!;
    const renamed = {
      ...s,
      name: 'Átnevezett szolgálat',
      service_at_locations: [{ ...sal, id: '2d7c1b8a-3e4f-4a5b-9c6d-7e8f9a0b1c2d' }],
    };
    const report = await importHsds(db.current.db, file('pair-2.json', [renamed]));
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ file: 'pair-2.json', field: 'service_at_location_pair_uq' });
    expect(report.problems[0]?.problem).toMatch(/already exists/);
    const [row] = await rows<{ name: string }>(sql`select name from service where id = ${s.id}`);
    expect(row?.name).toBe(s.name);
  });
});
