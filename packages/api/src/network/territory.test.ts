// Territories end to end through the tRPC caller: the tree, creating from units, a drawing and
// files, every bad file with its own problem code and nothing stored, confirmed repairs, the
// GeoJSON export, and who may assign networkers. One small world per file (PGlite or PostgreSQL).
import { type Database, schema, selectRows } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { TRPCError } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, makeWorld, PASSWORD } from '../../test/fixtures';
import type { SessionUser } from '../context';
import { AppCodeError } from '../errors';
import { territoryFeature } from './territory-create';
import { MAX_TERRITORY_VERTICES } from './territory-geometry';

const t = useTestDatabase();
let db: Database;
let world: Awaited<ReturnType<typeof makeWorld>>;
let orpId: string;
let regionId: string;
let otherRegionId: string;

const square = (x: number, y: number, d = 0.1) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const polygonFile = (ring: number[][], extra: Record<string, unknown> = {}) => ({
  format: 'geojson' as const,
  content: JSON.stringify({
    type: 'FeatureCollection',
    ...extra,
    features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }],
  }),
});
const bowtie = [
  [15.2, 49.2],
  [15.4, 49.4],
  [15.4, 49.2],
  [15.2, 49.4],
  [15.2, 49.2],
];

async function as(role: 'networker' | 'coordinator' | 'admin' | 'organiser' | 'partner') {
  const session = callerFor(db, `10.88.0.${Math.floor(Math.random() * 250) + 1}`);
  await (await session.caller()).auth.login({ email: `${role}@test.caremap.eu`, password: PASSWORD });
  return session.caller();
}

const territoryCount = async () =>
  Number((await selectRows<{ n: number }>(db, sql`select count(*)::int as n from territory`))[0]!.n);

/** The problem details of a refused geometry, or a failure naming what happened instead. */
async function problemOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (
      error instanceof TRPCError &&
      error.cause instanceof AppCodeError &&
      error.cause.appCode === 'invalid_geometry'
    )
      return error.cause.details as {
        problem: string;
        accept?: string;
        preview?: { type: string };
        found?: string;
      };
    throw error;
  }
  throw new Error('expected the geometry to be refused');
}

beforeAll(async () => {
  db = t.current.db;
  world = await makeWorld(db);
  const [orp] = await selectRows<{ id: string }>(db, sql`select id from territory where name = 'ORP Test'`);
  orpId = orp!.id;
  const mp = (ring: number[][]) => ({ type: 'MultiPolygon' as const, coordinates: [[ring]] });
  const [region, other] = await db
    .insert(schema.territory)
    .values([
      { name: 'Region Test', kind: 'region', country: 'CZ', geom: mp(square(14.5, 48.5, 2)) },
      { name: 'Other Region', kind: 'region', country: 'CZ', geom: mp(square(17, 49, 1)) },
    ])
    .returning();
  regionId = region!.id;
  otherRegionId = other!.id;
  await db.update(schema.territory).set({ parentId: regionId }).where(eq(schema.territory.id, orpId));
  await db
    .insert(schema.territoryAssignment)
    .values({ userId: world.users.coordinator, territoryId: regionId });
});

describe('territory tree and page', () => {
  it('shows a networker their ORP with its region as context, and an organiser nothing', async () => {
    const tree = await (await as('networker')).territory.tree();
    const byName = new Map(tree.items.map((i) => [i.name, i]));
    expect(byName.get('ORP Test')).toMatchObject({ assigned: true, inScope: true, parentId: regionId });
    expect(byName.get('Region Test')).toMatchObject({ assigned: false, inScope: false });
    expect(byName.has('Other Region')).toBe(false);
    expect((await (await as('organiser')).territory.tree()).items).toEqual([]);
    const page = await (await as('networker')).territory.get({ territoryId: orpId });
    expect(page).toMatchObject({
      name: 'ORP Test',
      ancestors: [{ name: 'Region Test' }],
      may: { assign: false },
    });
    await expect((await as('networker')).territory.get({ territoryId: otherRegionId })).rejects.toThrow(
      /not one of yours/,
    );
  });
});

describe('creating territories', () => {
  it('imports a GeoJSON polygon, assigns its creator, and exports it as GeoJSON', async () => {
    const networker = await as('networker');
    const checked = await networker.territory.check({ type: 'file', file: polygonFile(square(15.2, 49.2)) });
    expect(checked.vertices).toBe(5);
    expect(checked.areaKm2).toBeGreaterThan(70);
    const created = await networker.territory.create({
      name: 'Imported area',
      parentId: orpId,
      source: { type: 'file', file: polygonFile(square(15.2, 49.2)) },
    });
    const tree = await (await as('networker')).territory.tree();
    expect(tree.items.find((i) => i.id === created.id)).toMatchObject({
      kind: 'custom',
      assigned: true,
      parentId: orpId,
    });
    const actor = (territoryIds: string[]) =>
      ({
        userId: world.users.networker,
        roles: [{ role: 'networker', agencyId: world.agencies.welfare.id, agencyName: '' }],
        territoryIds,
      }) as unknown as SessionUser;
    const exported = await territoryFeature({ db, user: actor([orpId]) }, created.id);
    expect(exported).toMatchObject({
      status: 'ok',
      feature: {
        type: 'Feature',
        properties: { name: 'Imported area', kind: 'custom' },
        geometry: { type: 'MultiPolygon' },
      },
    });
    expect((await territoryFeature({ db, user: actor([]) }, created.id)).status).toBe('forbidden');
    expect((await territoryFeature({ db, user: null }, created.id)).status).toBe('forbidden');
  });

  it('creates from a drawn polygon and from a KML file, and from administrative units', async () => {
    const networker = await as('networker');
    const drawn = await networker.territory.create({
      name: 'Drawn area',
      parentId: orpId,
      source: { type: 'drawn', geometry: { type: 'Polygon', coordinates: [square(15.5, 49.5)] } },
    });
    const kml = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>A</name><Polygon><outerBoundaryIs><LinearRing><coordinates>15.6,49.6 15.7,49.6 15.7,49.7 15.6,49.7 15.6,49.6</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>`;
    const fromKml = await networker.territory.create({
      name: 'KML area',
      parentId: orpId,
      source: { type: 'file', file: { format: 'kml', content: kml } },
    });
    const units = await (await as('coordinator')).territory.create({
      name: 'Union',
      kind: 'district',
      parentId: regionId,
      source: { type: 'units', territoryIds: [orpId] },
    });
    const rows = await selectRows<{ id: string; area: number; valid: boolean }>(
      db,
      sql`select id, (ST_Area(geom::geography) / 1e6)::float8 as area, ST_IsValid(geom) as valid from territory
          where id in (${drawn.id}::uuid, ${fromKml.id}::uuid, ${units.id}::uuid)`,
    );
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.valid)).toBe(true);
    expect(Math.round(rows.find((r) => r.id === units.id)!.area / 1000)).toBe(8); // 1 x 1 degree at 49 N ~ 8,000 km2
  });

  it('refuses each bad file with its own problem and stores nothing', async () => {
    const networker = await as('networker');
    const open = square(15.2, 49.2).slice(0, 4);
    const cases: Array<[string, { format: 'geojson' | 'kml'; content: string }, string]> = [
      ['broken JSON', { format: 'geojson', content: '{"type": "Feature", ' }, 'broken_json'],
      ['broken KML', { format: 'kml', content: '<kml><Placemark>' }, 'broken_kml'],
      [
        'a Point',
        { format: 'geojson', content: JSON.stringify({ type: 'Point', coordinates: [15.5, 49.5] }) },
        'not_polygon',
      ],
      ['an open ring', polygonFile(open), 'open_ring'],
      [
        'swapped latitude and longitude',
        polygonFile(square(15.2, 49.2).map(([x, y]) => [y!, x!])),
        'swapped_coordinates',
      ],
      ['projected metres (S-JTSK)', polygonFile(square(-700000, -1100000, 1000)), 'projected_crs'],
      [
        'a crs member other than WGS 84',
        polygonFile(square(15.2, 49.2), {
          crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::5514' } },
        }),
        'projected_crs',
      ],
      ['a self-intersecting bowtie', polygonFile(bowtie), 'self_intersection'],
      [
        'an empty collection',
        { format: 'geojson', content: '{"type":"FeatureCollection","features":[]}' },
        'no_geometry',
      ],
    ];
    const before = await territoryCount();
    for (const [what, file, problem] of cases) {
      const checked = await problemOf(networker.territory.check({ type: 'file', file }));
      expect({ what, problem: checked.problem }).toEqual({ what, problem });
      const created = await problemOf(
        networker.territory.create({ name: `Bad ${what}`, parentId: orpId, source: { type: 'file', file } }),
      );
      expect({ what, problem: created.problem }).toEqual({ what, problem });
    }
    expect(await territoryCount()).toBe(before);
  });

  it('offers a repaired bowtie and a simplified 2 MB polygon, stored only once confirmed', async () => {
    const networker = await as('networker');
    const repaired = await problemOf(networker.territory.check({ type: 'file', file: polygonFile(bowtie) }));
    expect(repaired).toMatchObject({
      problem: 'self_intersection',
      accept: 'repaired',
      preview: { type: 'MultiPolygon' },
    });
    const fixed = await networker.territory.create({
      name: 'Repaired bowtie',
      parentId: orpId,
      source: { type: 'file', file: polygonFile(bowtie), accept: 'repaired' },
    });
    const [row] = await selectRows<{ valid: boolean; parts: number }>(
      db,
      sql`select ST_IsValid(geom) as valid, ST_NumGeometries(geom)::int as parts from territory where id = ${fixed.id}::uuid`,
    );
    expect(row).toEqual({ valid: true, parts: 2 });

    const n = 95_000;
    const ring = Array.from({ length: n }, (_, i) => {
      const a = (2 * Math.PI * i) / n;
      return [Number((15.5 + 0.2 * Math.cos(a)).toFixed(6)), Number((49.5 + 0.13 * Math.sin(a)).toFixed(6))];
    });
    ring.push(ring[0]!);
    const big = polygonFile(ring);
    expect(big.content.length).toBeGreaterThan(2_000_000);
    const before = await territoryCount();
    const refused = await problemOf(
      networker.territory.create({ name: 'Big', parentId: orpId, source: { type: 'file', file: big } }),
    );
    expect(refused).toMatchObject({ problem: 'too_many_vertices', accept: 'simplified', vertices: n + 1 });
    expect(await territoryCount()).toBe(before);
    const simplified = await networker.territory.create({
      name: 'Big',
      parentId: orpId,
      source: { type: 'file', file: big, accept: 'simplified' },
    });
    // As much detail as the limit allows, not a coarse sketch.
    expect(simplified.vertices).toBeLessThanOrEqual(MAX_TERRITORY_VERTICES);
    expect(simplified.vertices).toBeGreaterThan(1_000);
    expect(simplified.areaKm2).toBeGreaterThan(550);
  }, 300_000);

  it('refuses a territory outside the parent, and inside someone else’s', async () => {
    const networker = await as('networker');
    const outside = await problemOf(
      networker.territory.create({
        name: 'Far away',
        parentId: orpId,
        source: { type: 'drawn', geometry: { type: 'Polygon', coordinates: [square(18, 47.5)] } },
      }),
    );
    expect(outside.problem).toBe('outside_parent');
    await expect(
      networker.territory.create({
        name: 'Not mine',
        parentId: otherRegionId,
        source: { type: 'drawn', geometry: { type: 'Polygon', coordinates: [square(17.2, 49.2)] } },
      }),
    ).rejects.toThrow(/not one of yours/);
  });
});

describe('assigning networkers', () => {
  it('lets a coordinator assign inside their region and an admin anywhere; refuses the rest', async () => {
    const assigned = async (territoryId: string) =>
      (
        await selectRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from territory_assignment where user_id = ${world.users.networker}::uuid and territory_id = ${territoryId}::uuid`,
        )
      )[0]!.n;
    const coordinator = await as('coordinator');
    const candidates = await coordinator.territory.assignable({ territoryId: regionId });
    expect(candidates.items.map((c) => c.displayName)).toContain('Test networker');
    await coordinator.territory.assign({ territoryId: regionId, userId: world.users.networker });
    expect(await assigned(regionId)).toBe(1);
    await coordinator.territory.unassign({ territoryId: regionId, userId: world.users.networker });
    expect(await assigned(regionId)).toBe(0);
    await expect(
      coordinator.territory.assign({ territoryId: otherRegionId, userId: world.users.networker }),
    ).rejects.toThrow(/not one of yours/);
    await expect(
      (await as('networker')).territory.assign({ territoryId: orpId, userId: world.users.networker }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await (await as('admin')).territory.assign({ territoryId: otherRegionId, userId: world.users.networker });
    expect(await assigned(otherRegionId)).toBe(1);
    await expect(
      (await as('admin')).territory.assign({ territoryId: otherRegionId, userId: world.users.organiser }),
    ).rejects.toThrow(/No networker or coordinator/);
  });
});
