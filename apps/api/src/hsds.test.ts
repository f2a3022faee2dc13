// Behaviour of the public HSDS API a client notices: errors that name the parameter, 404s, caching
// (ETag / If-None-Match / Last-Modified), CORS, the rate limit, security headers, and filters that
// agree with a brute-force check over the same rows.

import { HIDDEN_FIXTURE, insertRichService } from '@caremap/api/testing/hsds-fixture';
import { schema, selectRows } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, serveOnFreePort } from '../test/http';
import { createApp } from './app';

const t = useTestDatabase();
let server: Awaited<ReturnType<typeof serveOnFreePort>>;
let limited: Awaited<ReturnType<typeof serveOnFreePort>>;
let fixture: Awaited<ReturnType<typeof insertRichService>>;

interface Made {
  id: string;
  organizationId: string;
  name: string;
  minimumAge: number | null;
  maximumAge: number | null;
  languages: string[];
  free: boolean;
  terms: string[];
  point: [number, number];
  attending: string | null;
}
const made: Made[] = [];
let parentTerm = '';
let childTerm = '';
let otherTerm = '';
let taxonomyId = '';

beforeAll(async () => {
  const db = t.current.db;
  fixture = await insertRichService(db);
  const [tax] = await db
    .insert(schema.taxonomy)
    .values({ name: 'Needs', description: 'What people need' })
    .returning();
  taxonomyId = tax!.id;
  const labels = (en: string) => ({ hu: en, cs: en, tr: en, en });
  const [parent] = await db
    .insert(schema.taxonomyTerm)
    .values({
      code: 'family',
      name: 'Family support',
      description: 'd',
      taxonomyId,
      labels: labels('Family support'),
    })
    .returning();
  const [child] = await db
    .insert(schema.taxonomyTerm)
    .values({
      code: 'mediation',
      name: 'Mediation',
      description: 'd',
      taxonomyId,
      parentId: parent!.id,
      labels: labels('Mediation'),
    })
    .returning();
  const [other] = await db
    .insert(schema.taxonomyTerm)
    .values({ code: 'food', name: 'Food aid', description: 'd', taxonomyId, labels: labels('Food aid') })
    .returning();
  parentTerm = parent!.id;
  childTerm = child!.id;
  otherTerm = other!.id;
  const orgs = await db
    .insert(schema.organization)
    .values([0, 1, 2].map((i) => ({ name: `Org ${i}`, description: `Organisation number ${i}` })))
    .returning();
  const languages = ['hu', 'cs', 'tr', 'uk', 'rom'];
  for (let i = 0; i < 36; i++) {
    const org = orgs[i % 3]!;
    const point: [number, number] = [15.5 + (i % 6) * 0.05, 49.3 + Math.floor(i / 6) * 0.05];
    const [svc] = await db
      .insert(schema.service)
      .values({
        organizationId: org.id,
        // Several services share a name, so paging must order by id as well.
        name: `Service ${String(i % 12).padStart(2, '0')}${i % 4 === 0 ? ' poradna' : ''}`,
        description: i % 5 === 0 ? 'Rodinná poradna pro rodiče' : 'Help',
        minimumAge: i % 3 === 0 ? null : i % 18,
        maximumAge: i % 4 === 0 ? null : (i % 18) + 2 + (i % 9),
      })
      .returning();
    const [loc] = await db
      .insert(schema.location)
      .values({ organizationId: org.id, latitude: point[1], longitude: point[0] })
      .returning();
    await db.insert(schema.serviceAtLocation).values({ serviceId: svc!.id, locationId: loc!.id });
    const langs = [languages[i % 5]!, ...(i % 2 ? ['en'] : [])];
    await db.insert(schema.language).values(langs.map((code) => ({ serviceId: svc!.id, code })));
    const free = i % 3 === 1;
    await db
      .insert(schema.costOption)
      .values({ serviceId: svc!.id, option: 'Visit', free, amount: free ? 0 : 500 });
    const terms = i % 4 === 1 ? [childTerm] : i % 4 === 2 ? [parentTerm] : i % 4 === 3 ? [otherTerm] : [];
    if (terms.length) {
      await db
        .insert(schema.attribute)
        .values(terms.map((tt) => ({ linkId: svc!.id, linkEntity: 'service', taxonomyTermId: tt })));
    }
    const attending = (['in_person', 'online', 'phone', null] as const)[i % 4]!;
    if (attending)
      await db.insert(schema.schedule).values({ serviceId: svc!.id, attendingType: attending, byday: 'MO' });
    made.push({
      id: svc!.id,
      organizationId: org.id,
      name: svc!.name,
      minimumAge: svc!.minimumAge,
      maximumAge: svc!.maximumAge,
      languages: langs,
      free,
      terms,
      point,
      attending,
    });
  }
  const logger = memoryLogger().logger;
  server = await serveOnFreePort(createApp({ database: t.current, logger, trustProxy: 1 }));
  limited = await serveOnFreePort(
    createApp({ database: t.current, logger, trustProxy: 1, hsdsLimits: { points: 3, windowSeconds: 30 } }),
  );
}, 120_000);
afterAll(async () => {
  await server?.close();
  await limited?.close();
});

const get = (path: string, init?: RequestInit, base = server) => fetch(`${base.url}/api/hsds${path}`, init);
type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  invalid_params?: Array<{ name: string; reason: string }>;
};

async function problem(path: string, status: number) {
  const res = await get(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = (await res.json()) as Problem;
  expect(body.status).toBe(status);
  return body;
}

/** All service ids a query returns, over every page. */
async function serviceIds(query: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const res = await get(`/services?${query}&per_page=7&page=${page}`);
    expect(res.status, query).toBe(200);
    const body = (await res.json()) as { contents: Array<{ id: string }>; last_page: boolean };
    ids.push(...body.contents.map((s) => s.id));
    if (body.last_page) return ids;
  }
}
const sorted = (ids: string[]) => [...ids].sort();
const ours = (ids: string[]) => ids.filter((id) => made.some((m) => m.id === id));

describe('bad requests', () => {
  it.each([
    ['/services?page=0', 'page'],
    ['/services?per_page=5000', 'per_page'],
    ['/services?per_page=ten', 'per_page'],
    ['/services?format=xml', 'format'],
    ['/services?modified_after=yesterday', 'modified_after'],
    ['/services?modified_after=2026-05-04T08:00:00', 'modified_after'],
    ['/services?taxonomy_term_id=family', 'taxonomy_term_id'],
    ['/services?organization_id=123', 'organization_id'],
    ['/services?lat=91&lng=15', 'lat'],
    ['/services?lat=49.3', 'lng'],
    ['/services?proximity=500', 'proximity'],
    ['/services?age=-1', 'age'],
    ['/services?language=hungarian', 'language'],
    ['/services?free=maybe', 'free'],
    ['/services?attending_type=car', 'attending_type'],
    ['/services?open_at=tomorrow', 'open_at'],
    ['/services?minimal=true&full=true', 'full'],
    ['/service_at_locations?proximity=1000', 'proximity'],
    ['/organizations?full=yes', 'full'],
    ['/taxonomy_terms?parent_id=x', 'parent_id'],
    ['/taxonomy_terms?top_only=1x', 'top_only'],
  ])('%s -> 400 naming %s', async (path, name) => {
    const body = await problem(path, 400);
    expect(body.invalid_params?.map((p) => p.name)).toContain(name);
    expect(body.detail).toContain(name);
  });

  it('unknown or malformed ids, and paths HSDS 3.0 does not have, are problem 404s', async () => {
    for (const path of [
      '/services/00000000-0000-4000-8000-000000000000',
      '/services/not-an-id',
      "/services/1'%20or%201=1",
      '/organizations/00000000-0000-4000-8000-000000000000',
      '/service_at_locations/123',
      '/taxonomies/00000000-0000-4000-8000-000000000000',
      '/taxonomy_terms/x',
      '/locations',
    ]) {
      const body = await problem(path, 404);
      expect(body.title).toBe('Not Found');
    }
  });
});

describe('caching', () => {
  it('answers If-None-Match with 304, and a change gives a new ETag and Last-Modified', async () => {
    const path = `/services/${fixture.serviceId}`;
    const first = await get(path);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    const lastModified = first.headers.get('last-modified')!;
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    const again = await get(path, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect((await get(path, { headers: { 'if-none-match': `W/${etag}, "other"` } })).status).toBe(304);
    expect((await get(path, { headers: { 'if-none-match': '"stale"' } })).status).toBe(200);
    expect((await get(path, { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    const earlier = new Date(new Date(lastModified).getTime() - 1000).toUTCString();
    expect((await get(path, { headers: { 'if-modified-since': earlier } })).status).toBe(200);
    // If-None-Match decides when both are sent.
    expect(
      (await get(path, { headers: { 'if-none-match': '"stale"', 'if-modified-since': lastModified } }))
        .status,
    ).toBe(200);

    await new Promise((r) => setTimeout(r, 1100)); // Last-Modified has one-second resolution
    await t.current.db
      .update(schema.service)
      .set({ alert: 'Closed on Friday' })
      .where(eq(schema.service.id, fixture.serviceId));
    expect((await get(path, { headers: { 'if-modified-since': lastModified } })).status).toBe(200);
    const changed = await get(path, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(new Date(changed.headers.get('last-modified')!).getTime()).toBeGreaterThan(
      new Date(lastModified).getTime(),
    );
    expect(((await changed.json()) as { alert: string }).alert).toBe('Closed on Friday');
  });

  it('gives list pages an ETag too, and HEAD the same headers without a body', async () => {
    const list = await get('/services?per_page=5');
    const etag = list.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await get('/services?per_page=5', { headers: { 'if-none-match': etag } })).status).toBe(304);
    const head = await get('/services?per_page=5', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(etag);
    expect(await head.text()).toBe('');
  });
});

describe('headers', () => {
  it('is CORS-open for GET without credentials, on answers and errors alike, with a preflight', async () => {
    for (const path of ['/', '/services', '/services/nope', '/services?page=0']) {
      const res = await get(path, { headers: { origin: 'https://other.example' } });
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
    }
    const preflight = await get('/services', {
      method: 'OPTIONS',
      headers: { origin: 'https://other.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('keeps the security headers on JSON, which still parses', async () => {
    const res = await get('/services?per_page=2');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(((await res.json()) as { contents: unknown[] }).contents).toHaveLength(2);
  });

  it('answers 429 with Retry-After after the configured number of requests, per client address', async () => {
    const as = (address: string) => ({ headers: { 'x-forwarded-for': address } });
    for (let i = 0; i < 3; i++) expect((await get('/', as('203.0.113.7'), limited)).status).toBe(200);
    const refused = await get('/services', as('203.0.113.7'), limited);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    const retry = Number(refused.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(30);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    expect(((await refused.json()) as Problem).status).toBe(429);
    expect((await get('/', as('198.51.100.9'), limited)).status).toBe(200);
  });
});

describe('filters agree with a brute-force check', () => {
  it('pages: every service once, in a stable order, the same as one big page', async () => {
    const paged = await serviceIds('search=');
    const res = await get('/services?per_page=1000');
    const all = ((await res.json()) as { contents: Array<{ id: string }>; total_items: number }).contents.map(
      (s) => s.id,
    );
    expect(paged).toEqual(all);
    expect(new Set(paged).size).toBe(made.length + 1);
    // Equal names are ordered by id.
    const names = new Map(made.map((m) => [m.id, m.name]));
    const mine = ours(paged);
    for (let i = 1; i < mine.length; i++) {
      if (names.get(mine[i - 1]!) === names.get(mine[i]!)) expect(mine[i - 1]! < mine[i]!).toBe(true);
    }
  });

  it('organization_id, taxonomy_term_id (with descendants), taxonomy_id', async () => {
    const org = made[4]!.organizationId;
    expect(sorted(await serviceIds(`organization_id=${org}`))).toEqual(
      sorted(made.filter((m) => m.organizationId === org).map((m) => m.id)),
    );
    expect(sorted(await serviceIds(`taxonomy_term_id=${parentTerm}`))).toEqual(
      sorted(
        made.filter((m) => m.terms.includes(parentTerm) || m.terms.includes(childTerm)).map((m) => m.id),
      ),
    );
    expect(sorted(await serviceIds(`taxonomy_term_id=${childTerm}`))).toEqual(
      sorted(made.filter((m) => m.terms.includes(childTerm)).map((m) => m.id)),
    );
    expect(sorted(await serviceIds(`taxonomy_id=${taxonomyId}`))).toEqual(
      sorted(made.filter((m) => m.terms.length > 0).map((m) => m.id)),
    );
    expect(await serviceIds(`taxonomy_id=${fixture.taxonomyId}`)).toEqual([fixture.serviceId]);
  });

  it('search, modified_after, age, language, free, attending_type, lat/lng/proximity, combined with AND', async () => {
    expect(sorted(ours(await serviceIds('search=PORADNA')))).toEqual(
      sorted(
        made
          .filter((m) => m.name.includes('poradna'))
          .map((m) => m.id)
          .concat(made.filter((m, i) => i % 5 === 0 && !m.name.includes('poradna')).map((m) => m.id)),
      ),
    );
    expect(await serviceIds('search=Shelter')).toEqual([fixture.serviceId]);
    // A hidden location's street is not searchable.
    expect(await serviceIds(`search=${encodeURIComponent(HIDDEN_FIXTURE.street)}`)).toEqual([]);

    const [clock] = await selectRows<{ now: string | Date }>(t.current.db, sql`select now() as now`);
    const now = clock!.now;
    const cut = new Date(new Date(now).getTime() + 1).toISOString();
    expect(await serviceIds(`modified_after=${encodeURIComponent(cut)}`)).toEqual([]);
    await new Promise((r) => setTimeout(r, 20));
    await t.current.db
      .update(schema.service)
      .set({ alert: 'Moved' })
      .where(eq(schema.service.id, made[7]!.id));
    expect(await serviceIds(`modified_after=${encodeURIComponent(cut)}`)).toEqual([made[7]!.id]);

    const byAge = (age: number) =>
      made.filter((m) => (m.minimumAge ?? 0) <= age && (m.maximumAge ?? 1000) >= age).map((m) => m.id);
    for (const age of [0, 5, 12, 17, 30])
      expect(sorted(ours(await serviceIds(`age=${age}`))), `age ${age}`).toEqual(sorted(byAge(age)));

    for (const code of ['rom', 'uk', 'en']) {
      expect(sorted(ours(await serviceIds(`language=${code}`))), code).toEqual(
        sorted(made.filter((m) => m.languages.includes(code)).map((m) => m.id)),
      );
    }
    expect(sorted(ours(await serviceIds('free=true')))).toEqual(
      sorted(made.filter((m) => m.free).map((m) => m.id)),
    );
    expect(sorted(ours(await serviceIds('attending_type=online')))).toEqual(
      sorted(made.filter((m) => m.attending === 'online').map((m) => m.id)),
    );

    const metres = (a: [number, number], b: [number, number]) => {
      const rad = Math.PI / 180;
      const h =
        Math.sin(((b[1] - a[1]) * rad) / 2) ** 2 +
        Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(((b[0] - a[0]) * rad) / 2) ** 2;
      return 2 * 6_371_008 * Math.asin(Math.sqrt(h));
    };
    const centre: [number, number] = [15.6, 49.4];
    for (const radius of [3000, 8000, 15000]) {
      expect(
        sorted(await serviceIds(`lat=${centre[1]}&lng=${centre[0]}&proximity=${radius}`)),
        `${radius} m`,
      ).toEqual(sorted(made.filter((m) => metres(m.point, centre) <= radius).map((m) => m.id)));
    }
    const combined = made.filter(
      (m) => m.free && m.languages.includes('en') && metres(m.point, centre) <= 15000,
    );
    expect(sorted(await serviceIds(`free=true&language=en&lat=49.4&lng=15.6&proximity=15000`))).toEqual(
      sorted(combined.map((m) => m.id)),
    );
  });

  it('postcode (and proximity) on service_at_locations never matches a hidden address', async () => {
    const ids = async (query: string) => {
      const res = await get(`/service_at_locations?${query}&per_page=1000`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { contents: Array<{ id: string; location_id: string }> }).contents;
    };
    const visible = await ids('postcode=1051');
    expect(visible.map((s) => s.location_id)).toEqual([fixture.visibleLocationId]);
    expect(await ids(`postcode=${HIDDEN_FIXTURE.postcode}`)).toEqual([]);
    expect(await ids(`postcode=${HIDDEN_FIXTURE.postcode}&proximity=50000`)).toEqual([]);
    expect((await ids('postcode=1051&proximity=1000')).map((s) => s.location_id)).toEqual([
      fixture.visibleLocationId,
    ]);
  });
});
