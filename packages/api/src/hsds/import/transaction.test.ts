// All or nothing: one bad record among thousands writes nothing and is named; a re-import changes
// nothing; an import that breaks half way leaves the previous data as it was.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectRows } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticService, writeServices } from './fixtures';
import { importHsds } from './index';

const db = useTestDatabase();
const dir = mkdtempSync(join(tmpdir(), 'hsds-import-'));
const good = join(dir, 'services.json');
const bad = join(dir, 'services-bad.json');
const changed = join(dir, 'services-changed.json');

const TABLES = [
  'organization',
  'service',
  'location',
  'service_at_location',
  'address',
  'contact',
  'phone',
  'schedule',
  'language',
  'cost_option',
];
/** Row count, summed versions and latest updated_at of every table the files touch. */
async function state() {
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    const [r] = await selectRows<{ n: number; v: number; u: string | null }>(
      db.current.db,
      sql`select count(*)::int as n, coalesce(sum(version), 0)::int as v, max(updated_at)::text as u from ${sql.identifier(t)}`,
    );
    out[t] = `${r?.n}/${r?.v}/${r?.u}`;
  }
  return out;
}

beforeAll(() => {
  writeServices(good, 2_000);
  writeServices(bad, 2_000, { badEmailAt: 1_499 });
  writeServices(changed, 2_000, { nameSuffix: ' (új név)' });
});

describe('importHsds on 2,000 nested services', () => {
  it('writes nothing when one contact e-mail is invalid, and names that record and field', async () => {
    const before = await state();
    const report = await importHsds(db.current.db, bad);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      {
        file: 'services-bad.json',
        record: { index: 1_499, id: syntheticService(1_499).id },
        field: 'contacts.0.email',
        problem: 'Invalid email address',
      },
    ]);
    expect(await state()).toEqual(before);
  });

  it('imports the good file, and a second import changes no row, version or timestamp', async () => {
    const progress: string[] = [];
    const first = await importHsds(db.current.db, good, { onProgress: (p) => progress.push(p.phase) });
    expect(first.ok).toBe(true);
    expect(first.tables.service).toEqual({ read: 2_000, inserted: 2_000, updated: 0, unchanged: 0 });
    expect(first.tables.organization?.read).toBe(200);
    expect(progress).toContain('validate');
    expect(progress).toContain('write');
    expect(progress.at(-1)).toBe('done');
    const after = await state();
    expect(after.service?.startsWith('2000/2000/')).toBe(true);

    const again = await importHsds(db.current.db, good);
    expect(again.ok).toBe(true);
    expect(again.tables.service).toEqual({ read: 2_000, inserted: 0, updated: 0, unchanged: 2_000 });
    expect(await state()).toEqual(after);
  });

  it('leaves the previous data intact when the import breaks after half of its groups', async () => {
    const before = await state();
    const names = () =>
      selectRows<{ name: string }>(db.current.db, sql`select name from service order by name limit 3`);
    const namesBefore = await names();
    let calls = 0;
    await expect(
      importHsds(db.current.db, changed, {
        onProgress: (p) => {
          // Half of the records are written (inside the open transaction) when the power goes.
          if (p.phase === 'write' && p.total && p.written >= p.total / 2 && p.written < p.total) {
            calls++;
            throw new Error('power cut');
          }
        },
      }).then(() => 'finished'),
    ).rejects.toThrow('power cut');
    expect(calls).toBe(1);
    expect(await state()).toEqual(before);
    expect(await names()).toEqual(namesBefore);
    expect(namesBefore[0]?.name).not.toContain('új név');
  });
});
