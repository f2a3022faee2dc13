// HSDS 1.1 and 2.0 tabular datapackages import onto the 3.0 tables, with deterministic ids and a
// report of every column that has no place in 3.0.
import { fileURLToPath } from 'node:url';
import { selectRows } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { sql } from 'drizzle-orm';
import { v5 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { importHsds } from './index';
import { CAREMAP_LEGACY_NAMESPACE } from './legacy';

const db = useTestDatabase();
const fixture = (name: string) => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));
const rows = <T>(q: ReturnType<typeof sql>) => selectRows<T>(db.current.db, q);
// Written out here rather than imported, so a change to the namespace fails this test.
const idOf = (table: string, id: string) => v5(`${table}:${id}`, 'a4d2b7e0-5c1f-4e8a-9b3d-6f0e2c9a7b15');

describe('HSDS 1.1 datapackage', () => {
  it('imports with a mapping report naming each unmapped column', async () => {
    expect(CAREMAP_LEGACY_NAMESPACE).toBe('a4d2b7e0-5c1f-4e8a-9b3d-6f0e2c9a7b15');
    const report = await importHsds(db.current.db, fixture('hsds-1.1'));
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, format: 'hsds-legacy-tabular', hsdsVersion: '1.1' });
    expect(report.unmapped).toEqual(
      expect.arrayContaining([
        { file: 'physical_addresses.csv', column: 'address_3', rows: 1 },
        { file: 'phones.csv', column: 'language', rows: 2 },
        { file: 'taxonomy.csv', column: 'parent_name', rows: 2 },
        { file: 'eligibility.csv', column: 'id', rows: 2 },
        { file: 'payment_accepted.csv', column: 'payment', rows: 1 },
      ]),
    );
    expect(report.tables.service?.inserted).toBe(3);
    expect(report.tables.address?.inserted).toBe(3);

    const [service] = await rows<Record<string, unknown>>(
      sql`select name, organization_id::text, program_id::text, eligibility_description, fees from service where id = ${idOf('services', '1')}`,
    );
    expect(service).toEqual({
      name: 'Családsegítés',
      organization_id: idOf('organizations', '1'),
      program_id: idOf('programs', '1'),
      eligibility_description: 'Pécsen és a Pécsi járásban élő családok',
      fees: 'Ingyenes',
    });
    const schedules = await rows<{ byday: string; freq: string; opens_at: string; closes_at: string }>(
      sql`select byday, freq, opens_at::text, closes_at::text from schedule where service_id = ${idOf('services', '1')} and valid_from is null order by byday`,
    );
    expect(schedules).toEqual([
      { byday: 'MO', freq: 'WEEKLY', opens_at: '08:00:00', closes_at: '16:00:00' },
      { byday: 'WE', freq: 'WEEKLY', opens_at: '08:00:00', closes_at: '18:00:00' },
    ]);
    const [holiday] = await rows<Record<string, unknown>>(
      sql`select valid_from::text, valid_to::text, opens_at, description from schedule where id = ${idOf('holiday_schedules', '1')}`,
    );
    expect(holiday).toEqual({
      valid_from: '2026-12-24',
      valid_to: '2026-12-26',
      opens_at: null,
      description: 'Closed (holiday)',
    });
    // Physical address 1 and postal address 1 are different rows.
    const addresses = await rows<{ address_type: string; address_1: string }>(
      sql`select address_type::text, address_1 from address where location_id = ${idOf('locations', '1')} order by address_type`,
    );
    expect(addresses).toEqual([
      { address_type: 'physical', address_1: 'Kossuth tér 12.' },
      { address_type: 'postal', address_1: 'Pf. 123' },
    ]);
    const [term] = await rows<{ parent_id: string; code: string }>(
      sql`select parent_id::text, code from taxonomy_term where id = ${idOf('taxonomy', '11')}`,
    );
    expect(term).toEqual({ parent_id: idOf('taxonomy', '10'), code: '11' });
    const [attr] = await rows<{ n: number }>(
      sql`select count(*)::int as n from attribute where link_entity = 'service' and link_id = ${idOf('services', '3')} and taxonomy_term_id = ${idOf('taxonomy', '11')}`,
    );
    expect(attr?.n).toBe(1);
  });

  it('re-imports onto the same rows without changing them', async () => {
    const count = async () =>
      (
        await rows<{ n: number; v: number }>(
          sql`select count(*)::int as n, sum(version)::int as v from service`,
        )
      )[0];
    const before = await count();
    const report = await importHsds(db.current.db, fixture('hsds-1.1'));
    expect(report.ok).toBe(true);
    expect(report.tables.service).toEqual({ read: 3, inserted: 0, updated: 0, unchanged: 3 });
    expect(report.tables.taxonomy_term?.updated).toBe(0);
    expect(await count()).toEqual(before);
  });
});

describe('HSDS 2.0 datapackage', () => {
  it('imports string ids, the 2.0 schedule fields and cost options, and reports what it cannot map', async () => {
    const report = await importHsds(db.current.db, fixture('hsds-2.0'));
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, format: 'hsds-legacy-tabular', hsdsVersion: '2.0' });
    expect(report.unmapped).toEqual(
      expect.arrayContaining([
        { file: 'services.csv', column: 'keywords', rows: 1 },
        { file: 'metadata.csv', column: 'resource_id', rows: 1 },
      ]),
    );
    const [s] = await rows<Record<string, unknown>>(
      sql`select status::text, minimum_age, maximum_age, assured_date::text from service where id = ${idOf('services', 'svc-azyl')}`,
    );
    expect(s).toEqual({ status: 'active', minimum_age: 0, maximum_age: 26, assured_date: '2026-03-01' });
    const sched = await rows<Record<string, unknown>>(
      sql`select byday, valid_to::text from schedule where service_at_location_id = ${idOf('service_at_location', 'sal-2')}`,
    );
    expect(sched).toEqual([{ byday: 'TU', valid_to: '2026-11-30' }]);
    const costs = await rows<{ amount: number; free: boolean }>(
      sql`select amount::float8 as amount, free from cost_option where service_id in (${idOf('services', 'svc-azyl')}, ${idOf('services', 'svc-por')}) order by amount`,
    );
    expect(costs).toEqual([
      { amount: 0, free: true },
      { amount: 180, free: false },
    ]);
  });
});
