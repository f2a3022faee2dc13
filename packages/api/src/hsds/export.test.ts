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

// Distance on the sphere, computed here, independently of PostGIS.
function metres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6_371_008 * Math.asin(Math.sqrt(h));
}

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

  it("holds no hidden address's street, postcode, directions or exact point", async () => {
    const rows = await selectRows<{ id: string; lat: number; lng: number }>(
      t.current.db,
      sql`select id, latitude as lat, longitude as lng from location where not address_hidden`,
    );
    const publicPoints = new Map(rows.map((r) => [r.id, { lat: Number(r.lat), lng: Number(r.lng) }]));
    const text = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    for (const word of [
      HIDDEN_FIXTURE.street,
      HIDDEN_FIXTURE.postcode,
      HIDDEN_FIXTURE.transportation,
      HIDDEN_FIXTURE.externalIdentifier,
      HIDDEN_FIXTURE.accessibilityDetails,
      ...seededHidden.streets,
    ]) {
      expect(text.includes(word), word).toBe(false);
    }
    // Every point in the export (by distance, not as text: the approximate point may share one
    // coordinate with the exact one): none within 1 km of a hidden place unless it is a public
    // location's own point; the hidden locations themselves appear, 1 km or more off.
    const hiddenPoints = [
      { id: fixture.hiddenLocationId, lat: HIDDEN_FIXTURE.latitude, lng: HIDDEN_FIXTURE.longitude },
      { id: seededHidden.id, lat: seededHidden.latitude, lng: seededHidden.longitude },
    ];
    const leaks: string[] = [];
    let hiddenSeen = 0;
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) {
        for (const item of node) visit(item);
        return;
      }
      if (!node || typeof node !== 'object') return;
      const o = node as { id?: string; latitude?: number; longitude?: number; addresses?: unknown[] };
      if (typeof o.latitude === 'number' && typeof o.longitude === 'number') {
        const hidden = hiddenPoints.find((h) => h.id === o.id);
        if (hidden) {
          hiddenSeen++;
          if (o.addresses?.length) leaks.push(`${o.id} has addresses`);
        }
        for (const h of hiddenPoints) {
          const d = metres(o.latitude, o.longitude, h.lat, h.lng);
          const own = o.id ? publicPoints.get(o.id) : undefined;
          const isOwnPublicPoint = own && own.lat === o.latitude && own.lng === o.longitude;
          if (d < 1000 && !isOwnPublicPoint) leaks.push(`${o.id} is ${Math.round(d)} m from hidden ${h.id}`);
        }
      }
      for (const value of Object.values(node)) visit(value);
    };
    for (const file of ['services.json', 'organizations.json']) visit(read(file));
    expect(leaks).toEqual([]);
    expect(hiddenSeen, 'the export holds the hidden locations (approximately)').toBeGreaterThan(2);
  });
});
