// The tile door as a map client sees it: a tile per z/x/y with the list's filters in the query
// string, decoded with @mapbox/vector-tile; caching (ETag, If-None-Match, Cache-Control); and 400
// problems naming the bad parameter or tile coordinate.
import { schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, serveOnFreePort } from '../test/http';
import { createApp } from './app';

const t = useTestDatabase();
let server: Awaited<ReturnType<typeof serveOnFreePort>>;
const made: Array<{ id: string; lat: number; lng: number; minimumAge: number; free: boolean }> = [];

beforeAll(async () => {
  const db = t.current.db;
  const [org] = await db.insert(schema.organization).values({ name: 'Org', description: 'd' }).returning();
  for (let i = 0; i < 12; i++) {
    const lat = 49.39 + (i % 4) * 0.002;
    const lng = 15.58 + Math.floor(i / 4) * 0.002;
    const [svc] = await db
      .insert(schema.service)
      .values({ organizationId: org!.id, name: `Service ${i}`, minimumAge: i, maximumAge: 30 })
      .returning();
    const [loc] = await db
      .insert(schema.location)
      .values({ organizationId: org!.id, latitude: lat, longitude: lng })
      .returning();
    await db.insert(schema.serviceAtLocation).values({ serviceId: svc!.id, locationId: loc!.id });
    const free = i % 3 === 0;
    await db
      .insert(schema.costOption)
      .values({ serviceId: svc!.id, option: 'Visit', free, amount: free ? 0 : 1 });
    made.push({ id: svc!.id, lat, lng, minimumAge: i, free });
  }
  server = await serveOnFreePort(createApp({ database: t.current, logger: memoryLogger().logger }));
});
afterAll(() => server?.close());

function tileOf(lat: number, lng: number, z: number) {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lng + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  };
}

async function features(res: Response) {
  const layer = new VectorTile(new PbfReader(new Uint8Array(await res.arrayBuffer()))).layers.services;
  return Array.from({ length: layer?.length ?? 0 }, (_, i) => layer!.feature(i).properties);
}

const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);

describe('GET /tiles/services/{z}/{x}/{y}.mvt', () => {
  it('serves single points at z14 and clusters at z8, filtered like the list', async () => {
    const { z, x, y } = tileOf(49.393, 15.582, 14);
    const all = await get(`/tiles/services/${z}/${x}/${y}.mvt`);
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(all.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const shown = await features(all);
    expect(new Set(shown.map((p) => p.id))).toEqual(new Set(made.map((m) => m.id)));
    expect(shown.every((p) => p.count === 1)).toBe(true);

    const filtered = await features(await get(`/tiles/services/${z}/${x}/${y}.mvt?age=6&free=true`));
    const wanted = made.filter((m) => m.minimumAge <= 6 && m.free).map((m) => m.id);
    expect(wanted.length).toBeGreaterThan(0);
    expect(new Set(filtered.map((p) => p.id))).toEqual(new Set(wanted));

    const low = tileOf(49.393, 15.582, 8);
    const clusters = await features(await get(`/tiles/services/8/${low.x}/${low.y}.mvt`));
    expect(clusters).toEqual([{ count: 12 }]);
  });

  it('answers If-None-Match with 304, and a changed filter with another ETag', async () => {
    const { z, x, y } = tileOf(49.393, 15.582, 14);
    const path = `/tiles/services/${z}/${x}/${y}.mvt?age=3`;
    const first = await get(path);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    await first.arrayBuffer();
    const again = await get(path, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await get(`/tiles/services/${z}/${x}/${y}.mvt?age=9`);
    expect(other.headers.get('etag')).not.toBe(etag);
    await other.arrayBuffer();
  });

  it.each([
    ['/tiles/services/8/256/0.mvt', 'x'],
    ['/tiles/services/8/0/300.mvt', 'y'],
    ['/tiles/services/23/0/0.mvt', 'z'],
    ['/tiles/services/8/0/abc', 'y'],
    ['/tiles/services/8/0/0.mvt?age=-1', 'age'],
    ['/tiles/services/8/0/0.mvt?lat=49.4', 'lng'],
    ['/tiles/services/8/0/0.mvt?proximity=5000', 'proximity'],
    ['/tiles/services/8/0/0.mvt?open_now=maybe', 'open_now'],
    ['/tiles/services/8/0/0.mvt?open_now=true&open_at=2026-12-02T10:00:00Z', 'open_at'],
    ['/tiles/services/8/0/0.mvt?attending_type=walk', 'attending_type'],
    ['/tiles/services/8/0/0.mvt?place_id=1', 'place_id'],
    ['/tiles/services/8/0/0.mvt?fre=true', 'fre'],
  ])('%s -> 400 naming %s', async (path, name) => {
    const res = await get(path);
    expect(res.status, path).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as { invalid_params?: Array<{ name: string }>; detail: string };
    expect(body.invalid_params?.map((p) => p.name)).toContain(name);
    expect(body.detail).toContain(name);
  });
});

describe('the tile limit per client', () => {
  it('answers 429 with Retry-After past the limit, readable cross-site, and counts each client apart', async () => {
    // Behind one trusted proxy, so two clients can be told apart by X-Forwarded-For.
    const limited = await serveOnFreePort(
      createApp({
        database: t.current,
        logger: memoryLogger().logger,
        trustProxy: 1,
        tileLimits: { points: 3, windowSeconds: 60 },
      }),
    );
    try {
      const { z, x, y } = tileOf(made[0]!.lat, made[0]!.lng, 14);
      const tile = (client: string) =>
        fetch(`${limited.url}/tiles/services/${z}/${x}/${y}.mvt`, { headers: { 'x-forwarded-for': client } });
      for (let i = 0; i < 3; i++) {
        const ok = await tile('198.51.100.7');
        expect(ok.status).toBe(200);
        await ok.arrayBuffer();
      }
      const refused = await tile('198.51.100.7');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.get('access-control-allow-origin')).toBe('*');
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      await refused.arrayBuffer();
      const other = await tile('198.51.100.8');
      expect(other.status).toBe(200);
      await other.arrayBuffer();
    } finally {
      await limited.close();
    }
  });
});
