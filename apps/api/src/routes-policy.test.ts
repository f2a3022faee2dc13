// Every route and middleware the server registers must be named in the REST policy table
// (routePolicies in packages/api/src/policy.ts), and every public one must answer an anonymous
// visitor without 401/403. A new route fails here until it has an entry and a sample URL.
import { createHash } from 'node:crypto';
import { type RoutePolicy, routePolicies, routePolicy } from '@caremap/api';
import { schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, serveOnFreePort } from '../test/http';
import { createApp } from './app';
import { repoRoot } from './env';
import { loadFrontend } from './frontend';

const t = useTestDatabase();
let app: ReturnType<typeof createApp>;
let server: Awaited<ReturnType<typeof serveOnFreePort>>;
const ids: Record<string, string> = {};
const FEED_TOKEN = 'F'.repeat(43);
beforeAll(async () => {
  const db = t.current.db;
  const [o] = await db.insert(schema.organization).values({ name: 'Org', description: 'd' }).returning();
  const [s] = await db.insert(schema.service).values({ organizationId: o!.id, name: 'Service' }).returning();
  const [l] = await db
    .insert(schema.location)
    .values({ organizationId: o!.id, latitude: 49.4, longitude: 15.6 })
    .returning();
  const [sal] = await db
    .insert(schema.serviceAtLocation)
    .values({ serviceId: s!.id, locationId: l!.id })
    .returning();
  const [tax] = await db.insert(schema.taxonomy).values({ name: 'Tax', description: 'd' }).returning();
  const [term] = await db
    .insert(schema.taxonomyTerm)
    .values({
      code: 'c',
      name: 'Term',
      description: 'd',
      taxonomyId: tax!.id,
      labels: { hu: 'a', cs: 'b', tr: 'c', en: 'Term' },
    })
    .returning();
  // A personal calendar feed, so its public route has a URL that answers.
  const [u] = await db
    .insert(schema.appUser)
    .values({ email: 'feed@test.caremap.eu', displayName: 'Feed', passwordHash: 'x' })
    .returning();
  await db
    .insert(schema.calendarFeed)
    .values({ userId: u!.id, tokenHash: createHash('sha256').update(FEED_TOKEN).digest('base64url') });
  Object.assign(ids, {
    service: s!.id,
    service_at_location: sal!.id,
    organization: o!.id,
    taxonomy: tax!.id,
    taxonomy_term: term!.id,
  });
  // With the frontend, so the static and shell routes are registered too (turbo builds it first).
  app = createApp({ database: t.current, logger: memoryLogger().logger, frontend: loadFrontend(repoRoot) });
  server = await serveOnFreePort(app);
});
afterAll(() => server?.close());

/** A concrete URL per route, called anonymously with GET. A route missing here fails the test. */
const sampleUrls: Record<string, string> = {
  'ALL /*': '/healthz',
  'GET /healthz': '/healthz',
  'GET /readyz': '/readyz',
  'ALL /trpc/*': '/trpc/auth.me',
  'ALL /api/hsds/*': '/api/hsds/',
  'GET /api/hsds': '/api/hsds',
  'GET /api/hsds/openapi.json': '/api/hsds/openapi.json',
  'GET /api/hsds/services': '/api/hsds/services',
  // An empty database: a well-formed id of nothing is a 404, so the sample ids are ones the test inserts.
  'GET /api/hsds/services/:id': '/api/hsds/services/{service}',
  'GET /api/hsds/service_at_locations': '/api/hsds/service_at_locations',
  'GET /api/hsds/service_at_locations/:id': '/api/hsds/service_at_locations/{service_at_location}',
  'GET /api/hsds/organizations': '/api/hsds/organizations',
  'GET /api/hsds/organizations/:id': '/api/hsds/organizations/{organization}',
  'GET /api/hsds/taxonomies': '/api/hsds/taxonomies',
  'GET /api/hsds/taxonomies/:id': '/api/hsds/taxonomies/{taxonomy}',
  'GET /api/hsds/taxonomy_terms': '/api/hsds/taxonomy_terms',
  'GET /api/hsds/taxonomy_terms/:id': '/api/hsds/taxonomy_terms/{taxonomy_term}',
  'GET /calendar/:file': `/calendar/${FEED_TOKEN}.ics`,
  'ALL /tiles/*': '/tiles/services/8/140/88.mvt',
  'GET /tiles/services/:z/:x/:file': '/tiles/services/8/140/88.mvt',
  'GET /importmap.json': '/importmap.json',
  'ALL /mfe/shell/*': '/mfe/shell/mfe.json',
  'GET /mfe/shell/*': '/mfe/shell/mfe.json',
  'ALL /mfe/directory/*': '/mfe/directory/mfe.json',
  'GET /mfe/directory/*': '/mfe/directory/mfe.json',
  'ALL /mfe/network/*': '/mfe/network/mfe.json',
  'GET /mfe/network/*': '/mfe/network/mfe.json',
  'ALL /mfe/conferences/*': '/mfe/conferences/mfe.json',
  'GET /mfe/conferences/*': '/mfe/conferences/mfe.json',
  'ALL /shared/*': '/shared/manifest.json',
  'GET /shared/*': '/shared/manifest.json',
  'ALL /basemap/*': '/basemap/land.json',
  'GET /basemap/*': '/basemap/land.json',
  'GET /*': '/find',
};

const registered = () => [...new Set(app.routes.map((r) => `${r.method} ${r.path}`))].sort();
/** Routes an anonymous visitor may call: public ones, and the tRPC endpoint (to a public procedure). */
const isOpen = (policy: RoutePolicy) => 'access' in policy;

describe('REST route policies', () => {
  it('has an entry for every registered route and middleware, and none for a route that does not exist', () => {
    const routes = registered();
    expect(routes.length).toBeGreaterThan(0);
    const missing = routes.filter((key) => {
      const [method, path] = key.split(' ') as [string, string];
      return !routePolicy(method, path);
    });
    const stale = Object.keys(routePolicies).filter((key) => !routes.includes(key));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('answers every public route for an anonymous visitor without 401 or 403', async () => {
    const routes = registered();
    const open = routes.filter((key) => {
      const [method, path] = key.split(' ') as [string, string];
      const policy = routePolicy(method, path);
      return policy && isOpen(policy);
    });
    expect(open.filter((key) => !Object.hasOwn(sampleUrls, key))).toEqual([]);
    const answers: Record<string, string> = {};
    for (const key of open) {
      const url = sampleUrls[key]!.replace(/\{(\w+)\}/, (_, name: string) => ids[name]!);
      const res = await fetch(`${server.url}${url}`, { headers: { accept: 'text/html,application/json' } });
      await res.arrayBuffer();
      answers[key] = `${url} ${res.status}`;
      expect(res.status, `${key} (${url})`).not.toBe(401);
      expect(res.status, `${key} (${url})`).not.toBe(403);
      expect(res.status, `${key} (${url})`).toBeLessThan(400);
    }
    console.log(
      `REST route policies: ${app.routes.length} registrations, ${routes.length} distinct routes/middleware; ${open.length} public ones called anonymously:`,
      answers,
    );
    expect(open.length).toBeGreaterThan(0);
  });
});
