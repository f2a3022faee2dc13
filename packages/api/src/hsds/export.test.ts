// The HSDS 3.0 JSON export: every record validates against the official schemas (Ajv, loaded apart
// from the code under test), every service is there once, and a hidden address leaves nothing exact.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectRows } from '@caremap/db';
import { seed } from '@caremap/db/seed';
import { useTestDatabase } from '@caremap/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN_FIXTURE, hideSeededLocation, insertRichService } from '../../test/hsds-fixture';
import { errorsOf, loadHsdsSchemas, SCHEMA_BASE } from '../../test/hsds-schemas';
import { exportHsds } from './export';

const t = useTestDatabase();
const dir = mkdtempSync(join(tmpdir(), 'caremap-hsds-export-'));
let fixture: Awaited<ReturnType<typeof insertRichService>>;
let seededHidden: Awaited<ReturnType<typeof hideSeededLocation>>;
let summary: Awaited<ReturnType<typeof exportHsds>>;
const progress: Array<[string, number]> = [];

beforeAll(async () => {
  await seed(t.current.db, { demoPassword: 'caremap-demo', now: new Date('2026-05-04T08:00:00Z') });
  fixture = await insertRichService(t.current.db);
  seededHidden = await hideSeededLocation(t.current.db);
  summary = await exportHsds(t.current.db, {
    dir,
    batchSize: 150,
    onProgress: (f, n) => progress.push([f, n]),
  });
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (file: string) =>
  JSON.parse(readFileSync(join(dir, file), 'utf8')) as Array<Record<string, unknown>>;

describe('exportHsds', () => {
  it('writes every file, in batches, and a descriptor naming the schemas', async () => {
    expect(readdirSync(dir).sort()).toEqual([
      'datapackage.json',
      'organizations.json',
      'services.json',
      'taxonomies.json',
      'taxonomy_terms.json',
    ]);
    const [count] = await selectRows<{ n: number }>(
      t.current.db,
      sql`select count(*)::int as n from service`,
    );
    const services = read('services.json');
    expect(services.length).toBe(Number(count!.n));
    expect(new Set(services.map((s) => s.id)).size).toBe(services.length);
    expect(summary.files['services.json']).toBe(services.length);
    // Several batches, each reported as it was written.
    expect(progress.filter(([f]) => f === 'services.json').length).toBeGreaterThan(10);
    const descriptor = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as {
      resources: Array<{ path: string; schema: string; count: number }>;
    };
    expect(descriptor.resources.map((r) => [r.path, r.schema.replace(SCHEMA_BASE, '')])).toEqual([
      ['services.json', 'compiled/service.json'],
      ['organizations.json', 'compiled/organization.json'],
      ['taxonomies.json', 'taxonomy.json'],
      ['taxonomy_terms.json', 'taxonomy_term.json'],
    ]);
  });

  it('validates, record by record, against the official HSDS 3.0 schemas', () => {
    const specs = loadHsdsSchemas();
    const files: Record<string, string> = {
      'services.json': 'compiled/service.json',
      'organizations.json': 'compiled/organization.json',
      'taxonomies.json': 'taxonomy.json',
      'taxonomy_terms.json': 'taxonomy_term.json',
    };
    for (const [file, rel] of Object.entries(files)) {
      const validate = specs.file(rel);
      const records = read(file);
      expect(records.length, file).toBeGreaterThan(0);
      for (const record of records) {
        expect(validate(record), `${file} ${record.id as string}: ${errorsOf(validate).join('\n')}`).toBe(
          true,
        );
      }
    }
    const rich = read('services.json').find((s) => s.id === fixture.serviceId) as Record<string, unknown[]>;
    for (const list of [
      'phones',
      'schedules',
      'service_areas',
      'languages',
      'funding',
      'cost_options',
      'required_documents',
      'contacts',
      'attributes',
      'metadata',
    ]) {
      expect(rich[list]!.length, list).toBeGreaterThan(0);
    }
  });

  it("holds no hidden address's street, postcode, directions or exact point", () => {
    const text = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    for (const word of [
      HIDDEN_FIXTURE.street,
      HIDDEN_FIXTURE.postcode,
      HIDDEN_FIXTURE.transportation,
      HIDDEN_FIXTURE.externalIdentifier,
      HIDDEN_FIXTURE.accessibilityDetails,
      String(HIDDEN_FIXTURE.latitude),
      String(HIDDEN_FIXTURE.longitude),
      String(seededHidden.latitude),
      String(seededHidden.longitude),
      ...seededHidden.streets,
    ]) {
      expect(text.includes(word), word).toBe(false);
    }
    const rich = read('services.json').find((s) => s.id === fixture.serviceId) as {
      service_at_locations: Array<{
        location: { id: string; latitude: number; longitude: number; addresses: unknown[] };
      }>;
    };
    const hidden = rich.service_at_locations.find(
      (s) => s.location.id === fixture.hiddenLocationId,
    )!.location;
    expect(hidden.addresses).toEqual([]);
    const rad = Math.PI / 180;
    const dLat = (hidden.latitude - HIDDEN_FIXTURE.latitude) * rad;
    const dLng = (hidden.longitude - HIDDEN_FIXTURE.longitude) * rad;
    const h =
      Math.sin(dLat / 2) ** 2 +
      Math.cos(hidden.latitude * rad) * Math.cos(HIDDEN_FIXTURE.latitude * rad) * Math.sin(dLng / 2) ** 2;
    expect(2 * 6_371_008 * Math.asin(Math.sqrt(h))).toBeGreaterThan(1000);
  });
});
