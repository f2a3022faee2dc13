// Contract test of the public HSDS 3.0 API: every endpoint of a live app over the seeded demo data
// (plus a fixture that uses every HSDS object, at a hidden address) is validated with Ajv against the
// OFFICIAL schemas, under the official base URI. The setup is proven first on the official examples.
import { join } from 'node:path';
import { HIDDEN_FIXTURE, hideSeededLocation, insertRichService } from '@caremap/api/testing/hsds-fixture';
import {
  errorsOf,
  type HsdsSchemas,
  loadHsdsSchemas,
  readJson,
  SCHEMA_BASE,
  specDir,
} from '@caremap/api/testing/hsds-schemas';
import { schema } from '@caremap/db';
import { seed } from '@caremap/db/seed';
import { useTestDatabase } from '@caremap/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, serveOnFreePort } from '../test/http';
import { createApp } from './app';

const t = useTestDatabase();
let specs: HsdsSchemas;
let server: Awaited<ReturnType<typeof serveOnFreePort>>;
let fixture: Awaited<ReturnType<typeof insertRichService>>;
let seededHidden: Awaited<ReturnType<typeof hideSeededLocation>>;

/** Every response body the crawl saw, for the null and hidden-address checks. */
const seen: Array<{ url: string; body: unknown; text: string }> = [];

beforeAll(async () => {
  specs = loadHsdsSchemas();
  await seed(t.current.db, { demoPassword: 'caremap-demo', now: new Date('2026-05-04T08:00:00Z') });
  fixture = await insertRichService(t.current.db);
  seededHidden = await hideSeededLocation(t.current.db);
  const app = createApp({
    database: t.current,
    logger: memoryLogger().logger,
    hsdsLimits: { points: 1_000_000, windowSeconds: 60 },
  });
  server = await serveOnFreePort(app);
}, 240_000);
afterAll(() => server?.close());

async function get(path: string, init?: RequestInit) {
  const url = `/api/hsds${path}`;
  const res = await fetch(`${server.url}${url}`, init);
  const text = await res.text();
  return { res, text, url };
}

/** GET, expect 200 JSON, validate against `validate`, remember the body. */
async function getValid(path: string, schemaOf: () => ReturnType<HsdsSchemas['file']>) {
  const { res, text, url } = await get(path);
  expect(res.status, `${url}: ${text.slice(0, 300)}`).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = JSON.parse(text) as unknown;
  const validate = schemaOf();
  expect(validate(body), `${url}\n${errorsOf(validate).join('\n')}`).toBe(true);
  seen.push({ url, body, text });
  return body as Record<string, unknown>;
}

async function getNdjson(path: string, schemaOf: () => ReturnType<HsdsSchemas['file']>) {
  const { res, text, url } = await get(path);
  expect(res.status, url).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
  const lines = text.split('\n').filter(Boolean);
  const validate = schemaOf();
  for (const [i, line] of lines.entries()) {
    const body = JSON.parse(line) as unknown;
    expect(validate(body), `${url} line ${i + 1}\n${errorsOf(validate).join('\n')}`).toBe(true);
    seen.push({ url: `${url}#${i + 1}`, body, text: line });
  }
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}

type Page = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  contents: Array<{ id: string }>;
};

/** Every page of a list endpoint, each validated; returns all items. */
async function crawl(path: string, perPage: number, extra = '') {
  const sep = path.includes('?') ? '&' : '?';
  const first = (await getValid(`${path}${sep}per_page=${perPage}&page=1${extra}`, () =>
    specs.response(path.split('?')[0]!),
  )) as unknown as Page;
  const items = [...first.contents];
  for (let page = 2; page <= first.total_pages; page++) {
    const next = (await getValid(`${path}${sep}per_page=${perPage}&page=${page}${extra}`, () =>
      specs.response(path.split('?')[0]!),
    )) as unknown as Page;
    expect(next.page_number).toBe(page);
    items.push(...next.contents);
  }
  expect(items.length).toBe(first.total_items);
  expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  return { items, first };
}

describe('the validator itself (official examples)', () => {
  const exampleSchemas: Record<string, string | (() => ReturnType<HsdsSchemas['file']>)> = {
    'service_full.json': 'compiled/service.json',
    'organization_full.json': 'compiled/organization.json',
    'service_at_location_full.json': 'compiled/service_at_location.json',
    'location.json': 'location.json',
    'taxonomy.json': 'taxonomy.json',
    'taxonomy_term.json': 'taxonomy_term.json',
  };
  const listExamples: Record<string, string> = {
    'service_list.json': '/services',
    'organization_list.json': '/organizations',
    'service_at_location_list.json': '/service_at_locations',
    'taxonomy_list.json': '/taxonomies',
    'taxonomy_term_list.json': '/taxonomy_terms',
    'base.json': '/',
  };

  it('accepts every official example under the schema the openapi.json names', () => {
    const dir = join(specDir(), 'examples-3.0');
    for (const [file, rel] of Object.entries(exampleSchemas)) {
      const v = specs.file(rel as string);
      expect(v(readJson(join(dir, file))), `${file}: ${errorsOf(v).join('\n')}`).toBe(true);
    }
    for (const [file, path] of Object.entries(listExamples)) {
      const v = specs.response(path);
      expect(v(readJson(join(dir, file))), `${file}: ${errorsOf(v).join('\n')}`).toBe(true);
    }
  });

  it('rejects broken objects (the schemas really are in force, nested refs included)', () => {
    const dir = join(specDir(), 'examples-3.0');
    const service = readJson(join(dir, 'service_full.json'));
    const service$ = specs.file('compiled/service.json');
    expect(service$({ ...service, name: undefined })).toBe(false);
    expect(service$({ ...service, status: 'open' })).toBe(false);
    expect(service$({ ...service, id: 'not-a-uuid' })).toBe(false);
    expect(service$({ ...service, alert: null })).toBe(false);
    const phones = [{ ...(service.phones as Array<Record<string, unknown>>)[0], number: undefined }];
    expect(service$({ ...service, phones })).toBe(false);
    const list = readJson(join(dir, 'service_list.json'));
    expect(specs.response('/services')({ ...list, contents: [{ id: 'x' }] })).toBe(false);
    expect(specs.response('/services')({ ...list, total_items: 'ten' })).toBe(false);
  });
});

// biome-ignore lint/suspicious/noExplicitAny: assertions walk untyped JSON the schemas already checked
type AnyJson = any;

describe('HSDS API responses validate against the official schemas', () => {
  it('GET / names our OpenAPI document, which parses and lists the extension parameters', async () => {
    const root = await getValid('/', () => specs.response('/'));
    expect(root.version).toMatch(/^3\.0/);
    const openapiUrl = new URL(root.openapi_url as string);
    expect(openapiUrl.pathname).toBe('/api/hsds/openapi.json');
    const res = await fetch(`${server.url}${openapiUrl.pathname}`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<
        string,
        {
          get: {
            parameters?: Array<{ $ref?: string; name?: string }>;
            responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
          };
        }
      >;
      components: { parameters: Record<string, { name: string }> };
    };
    expect(doc.openapi).toMatch(/^3\.1/);
    const names = (path: string) =>
      (doc.paths[path]!.get.parameters ?? []).map((p) => {
        if (!p.$ref) return p.name;
        const key = p.$ref.replace('#/components/parameters/', '');
        expect(doc.components.parameters[key], `${path}: ${p.$ref} resolves`).toBeDefined();
        return doc.components.parameters[key]!.name;
      });
    const extensions = [
      'lat',
      'lng',
      'open_now',
      'open_at',
      'age',
      'language',
      'free',
      'wheelchair',
      'attending_type',
    ];
    for (const path of ['/services', '/service_at_locations']) {
      for (const name of [...extensions, 'page', 'per_page', 'format', 'search', 'proximity']) {
        expect(names(path), `${path} lists ${name}`).toContain(name);
      }
    }
    expect(names('/service_at_locations')).toContain('postcode');
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const response of Object.values(item.get.responses)) {
        for (const media of Object.values(response.content ?? {})) {
          const ref = media.schema.$ref;
          if (ref?.startsWith(SCHEMA_BASE)) {
            expect(specs.ajv.getSchema(ref), `${path} -> ${ref}`).toBeDefined();
          }
        }
      }
    }
    expect(
      doc.paths['/service_at_locations/{id}']!.get.responses['200']!.content!['application/json']!.schema
        .$ref,
    ).toBe(`${SCHEMA_BASE}compiled/service_at_location.json`);
  });

  it('/services: every page, and the details of a sample, full and minimal', async () => {
    const { items } = await crawl('/services', 250);
    expect(items.length).toBeGreaterThan(2000);
    const sample = [fixture.serviceId, ...items.filter((_, i) => i % 97 === 0).map((s) => s.id)];
    for (const id of sample) {
      const service = await getValid(`/services/${id}`, () => specs.file('compiled/service.json'));
      expect(service.id).toBe(id);
    }
    await getValid('/services?full=true&per_page=60', () => specs.response('/services'));
    await getValid(`/services?full=true&per_page=60&organization_id=${fixture.organizationId}`, () =>
      specs.response('/services'),
    );
    await getValid('/services?minimal=true&per_page=1000', () => specs.response('/services'));
  }, 240_000);

  it('/services?format=ndjson streams every service, each line valid', async () => {
    const total = (
      (await getValid('/services?per_page=1', () => specs.response('/services'))) as unknown as Page
    ).total_items;
    const schemaOfItem = () => specs.file('compiled/service_list.json');
    const lines = await getNdjson('/services?format=ndjson', schemaOfItem);
    expect(lines.length).toBe(total);
    expect(new Set(lines.map((l) => l.id)).size).toBe(total);
    await getNdjson(`/services?format=ndjson&full=true&organization_id=${fixture.organizationId}`, () =>
      specs.file('compiled/service.json'),
    );
  }, 120_000);

  it('/service_at_locations: every page, ndjson, details, postcode and proximity', async () => {
    const { items } = await crawl('/service_at_locations', 500);
    const sample = [
      fixture.hiddenServiceAtLocationId,
      ...items.filter((_, i) => i % 151 === 0).map((s) => s.id),
    ];
    for (const id of sample) {
      const sal = await getValid(`/service_at_locations/${id}`, () =>
        specs.file('compiled/service_at_location.json'),
      );
      expect(sal.id).toBe(id);
    }
    await getValid('/service_at_locations?full=true&per_page=40', () =>
      specs.response('/service_at_locations'),
    );
    const lines = await getNdjson('/service_at_locations?format=ndjson', () =>
      specs.file('compiled/service_at_location_list.json'),
    );
    expect(lines.length).toBe(items.length);
    const byCode = (await getValid('/service_at_locations?postcode=1051&proximity=2000', () =>
      specs.response('/service_at_locations'),
    )) as unknown as Page;
    expect(byCode.contents.map((s) => s.id)).not.toContain(fixture.hiddenServiceAtLocationId);
  }, 240_000);

  it('/organizations (list, full, ndjson, details with services), /taxonomies, /taxonomy_terms', async () => {
    const { items } = await crawl('/organizations', 300);
    const sample = [fixture.organizationId, ...items.filter((_, i) => i % 61 === 0).map((o) => o.id)];
    for (const id of sample) {
      const org = await getValid(`/organizations/${id}`, () => specs.file('compiled/organization.json'));
      expect(Array.isArray(org.services)).toBe(true);
    }
    await getValid(`/organizations/${fixture.organizationId}?full_service=true`, () =>
      specs.file('compiled/organization.json'),
    );
    await getValid('/organizations?full=true&per_page=25', () => specs.response('/organizations'));
    await getValid('/organizations?full_service=true&per_page=5', () => specs.response('/organizations'));
    await getNdjson('/organizations?format=ndjson', () => specs.file('compiled/organization_list.json'));

    const taxonomies = await crawl('/taxonomies', 10);
    for (const tax of taxonomies.items)
      await getValid(`/taxonomies/${tax.id}`, () => specs.file('taxonomy.json'));
    await getNdjson('/taxonomies?format=ndjson', () => specs.file('taxonomy.json'));
    const terms = await crawl('/taxonomy_terms', 20);
    expect(terms.items.length).toBeGreaterThan(40);
    for (const term of terms.items.slice(0, 15)) {
      await getValid(`/taxonomy_terms/${term.id}`, () => specs.file('taxonomy_term.json'));
    }
    await getValid(`/taxonomy_terms/${fixture.termId}`, () => specs.file('taxonomy_term.json'));
    await getValid('/taxonomy_terms?top_only=true', () => specs.response('/taxonomy_terms'));
    await getNdjson('/taxonomy_terms?format=ndjson', () => specs.file('taxonomy_term.json'));
  }, 240_000);

  it('the fixture service carries every nested object, in HSDS form', async () => {
    const service = (await getValid(`/services/${fixture.serviceId}`, () =>
      specs.file('compiled/service.json'),
    )) as Record<string, unknown> & { [k: string]: AnyJson };
    expect(service.organization.name).toBe('Fixture Shelter Association');
    expect(service.program.name).toBe('Safe housing');
    expect(service.contacts[0].phones[0].number).toBe('+36 30 111 2222');
    expect(service.phones[0].extension).toBe(12);
    expect(service.phones[0].languages[0].code).toBe('de');
    expect(service.languages.map((l: { code: string }) => l.code).sort()).toEqual(['hu', 'uk']);
    expect(service.schedules[0]).toMatchObject({
      opens_at: '08:00',
      closes_at: '16:30',
      byday: 'MO,TU,WE,TH,FR',
    });
    // Budapest is UTC+1 in winter and UTC+2 in summer: the offset in force now.
    expect([1, 2]).toContain(service.schedules[0].timezone);
    expect(service.cost_options[0]).toMatchObject({ amount: 0, currency: 'HUF' });
    expect(service.funding[0].source).toBe('Ministry grant');
    expect(service.required_documents[0].document).toBe('Identity card');
    expect(service.service_areas[0].name).toBe('Veszprém county');
    expect(service.attributes[0].taxonomy_term).toMatchObject({ code: 'fixture_shelter', name: 'Shelter' });
    expect(service.attributes[0].taxonomy_term.taxonomy_detail.name).toBe('Fixture taxonomy');
    expect(service.metadata[0]).toMatchObject({
      field_name: 'name',
      last_action_date: '2026-03-01T10:00:00.000Z',
    });
    expect(service.last_modified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    const hidden = service.service_at_locations.find(
      (s: { id: string }) => s.id === fixture.hiddenServiceAtLocationId,
    );
    expect(hidden.location.addresses).toEqual([]);
    expect(hidden.location.schedules[0].timezone).toBe(3); // Europe/Istanbul: +3 all year
    expect(hidden.location.phones[0].number).toBe('+36 88 555 666');
    expect(hidden.location.phones[0].extension).toBeUndefined(); // "ask for duty" is not a number
    expect(hidden.phones[0].number).toBe('+36 88 555 667');
    expect(hidden.location.accessibility[0]).toEqual({
      id: expect.any(String),
      location_id: fixture.hiddenLocationId,
      description: 'Step-free entrance',
    });
    const visible = service.service_at_locations.find(
      (s: { location_id: string }) => s.location_id === fixture.visibleLocationId,
    );
    expect(visible.location.addresses[0].address_1).toBe('Nyilvános utca 1');
    expect(visible.location).toMatchObject({ latitude: 47.5, longitude: 19.05, transportation: 'Tram 2' });
    expect(visible.schedules[0].timezone).toBeUndefined(); // an unknown zone is left out, not guessed
    const org = (await getValid(`/organizations/${fixture.organizationId}`, () =>
      specs.file('compiled/organization.json'),
    )) as {
      [k: string]: AnyJson;
    };
    expect(org.organization_identifiers[0].identifier).toBe('12345678');
    expect(org.funding[0].source).toBe('Donations');
    expect(org.contacts[0].name).toBe('Director');
    expect(org.phones[0].number).toBe('+36 1 999 0000');
    expect(org.programs[0].name).toBe('Safe housing');
    expect(org.locations).toHaveLength(2);
    expect(org.services.map((s: { id: string }) => s.id)).toEqual([fixture.serviceId]);
  });
});

// Distance on the sphere, computed here, independently of PostGIS.
function metres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6_371_008 * Math.asin(Math.sqrt(h));
}

function walk(node: unknown, visit: (value: unknown, path: string) => void, path = '$') {
  visit(node, path);
  if (Array.isArray(node)) {
    for (const [i, v] of node.entries()) walk(v, visit, `${path}[${i}]`);
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) walk(v, visit, `${path}.${k}`);
  }
}

describe('what the crawl saw (runs after the crawl above)', () => {
  it('contains no null anywhere', () => {
    expect(seen.length).toBeGreaterThan(100);
    const nulls: string[] = [];
    for (const { url, body } of seen) walk(body, (v, p) => v === null && nulls.push(`${url} ${p}`));
    expect(nulls).toEqual([]);
  });

  it("never shows a hidden location's street, postcode, directions or a point within 1 km of it", async () => {
    const hiddenPoints = [
      { id: fixture.hiddenLocationId, lat: HIDDEN_FIXTURE.latitude, lng: HIDDEN_FIXTURE.longitude },
      { id: seededHidden.id, lat: seededHidden.latitude, lng: seededHidden.longitude },
    ];
    const forbidden = [
      HIDDEN_FIXTURE.street,
      HIDDEN_FIXTURE.postcode,
      HIDDEN_FIXTURE.transportation,
      HIDDEN_FIXTURE.externalIdentifier,
      HIDDEN_FIXTURE.accessibilityDetails,
      ...seededHidden.streets,
    ];
    // Coordinates are checked by distance below, not as text: the approximate point may share one
    // coordinate with the exact one (moved due north keeps the longitude) and still be 1.2-2 km off.
    // Exact points of the public locations: a neighbour may legitimately stand near a shelter.
    const publicPoints = await t.current.db
      .select({ id: schema.location.id, lat: schema.location.latitude, lng: schema.location.longitude })
      .from(schema.location)
      .where(eq(schema.location.addressHidden, false));
    const publicById = new Map(publicPoints.map((p) => [p.id, p]));
    let hiddenSeen = 0;
    const leaks: string[] = [];
    for (const { url, body, text } of seen) {
      for (const word of forbidden)
        if (text.includes(word)) leaks.push(`${url} contains ${JSON.stringify(word)}`);
      walk(body, (v, p) => {
        if (!v || typeof v !== 'object' || !('latitude' in v)) return;
        const o = v as { id?: string; latitude: number; longitude: number };
        const isHidden = hiddenPoints.some((h) => h.id === o.id);
        if (isHidden) hiddenSeen++;
        for (const h of hiddenPoints) {
          if (metres(o.latitude, o.longitude, h.lat, h.lng) >= 1000) continue;
          const own = o.id ? publicById.get(o.id) : undefined;
          const isPublicOwnPoint = own && Number(own.lat) === o.latitude && Number(own.lng) === o.longitude;
          if (!isPublicOwnPoint)
            leaks.push(
              `${url} ${p} is ${Math.round(metres(o.latitude, o.longitude, h.lat, h.lng))} m from hidden ${h.id}`,
            );
        }
      });
    }
    expect(leaks).toEqual([]);
    expect(hiddenSeen, 'the crawl did reach the hidden locations').toBeGreaterThan(2);
  });
});
