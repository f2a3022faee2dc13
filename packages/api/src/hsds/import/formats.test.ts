// Every way an HSDS 3.0 source can arrive: the tabular datapackage (CSV, zipped), a zip of
// per-object JSON files, NDJSON; and the CareMap extension fields that a round trip must keep.

import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectRows } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { specDir } from '../../../test/hsds-schemas';
import { syntheticService } from './fixtures';
import { importHsds } from './index';

const db = useTestDatabase();
const dir = mkdtempSync(join(tmpdir(), 'hsds-formats-'));
const rows = <T>(q: ReturnType<typeof sql>) => selectRows<T>(db.current.db, q);
const official = `${specDir()}/examples-3.0/`;

function zip(path: string, files: Record<string, string>): Promise<void> {
  const z = new yazl.ZipFile();
  for (const [name, text] of Object.entries(files)) z.addBuffer(Buffer.from(text), `package/${name}`);
  z.end();
  return new Promise((resolve, reject) => {
    z.outputStream.pipe(createWriteStream(path)).on('close', resolve).on('error', reject);
  });
}

/** The official tabular example (one row per table, as JSON) written out as CSV files. */
function tabularPackage(fix: boolean): Record<string, string> {
  const text = readFileSync(join(official, 'tabular.json'), 'utf8')
    .replaceAll('"latitude": 100', '"latitude": 47.5')
    .replaceAll('"longitude": 101', '"longitude": 19.05');
  const tables = JSON.parse(text) as Record<string, Record<string, unknown>[]>;
  if (fix) {
    tables['taxonomy_terms.csv']![0]!.taxonomy_id = tables['taxonomies.csv']![0]!.id;
    tables['locations.csv']![0]!.organization_id = tables['organizations.csv']![0]!.id;
    tables['contacts.csv']![0]!.service_at_location_id = tables['service_at_location.csv']![0]!.id;
    tables['contacts.csv']![0]!.organization_id = tables['organizations.csv']![0]!.id;
  }
  const files: Record<string, string> = {};
  for (const [name, list] of Object.entries(tables)) files[name] = stringify(list, { header: true });
  files['datapackage.json'] = JSON.stringify({
    name: 'example',
    resources: Object.keys(tables).map((f) => ({ name: f.replace('.csv', ''), path: f })),
  });
  return files;
}

describe('HSDS 3.0 tabular datapackage (zip of CSV files)', () => {
  it('rejects the official example for its four references to rows it does not contain', async () => {
    const path = join(dir, 'tabular-official.zip');
    await zip(path, tabularPackage(false));
    const report = await importHsds(db.current.db, path);
    expect(report.ok).toBe(false);
    expect(report.format).toBe('hsds-tabular');
    expect(report.problems.map((p) => `${p.file} ${p.field}`).sort()).toEqual([
      'package/contacts.csv organization_id',
      'package/contacts.csv service_at_location_id',
      'package/locations.csv organization_id',
      'package/taxonomy_terms.csv taxonomy_id',
    ]);
    const [n] = await rows<{ n: number }>(sql`select count(*)::int as n from service`);
    expect(n?.n).toBe(0);
  });

  it('imports it once those references point at its own rows, typed from the CSV text', async () => {
    const path = join(dir, 'tabular.zip');
    await zip(path, tabularPackage(true));
    const report = await importHsds(db.current.db, path);
    expect(report.problems).toEqual([]);
    expect(report.warnings).toContainEqual(
      expect.objectContaining({ file: 'package/meta_table_descriptions.csv' }),
    );
    const [s] = await rows<Record<string, unknown>>(
      sql`select name, minimum_age, maximum_age, program_id::text from service where id = 'ac148810-d857-441c-9679-408f346de14b'`,
    );
    expect(s).toEqual({
      name: 'Community Counselling',
      minimum_age: 12,
      maximum_age: 100,
      program_id: 'e7ec2e57-4540-43fa-b2c7-6be5a0ef7f42',
    });
    const [sched] = await rows<Record<string, unknown>>(
      sql`select timezone, count, byday, opens_at::text from schedule where id = '48102e86-bb50-41c4-8f1e-e269368c41d1'`,
    );
    expect(sched).toEqual({ timezone: '3', count: 3, byday: 'TH,FR', opens_at: '10:00:00' });
    const [cost] = await rows<{ amount: number; currency: string }>(
      sql`select amount::float8 as amount, currency from cost_option where id = '1fdf4d39-3d80-484d-9f92-a8ffa08621e7'`,
    );
    expect(cost).toEqual({ amount: 35, currency: 'gbp' });
  });
});

describe('HSDS 3.0 JSON datapackage and NDJSON', () => {
  it('imports a zip of per-object JSON files (organizations.json, services.json, ...)', async () => {
    const s = syntheticService(7_001);
    const { organization, service_at_locations, ...service } = s;
    const location = service_at_locations[0]!.location;
    const path = join(dir, 'objects.zip');
    await zip(path, {
      'services.json': JSON.stringify([{ ...service, organization_id: organization.id }]),
      'organizations.json': JSON.stringify([organization]),
      'locations.json': JSON.stringify([location]),
      'service_at_locations.json': JSON.stringify([
        { id: service_at_locations[0]!.id, service_id: s.id, location_id: location.id },
      ]),
    });
    const report = await importHsds(db.current.db, path);
    expect(report.problems).toEqual([]);
    expect(report.format).toBe('hsds-json-package');
    const [row] = await rows<{ n: number }>(
      sql`select count(*)::int as n from service_at_location sal join service s on s.id = sal.service_id
        join location l on l.id = sal.location_id where s.id = ${s.id} and s.organization_id = ${organization.id}`,
    );
    expect(row?.n).toBe(1);
  });

  it('imports NDJSON, one service a line', async () => {
    const path = join(dir, 'services.ndjson');
    writeFileSync(
      path,
      `${[7_101, 7_102, 7_103].map((n) => JSON.stringify(syntheticService(n))).join('\n')}\n`,
    );
    const report = await importHsds(db.current.db, path);
    expect(report.problems).toEqual([]);
    expect(report.tables.service?.inserted).toBe(3);
  });

  it('names a line that is not JSON, and writes nothing', async () => {
    const path = join(dir, 'broken.ndjson');
    writeFileSync(path, `${JSON.stringify(syntheticService(7_201))}\n{"id": oops}\n`);
    const report = await importHsds(db.current.db, path);
    expect(report.ok).toBe(false);
    expect(report.problems[0]?.problem).toMatch(/line 2 is not valid JSON/);
    const [n] = await rows<{ n: number }>(
      sql`select count(*)::int as n from service where id = ${syntheticService(7_201).id}`,
    );
    expect(n?.n).toBe(0);
  });
});

describe('CareMap extension fields', () => {
  const hiddenService = () => {
    const s = syntheticService(7_300);
    const location = s.service_at_locations[0]!.location as Record<string, unknown>;
    return { s, location };
  };
  const hiddenFlag = async (id: string) =>
    (
      await rows<{ address_hidden: boolean; moved: boolean }>(
        sql`select address_hidden, not ST_Equals(geom, public_geom) as moved from location where id = ${id}`,
      )
    )[0];

  it('x_caremap_address_hidden hides the address, and a file without the flag does not unhide it', async () => {
    const { s, location } = hiddenService();
    location.x_caremap_address_hidden = true;
    const path = join(dir, 'hidden.json');
    writeFileSync(path, JSON.stringify([s]));
    expect((await importHsds(db.current.db, path)).ok).toBe(true);
    expect(await hiddenFlag(String(location.id))).toEqual({ address_hidden: true, moved: true });

    // Another directory's export of the same place knows nothing of CareMap's flag.
    delete location.x_caremap_address_hidden;
    writeFileSync(path, JSON.stringify([s]));
    const again = await importHsds(db.current.db, path);
    expect(again.tables.location).toMatchObject({ updated: 0, unchanged: 1 });
    expect(await hiddenFlag(String(location.id))).toEqual({ address_hidden: true, moved: true });

    location.x_caremap_address_hidden = false;
    writeFileSync(path, JSON.stringify([s]));
    await importHsds(db.current.db, path);
    expect(await hiddenFlag(String(location.id))).toEqual({ address_hidden: false, moved: false });
  });

  it('x_caremap_labels sets the four labels of a term; without it the stored labels stay', async () => {
    const term = {
      id: '0c6bb4b5-3b50-4d37-a0a6-6f4f1a0e9c11',
      code: 'crisis',
      name: 'Crisis intervention',
      description: 'Immediate help in a crisis',
      x_caremap_labels: {
        hu: 'Krízisintervenció',
        cs: 'Krizová pomoc',
        tr: 'Kriz müdahalesi',
        en: 'Crisis intervention',
      },
    };
    const path = join(dir, 'term.json');
    writeFileSync(path, JSON.stringify(term));
    expect((await importHsds(db.current.db, path, { kind: 'taxonomy_term' })).ok).toBe(true);
    const { x_caremap_labels: _, ...plain } = term;
    writeFileSync(path, JSON.stringify(plain));
    const again = await importHsds(db.current.db, path, { kind: 'taxonomy_term' });
    expect(again.tables.taxonomy_term).toMatchObject({ unchanged: 1 });
    const [row] = await rows<{ labels: Record<string, string> }>(
      sql`select labels from taxonomy_term where id = ${term.id}`,
    );
    expect(row?.labels.cs).toBe('Krizová pomoc');
  });
});
