// The vector tiles against an independent brute force: the same rows read by the test oracle
// (test/directory-oracle.ts, filters decided in plain TypeScript), every public point projected to
// Web Mercator tile units here, clustered in the same grid here, then compared with the features
// decoded from the tile bytes by @mapbox/vector-tile (ST_AsMVT on PostgreSQL, vt-pbf on PGlite).
import type { Database } from '@caremap/db';
import { seed } from '@caremap/db/seed';
import { useTestDatabase } from '@caremap/db/testing';
import type { ServiceSearchInput } from '@caremap/validators';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import { DirectoryOracle, haversine, type OracleQuery } from '../../test/directory-oracle';
import { searchServices } from './search';
import { serviceTile, validTile } from './tiles';

const NOW = new Date('2026-12-02T09:00:00Z');
const EXTENT = 4096;
const t = useTestDatabase();
let db: Database;
let kind: 'pglite' | 'postgres';
let oracle: DirectoryOracle;

beforeAll(async () => {
  db = t.current.db;
  kind = t.current.kind;
  await seed(db, { demoPassword: 'tiles test password', now: NOW });
  oracle = await DirectoryOracle.load(db);
}, 600_000);

interface Feature {
  x: number;
  y: number;
  count: number;
  id?: string;
  location_id?: string;
}

async function decoded(z: number, x: number, y: number, input: ServiceSearchInput = {}): Promise<Feature[]> {
  const bytes = await serviceTile(db, kind, { z, x, y }, input, { now: NOW });
  const tile = new VectorTile(new PbfReader(bytes));
  const layer = tile.layers.services;
  if (!layer) return [];
  expect(layer.extent).toBe(EXTENT);
  const out: Feature[] = [];
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    expect(f.type).toBe(1);
    const [[p]] = f.loadGeometry() as unknown as [[{ x: number; y: number }]];
    const props = f.properties as Record<string, string | number>;
    out.push({
      x: p.x,
      y: p.y,
      count: Number(props.count),
      ...(props.id !== undefined ? { id: String(props.id) } : {}),
      ...(props.location_id !== undefined ? { location_id: String(props.location_id) } : {}),
    });
  }
  return out;
}

/** Web Mercator: a point's position in the tiles of zoom z, in tile units (y downwards). */
function project(p: { lat: number; lng: number }, z: number) {
  const scale = 2 ** z * EXTENT;
  const rad = (p.lat * Math.PI) / 180;
  return {
    wx: ((p.lng + 180) / 360) * scale,
    wy: ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * scale,
  };
}

interface Point {
  serviceId: string;
  locationId: string;
  lat: number;
  lng: number;
}

/** Every (service, public point) the brute force lets through. */
function brutePoints(q: OracleQuery): Point[] {
  const answer = oracle.answer(q);
  expect(answer.borderline.size, 'no service on the radius edge').toBe(0);
  const out: Point[] = [];
  for (const serviceId of answer.ids) {
    for (const locationId of oracle.locationIdsOf(serviceId)) {
      const p = oracle.publicPointOf(locationId);
      if (!p) continue;
      if (q.near) {
        const d = haversine(q.near, p);
        const r = q.radiusMeters ?? 25_000;
        if (d > r * 0.994 && d < r * 1.006)
          throw new Error('a location on the radius edge: pick another radius');
        if (d > r) continue;
      }
      out.push({ serviceId, locationId, ...p });
    }
  }
  return out;
}

/** What the tile z/x/y must hold for these points: clusters up to z12, points above. */
function expected(points: Point[], z: number, x: number, y: number): Feature[] {
  const inTile = points
    .map((p) => {
      const { wx, wy } = project(p, z);
      return { ...p, px: wx - x * EXTENT, py: wy - y * EXTENT };
    })
    .filter((p) => p.px >= 0 && p.px < EXTENT && p.py >= 0 && p.py < EXTENT);
  if (z > 12) {
    return inTile.map((p) => ({
      x: Math.round(p.px),
      y: Math.round(p.py),
      count: 1,
      id: p.serviceId,
      location_id: p.locationId,
    }));
  }
  const cells = new Map<string, typeof inTile>();
  for (const p of inTile) {
    const key = `${Math.floor(p.px / 256)}:${Math.floor(p.py / 256)}`;
    cells.set(key, [...(cells.get(key) ?? []), p]);
  }
  return [...cells.values()].map((members) => {
    const mean = (f: (p: (typeof members)[number]) => number) =>
      members.reduce((sum, p) => sum + f(p), 0) / members.length;
    const one = members.length === 1 ? members[0]! : undefined;
    return {
      x: Math.round(mean((p) => p.px)),
      y: Math.round(mean((p) => p.py)),
      count: members.length,
      ...(one ? { id: one.serviceId, location_id: one.locationId } : {}),
    };
  });
}

/** Equal as sets: same counts and ids, positions within one tile unit (rounding of the encoders). */
function expectSameFeatures(actual: Feature[], wanted: Feature[], where: string) {
  const key = (f: Feature) => `${f.count}|${f.id ?? ''}|${f.location_id ?? ''}`;
  const sortKey = (f: Feature) => `${key(f)}|${String(f.y).padStart(5, '0')}|${String(f.x).padStart(5, '0')}`;
  const a = [...actual].sort((p, q) => sortKey(p).localeCompare(sortKey(q)));
  const w = [...wanted].sort((p, q) => sortKey(p).localeCompare(sortKey(q)));
  expect(a.map(key), where).toEqual(w.map(key));
  a.forEach((f, i) => {
    expect(Math.abs(f.x - w[i]!.x), `${where} x of ${key(f)}`).toBeLessThanOrEqual(1);
    expect(Math.abs(f.y - w[i]!.y), `${where} y of ${key(f)}`).toBeLessThanOrEqual(1);
  });
}

/** The tiles of zoom z that hold any of the points (plus their neighbours, which must be empty or agree). */
function tilesOf(points: Point[], z: number): Array<[number, number]> {
  const keys = new Set<string>();
  for (const p of points) {
    const { wx, wy } = project(p, z);
    keys.add(`${Math.floor(wx / EXTENT)}/${Math.floor(wy / EXTENT)}`);
  }
  return [...keys].map((k) => k.split('/').map(Number) as [number, number]);
}

const asInput = (q: OracleQuery): ServiceSearchInput => ({
  ...q,
  openAt: q.openAt?.toISOString(),
  size: 100,
});

describe('service tiles', () => {
  it('rejects tiles outside the pyramid', () => {
    expect(validTile({ z: 0, x: 0, y: 0 })).toBe(true);
    expect(validTile({ z: 8, x: 255, y: 255 })).toBe(true);
    expect(validTile({ z: 8, x: 256, y: 0 })).toBe(false);
    expect(validTile({ z: -1, x: 0, y: 0 })).toBe(false);
    expect(validTile({ z: 23, x: 0, y: 0 })).toBe(false);
    expect(validTile({ z: 3, x: 1.5, y: 0 })).toBe(false);
  });

  it('clusters at z8 and shows single points at z14, as the brute force says, for several filters', async () => {
    const queries: OracleQuery[] = [
      {},
      { age: 15, free: true },
      { openAt: new Date('2026-12-02T10:30:00Z'), attendingType: 'in_person' },
      { near: { lat: 47.4979, lng: 19.0402 }, radiusMeters: 11_300, wheelchair: true },
      { language: 'uk' },
    ];
    let checkedClusters = 0;
    let checkedPoints = 0;
    for (const q of queries) {
      const points = brutePoints(q);
      expect(points.length, JSON.stringify(q)).toBeGreaterThan(0);
      const label = JSON.stringify(q);
      // z8: every tile with data, so the counts add up to every point; with opening hours (slow
      // on PGlite) the four busiest tiles.
      const crawlAll = q.openAt === undefined;
      const z8 = tilesOf(points, 8)
        .map(([x, y]) => ({ x, y, n: expected(points, 8, x, y).length }))
        .sort((a, b) => b.n - a.n)
        .slice(0, crawlAll ? undefined : 4);
      let sum = 0;
      for (const { x, y } of z8) {
        const features = await decoded(8, x, y, asInput(q));
        expectSameFeatures(features, expected(points, 8, x, y), `${label} z8 ${x}/${y}`);
        sum += features.reduce((n, f) => n + f.count, 0);
        checkedClusters += features.filter((f) => f.count > 1).length;
      }
      if (crawlAll) expect(sum, label).toBe(points.length);

      // z14: the three busiest tiles.
      const busiest = tilesOf(points, 14)
        .map(([x, y]) => ({ x, y, n: expected(points, 14, x, y).length }))
        .sort((a, b) => b.n - a.n)
        .slice(0, 3);
      for (const { x, y } of busiest) {
        const features = await decoded(14, x, y, asInput(q));
        expectSameFeatures(features, expected(points, 14, x, y), `${label} z14 ${x}/${y}`);
        checkedPoints += features.length;
      }
    }
    expect(checkedClusters).toBeGreaterThan(5);
    expect(checkedPoints).toBeGreaterThan(5);
    // A tile far from any service is empty.
    expect(await decoded(8, 0, 0)).toEqual([]);
  }, 300_000);

  it('holds the same services as the list for a text query (z0 counts every public point)', async () => {
    for (const text of ['gyermekjoleti', 'poradna']) {
      const ids: string[] = [];
      for (let page = 1; ; page++) {
        const r = await searchServices(db, { text, page, size: 100 }, { now: NOW });
        ids.push(...r.items.map((i) => i.id));
        if (r.items.length < 100) break;
      }
      const wanted = ids.flatMap((id) =>
        oracle.locationIdsOf(id).filter((l) => oracle.publicPointOf(l) !== undefined),
      ).length;
      expect(wanted, text).toBeGreaterThan(0);
      const features = await decoded(0, 0, 0, { text });
      expect(
        features.reduce((n, f) => n + f.count, 0),
        text,
      ).toBe(wanted);
    }
  }, 120_000);
});
