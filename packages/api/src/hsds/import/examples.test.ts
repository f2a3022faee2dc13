// The official HSDS 3.0 examples import, and what they say can be read back from the tables.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectRows } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { specDir } from '../../../test/hsds-schemas';
import { importHsds } from './index';

const official = `${specDir()}/examples-3.0/`;
// The examples put their one location at latitude 100, longitude 101, which no place on Earth has
// and CareMap's location check refuses. The copies used here move it to Budapest; the test below
// shows the untouched file is rejected for exactly that reason.
const examples = mkdtempSync(join(tmpdir(), 'hsds-examples-'));
const example = (file: string) => readFileSync(join(official, file), 'utf8');
for (const file of [
  'service_full.json',
  'organization_full.json',
  'service_at_location_full.json',
  'location.json',
  'service_list.json',
  'organization_list.json',
  'taxonomy.json',
  'taxonomy_term.json',
  'taxonomy_list.json',
  'taxonomy_term_list.json',
]) {
  writeFileSync(
    join(examples, file),
    example(file)
      .replaceAll('"latitude": 100', '"latitude": 47.5')
      .replaceAll('"longitude": 101', '"longitude": 19.05'),
  );
}
const db = useTestDatabase();
const rows = <T>(q: ReturnType<typeof sql>) => selectRows<T>(db.current.db, q);

describe('official HSDS 3.0 examples', () => {
  it('rejects the untouched location.json for its impossible latitude only, and writes nothing', async () => {
    const report = await importHsds(db.current.db, join(official, 'location.json'));
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({
      file: 'location.json',
      record: { index: 0 },
      field: 'latitude',
    });
    expect(
      report.problems.filter((p) => !p.problem.startsWith('no location with id')).map((p) => p.field),
    ).toEqual(['latitude']);
    const [n] = await rows<{ n: number }>(sql`select count(*)::int as n from location`);
    expect(n?.n).toBe(0);
  });

  it('imports service_full.json and reads every nested object back', async () => {
    const report = await importHsds(db.current.db, join(examples, 'service_full.json'));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    const example = JSON.parse(readFileSync(join(examples, 'service_full.json'), 'utf8'));
    const [service] = await rows<{ name: string; minimum_age: number; organization_id: string }>(
      sql`select name, minimum_age, organization_id::text from service where id = ${example.id}`,
    );
    expect(service).toEqual({
      name: example.name,
      minimum_age: 12,
      organization_id: example.organization.id,
    });
    const phone = example.phones[0];
    const [p] = await rows<Record<string, string>>(
      sql`select number, extension, service_id::text, contact_id::text, service_at_location_id::text from phone where id = ${phone.id}`,
    );
    // One phone, listed under the service, its contact and its service_at_location: one row, three links.
    expect(p).toEqual({
      number: phone.number,
      extension: '100',
      service_id: example.id,
      contact_id: example.service_at_locations[0].contacts[0].id,
      service_at_location_id: example.service_at_locations[0].id,
    });
    const [loc] = await rows<{ name: string; latitude: number }>(
      sql`select name, latitude::float8 as latitude from location where id = ${example.service_at_locations[0].location.id}`,
    );
    expect(loc?.name).toBe(example.service_at_locations[0].location.name);
    expect(report.warnings.some((w) => w.field?.endsWith('attending_type'))).toBe(true);
  });

  it.each([
    'organization_full.json',
    'service_at_location_full.json',
    'service_list.json',
    'organization_list.json',
    'location.json',
    'taxonomy.json',
    'taxonomy_term.json',
    'taxonomy_list.json',
    'taxonomy_term_list.json',
  ])('imports %s', async (file) => {
    const report = await importHsds(db.current.db, join(examples, file));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    const example = JSON.parse(readFileSync(join(examples, file), 'utf8'));
    const first = example.contents ? example.contents[0] : example;
    const found = await rows<{ n: number }>(
      sql`select (select count(*) from organization where id::text = ${first.id}) + (select count(*) from service where id::text = ${first.id})
          + (select count(*) from location where id::text = ${first.id}) + (select count(*) from taxonomy where id::text = ${first.id})
          + (select count(*) from taxonomy_term where id::text = ${first.id}) + (select count(*) from service_at_location where id::text = ${first.id}) as n`,
    );
    expect(Number(found[0]?.n)).toBe(1);
  });
});
