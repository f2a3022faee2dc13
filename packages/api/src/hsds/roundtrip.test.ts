// Acceptance of the import/export pair: what we export, our own import takes into an empty
// database, and exporting that database again gives the same files, byte for byte.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectRows } from '@caremap/db';
import { seed } from '@caremap/db/seed';
import { useTestDatabase } from '@caremap/db/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { insertRichService } from '../../test/hsds-fixture';
import { exportHsds } from './export';
import { importHsds } from './import/index';

const source = useTestDatabase();
const target = useTestDatabase();
const at = new Date('2026-05-04T08:00:00Z');

const dataFiles = (dir: string) =>
  readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'datapackage.json');

describe('HSDS export -> import into an empty database -> export', () => {
  it('gives the same files again, for the demo data and a service using every HSDS object', async () => {
    await seed(source.current.db, { demoPassword: 'caremap-demo', now: at });
    await insertRichService(source.current.db);
    const first = mkdtempSync(join(tmpdir(), 'caremap-export-a-'));
    await exportHsds(source.current.db, { dir: first, at });

    const report = await importHsds(target.current.db, first);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);

    const second = mkdtempSync(join(tmpdir(), 'caremap-export-b-'));
    await exportHsds(target.current.db, { dir: second, at });
    expect(dataFiles(second).sort()).toEqual(dataFiles(first).sort());
    for (const file of dataFiles(first)) {
      const a = readFileSync(join(first, file), 'utf8');
      // A file of a few brackets would pass trivially: the demo data has hundreds of services.
      if (file === 'services.json') expect(JSON.parse(a).length).toBeGreaterThan(100);
      const b = readFileSync(join(second, file), 'utf8');
      if (a !== b) {
        const [x, y] = [JSON.parse(a), JSON.parse(b)];
        const diffs: string[] = [];
        const walk = (p: string, u: unknown, v: unknown) => {
          if (diffs.length > 20) return;
          if (typeof u === 'object' && u && typeof v === 'object' && v) {
            for (const k of new Set([...Object.keys(u), ...Object.keys(v)]))
              walk(`${p}.${k}`, (u as Record<string, unknown>)[k], (v as Record<string, unknown>)[k]);
          } else if (u !== v) diffs.push(`${p}: ${JSON.stringify(u)} -> ${JSON.stringify(v)}`);
        };
        walk(file, x, y);
        console.log(diffs.join('\n'));
      }
      expect(b, file).toBe(a);
    }
    const [services] = await selectRows<{ n: number }>(
      target.current.db,
      sql`select count(*)::int as n from service`,
    );
    const [original] = await selectRows<{ n: number }>(
      source.current.db,
      sql`select count(*)::int as n from service`,
    );
    expect(services!.n).toBe(original!.n);
  }, 180_000); // seeds, exports, imports and exports the whole demo directory
});
