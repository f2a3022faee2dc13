// The coverage CSV download over real HTTP: the same analysis as the coverage.gaps procedure, a
// header row in the asked language, refusals as problems (signed out, not your territory, bad query).
import { hashPassword, schema, selectRows } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, serveOnFreePort, signInOverHttp } from '../test/http';
import { createApp } from './app';

const t = useTestDatabase();
const PASSWORD = 'download-test-password';
let server: Awaited<ReturnType<typeof serveOnFreePort>>;
const ids = { territory: '', term: '' };
let inside: Array<{ name: string; population: number }> = [];

// A square around Jihlava; one crisis service in the town itself.
const square = (lng: number, lat: number, d: number) => ({
  type: 'MultiPolygon' as const,
  coordinates: [
    [
      [
        [lng - d, lat - d],
        [lng + d, lat - d],
        [lng + d, lat + d],
        [lng - d, lat + d],
        [lng - d, lat - d],
      ],
    ],
  ],
});

beforeAll(async () => {
  const db = t.current.db;
  const passwordHash = await hashPassword(PASSWORD);
  const [territory] = await db
    .insert(schema.territory)
    .values({ name: 'Jihlava square', kind: 'custom', country: 'CZ', geom: square(15.59, 49.4, 0.25) })
    .returning();
  const [agency] = await db
    .insert(schema.agency)
    .values({ name: 'Centre', kind: 'child_welfare_centre', country: 'CZ' })
    .returning();
  for (const role of ['networker', 'coordinator'] as const) {
    const [u] = await db
      .insert(schema.appUser)
      .values({ email: `${role}@download.caremap.eu`, displayName: `Download ${role}`, passwordHash })
      .returning();
    await db.insert(schema.membership).values({ userId: u!.id, agencyId: agency!.id, role });
    if (role === 'networker')
      await db.insert(schema.territoryAssignment).values({ userId: u!.id, territoryId: territory!.id });
  }
  const [tax] = await db.insert(schema.taxonomy).values({ name: 'Types', description: 'd' }).returning();
  const [term] = await db
    .insert(schema.taxonomyTerm)
    .values({
      code: 'crisis_service',
      name: 'Crisis',
      description: 'd',
      taxonomyId: tax!.id,
      labels: { hu: 'Krízis', cs: 'Krizová pomoc', tr: 'Kriz', en: 'Crisis service' },
    })
    .returning();
  const [o] = await db
    .insert(schema.organization)
    .values({ name: 'Krizové centrum', description: 'd' })
    .returning();
  const [s] = await db
    .insert(schema.service)
    .values({ organizationId: o!.id, name: 'Krizová pomoc' })
    .returning();
  const [l] = await db
    .insert(schema.location)
    .values({ organizationId: o!.id, latitude: 49.396, longitude: 15.591 })
    .returning();
  await db.insert(schema.serviceAtLocation).values({ serviceId: s!.id, locationId: l!.id });
  await db
    .insert(schema.attribute)
    .values({ linkId: s!.id, linkEntity: 'service', taxonomyTermId: term!.id });
  Object.assign(ids, { territory: territory!.id, term: term!.id });
  inside = await selectRows(
    db,
    sql`select s.name, s.population from settlement s, territory t
        where t.id = ${territory!.id}::uuid and ST_Intersects(t.geom, s.geom)`,
  );
  server = await serveOnFreePort(createApp({ database: t.current, logger: memoryLogger().logger }));
});
afterAll(() => server?.close());

const csvUrl = (query: Record<string, string>) =>
  `${server.url}/api/network/coverage.csv?${new URLSearchParams(query)}`;

describe('GET /api/network/coverage.csv', () => {
  it('gives the networker every settlement of their territory, header in Czech, diacritics intact', async () => {
    expect(inside.length).toBeGreaterThan(3);
    const who = await signInOverHttp(server.url, 'networker@download.caremap.eu', PASSWORD);
    const res = await fetch(
      csvUrl({ territoryId: ids.territory, termIds: ids.term, distanceMeters: '8000', lang: 'cs' }),
      { headers: { cookie: who.cookie } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="coverage-.+\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // A byte-order mark first, so spreadsheets read the diacritics as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'GeoNames ID,Obec,Počet obyvatel,Pokryto (1 = ano),Nejbližší služba (m),ORP / okres',
    );
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.map((r) => r[1]).sort()).toEqual(inside.map((s) => s.name).sort());
    // Jihlava itself has the service; a settlement 8 km or more away is uncovered.
    const jihlava = rows.find((r) => r[1] === 'Jihlava')!;
    expect(jihlava[3]).toBe('1');
    expect(Number(jihlava[4])).toBeLessThan(1000);
    expect(rows.some((r) => r[3] === '0')).toBe(true);
    for (const r of rows) expect(r[3] === '1').toBe(r[4] !== '' && Number(r[4]) <= 8000);
  });

  it('refuses a visitor, a coordinator the territory is not assigned to, and a bad query by name', async () => {
    const query = { territoryId: ids.territory, termIds: ids.term };
    const anonymous = await fetch(csvUrl(query));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json');
    const coordinator = await signInOverHttp(server.url, 'coordinator@download.caremap.eu', PASSWORD);
    const refused = await fetch(csvUrl(query), { headers: { cookie: coordinator.cookie } });
    expect(refused.status).toBe(403);
    const networker = await signInOverHttp(server.url, 'networker@download.caremap.eu', PASSWORD);
    const bad = await fetch(csvUrl({ ...query, distanceMeters: '10', termIds: 'x' }), {
      headers: { cookie: networker.cookie },
    });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { invalid_params: Array<{ name: string; reason: string }> };
    expect(problem.invalid_params.map((p) => p.name).sort()).toEqual(['distanceMeters', 'termIds']);
  });
});
