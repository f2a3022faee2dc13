// The directory's tRPC doors on the seeded demo data: search, service page, place suggestions,
// "suggest an edit", and a crawl that proves no door gives away a hidden address.
import { createHash } from 'node:crypto';
import { type Database, schema, selectRows } from '@caremap/db';
import { seed } from '@caremap/db/seed';
import { useTestDatabase } from '@caremap/db/testing';
import { VectorTile } from '@mapbox/vector-tile';
import type { TRPCError } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import { DirectoryOracle, haversine } from '../../test/directory-oracle';
import { callerFor } from '../../test/fixtures';
import { leadingZeroBits, solveChallenge } from '../directory/suggest';
import { serviceTile } from '../directory/tiles';

const NOW = new Date('2026-12-02T09:00:00Z');
const t = useTestDatabase();
let db: Database;
let oracle: DirectoryOracle;
interface Hidden {
  id: string;
  lat: number;
  lng: number;
  address1: string;
  postalCode: string;
}
let hidden: Hidden[];

beforeAll(async () => {
  db = t.current.db;
  await seed(db, { demoPassword: 'directory router test', now: NOW });
  oracle = await DirectoryOracle.load(db);
  hidden = (
    await selectRows<{ id: string; lat: string; lng: string; address_1: string; postal_code: string }>(
      db,
      sql`select l.id, l.latitude as lat, l.longitude as lng, a.address_1, a.postal_code
          from location l join address a on a.location_id = l.id where l.address_hidden order by l.id`,
    )
  ).map((r) => ({
    id: r.id,
    lat: Number(r.lat),
    lng: Number(r.lng),
    address1: r.address_1,
    postalCode: r.postal_code,
  }));
}, 600_000);

const anonymous = (address = '192.0.2.10') => callerFor(db, address).caller();

/** Fails when `value` (any response) names a hidden place's street, postcode or exact point. */
function expectNoHiddenLeak(value: unknown, where: string) {
  const text = JSON.stringify(value);
  const leaks: string[] = [];
  for (const h of hidden) {
    for (const secret of [h.address1, String(h.lat), String(h.lng)])
      if (text.includes(secret)) leaks.push(`${h.id}: ${secret}`);
  }
  // Any point shown for a hidden location is its public one, at least 1 km from the real place.
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const id = (o.locationId ?? o.id) as string | undefined;
    const h = hidden.find((x) => x.id === id);
    if (h) {
      const props = o.properties as { locationId?: string } | undefined;
      const point =
        typeof o.lat === 'number' && typeof o.lng === 'number'
          ? { lat: o.lat, lng: o.lng }
          : (o.geometry as { coordinates?: [number, number] } | undefined)?.coordinates
            ? {
                lat: (o.geometry as { coordinates: [number, number] }).coordinates[1],
                lng: (o.geometry as { coordinates: [number, number] }).coordinates[0],
              }
            : null;
      if (point && haversine(point, h) < 1_000) leaks.push(`${h.id}: point ${JSON.stringify(point)}`);
      if (o.address1 || o.postalCode || o.transportation)
        leaks.push(`${h.id}: address fields ${props ?? ''}`);
    }
    for (const v of Object.values(o)) visit(v);
  };
  visit(value);
  expect(leaks, where).toEqual([]);
}

describe('directory.search and directory.places', () => {
  it('searches through tRPC and names the bad field', async () => {
    const caller = await anonymous();
    const r = await caller.directory.search({ text: 'rodinna poradna', size: 5 });
    expect(r.total).toBeGreaterThan(0);
    const bad = await caller.directory.search({ placeId: 42 }).catch((e: unknown) => e);
    expect((bad as TRPCError).code).toBe('BAD_REQUEST');
    expect((bad as TRPCError).message).toMatch(/placeId/);
    const badLanguage = await caller.directory.search({ language: 'Hungarian' }).catch((e: unknown) => e);
    expect((badLanguage as TRPCError).code).toBe('BAD_REQUEST');
    expect((badLanguage as TRPCError).message).toMatch(/language/);
  });

  it('suggests towns accent-blind by prefix, most populous first', async () => {
    const caller = await anonymous();
    const jihl = await caller.directory.places({ prefix: 'jihl', locale: 'cs' });
    expect(jihl[0]).toMatchObject({ name: 'Jihlava', country: 'CZ', label: 'Jihlava, Česko' });
    const szek = await caller.directory.places({ prefix: 'szekesfeh', locale: 'hu' });
    expect(szek[0]?.name).toBe('Székesfehérvár');
    const b = await caller.directory.places({ prefix: 'b', limit: 20 });
    const pops = b.map((p) => p.population);
    expect([...pops].sort((x, y) => y - x)).toEqual(pops);
    expect(b[0]?.name).toBe('Budapest');
    const brod = await caller.directory.places({ prefix: 'brod' });
    expect(brod.map((p) => p.name)).toContain('Havlíčkův Brod');
    // A suggestion searches: its id is a placeId.
    const near = await caller.directory.search({ placeId: jihl[0]!.id, radiusMeters: 3_000, size: 3 });
    expect(near.items[0]!.distanceMeters).toBeLessThan(3_000);
  });
});

describe('directory.service', () => {
  it('shows hours, open now and next opening that agree with the search', async () => {
    const caller = await anonymous();
    const ids = oracle.serviceIds().slice(0, 40);
    for (const [i, id] of ids.entries()) {
      const at = new Date(NOW.getTime() + i * 3 * 3600_000 + 17 * 60_000);
      const page = await caller.directory.service({ id, at: at.toISOString() });
      expect(page.openNow, `${page.name} at ${at.toISOString()}`).toBe(oracle.openAt(id, at));
      if (page.nextOpening) {
        const next = new Date(page.nextOpening);
        expect(next.getTime()).toBeGreaterThan(at.getTime());
        expect(oracle.openAt(id, next), `${page.name} opens at ${page.nextOpening}`).toBe(true);
        expect(oracle.openAt(id, new Date(next.getTime() - 60_000)) && !page.openNow).toBe(false);
      }
      if (page.openNow) expect(page.today?.hours.length).toBeGreaterThan(0);
      expect(page.schedules.length).toBeGreaterThan(0);
      expect(page.languages.length).toBeGreaterThan(0);
      expect(page.costOptions.length).toBeGreaterThan(0);
      expect(page.phones.length + page.emails.length).toBeGreaterThan(0);
    }
  });

  it('shows wheelchair access from the facet, never from the text ("Nem akadálymentes" is not accessible)', async () => {
    const rows = await selectRows<{ service_id: string; description: string }>(
      db,
      sql`select sal.service_id, x.description from accessibility x
          join service_at_location sal on sal.location_id = x.location_id
          where x.description in ('Nem akadálymentes', 'Bez bezbariérového přístupu', 'Akadálymentes') order by sal.service_id limit 12`,
    );
    const caller = await anonymous();
    for (const r of rows) {
      const page = await caller.directory.service({ id: r.service_id });
      const place = page.places.find((p) => p.accessibility.some((a) => a.description === r.description))!;
      expect(place.wheelchairAccessible, r.description).toBe(r.description === 'Akadálymentes');
    }
    const wheelchair = await caller.directory.search({ wheelchair: true, size: 100 });
    const notAccessible = new Set(
      (
        await selectRows<{ id: string }>(
          db,
          sql`select distinct sal.service_id as id from service_at_location sal
              join accessibility x on x.location_id = sal.location_id
              where x.description in ('Nem akadálymentes', 'Bez bezbariérového přístupu')
                and not exists (select 1 from service_at_location o join accessibility y on y.location_id = o.location_id
                                where o.service_id = sal.service_id
                                  and y.description not in ('Nem akadálymentes', 'Bez bezbariérového přístupu'))`,
        )
      ).map((r) => r.id),
    );
    expect(notAccessible.size).toBeGreaterThan(0);
    for (const item of wheelchair.items) expect(notAccessible.has(item.id), item.name).toBe(false);
  });

  it('answers NOT_FOUND for an unknown service', async () => {
    const caller = await anonymous();
    const error = await caller.directory
      .service({ id: '00000000-0000-4000-8000-000000000000' })
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('NOT_FOUND');
  });
});

describe('hidden addresses', () => {
  it('no door returns a hidden street address or exact point', async () => {
    expect(hidden.length).toBeGreaterThanOrEqual(3);
    const caller = await anonymous();
    expectNoHiddenLeak(await caller.directory.mapPoints({}), 'mapPoints');
    for (let page = 1; ; page++) {
      const list = await caller.directory.locations({ page, size: 100 });
      expectNoHiddenLeak(list, `locations page ${page}`);
      if (list.items.length < 100) break;
    }
    for (const h of hidden) {
      const services = await db
        .select({ id: schema.serviceAtLocation.serviceId })
        .from(schema.serviceAtLocation)
        .where(eq(schema.serviceAtLocation.locationId, h.id));
      for (const { id } of services) {
        const page = await caller.directory.service({ id });
        expectNoHiddenLeak(page, `service ${id}`);
        const place = page.places.find((p) => p.locationId === h.id)!;
        expect(place).toMatchObject({
          addressHidden: true,
          address1: null,
          postalCode: null,
          transportation: null,
        });
        expect(place.city).toBeTruthy();
        expect(page.phones.length).toBeGreaterThan(0); // the contact route
      }
      for (const radiusMeters of [500, 3_000]) {
        expectNoHiddenLeak(
          await caller.directory.search({ near: h, radiusMeters, size: 100 }),
          'search near',
        );
      }
      expectNoHiddenLeak(
        await caller.directory.search({ near: h, radiusMeters: 3_000, sort: 'name', openNow: true }),
        'search',
      );
      // The tile door, decoded back to longitude/latitude: the 3 x 3 tiles around the exact point
      // at z13 (single points; a tile is ~3 km, so the approximate point is among them), and the
      // tile holding it at a clustered zoom (12) and a close one (16).
      let shown = 0;
      for (const z of [12, 13, 16]) {
        const n = 2 ** z;
        const rad = (h.lat * Math.PI) / 180;
        const cx = Math.floor(((h.lng + 180) / 360) * n);
        const cy = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
        const around = z === 13 ? [-1, 0, 1] : [0];
        for (const x of around.map((d) => cx + d)) {
          for (const y of around.map((d) => cy + d)) {
            const bytes = await serviceTile(db, t.current.kind, { z, x, y }, {}, { now: NOW });
            const layer = new VectorTile(new PbfReader(bytes)).layers.services;
            for (let i = 0; i < (layer?.length ?? 0); i++) {
              const feature = layer!.feature(i).toGeoJSON(x, y, z);
              const [lng, lat] = (feature.geometry as GeoJSON.Point).coordinates as [number, number];
              const props = feature.properties as Record<string, unknown>;
              expect(JSON.stringify(props)).not.toContain(h.address1);
              if (props.location_id !== h.id) continue;
              shown++;
              expect(haversine({ lat, lng }, h), `tile ${z}/${x}/${y}`).toBeGreaterThan(1_000);
            }
          }
        }
      }
      expect(shown, 'the hidden place is on the map, at its approximate point').toBeGreaterThan(0);
    }
  }, 300_000); // crawls every door (tiles too) of every hidden location
});

describe('directory.suggestEdit', () => {
  const target = async () =>
    (await db.select({ id: schema.service.id }).from(schema.service).limit(1))[0]!.id;

  it('stores a suggestion with a solved challenge, once', async () => {
    const caller = await anonymous('198.51.100.1');
    const { challenge, bits } = await caller.directory.suggestChallenge();
    expect(bits).toBeGreaterThanOrEqual(12);
    const nonce = solveChallenge(challenge, bits);
    expect(
      leadingZeroBits(
        createHash('sha256')
          .update(challenge + nonce)
          .digest(),
      ),
    ).toBeGreaterThanOrEqual(bits);
    const input = {
      targetEntity: 'service' as const,
      targetId: await target(),
      changes: { phone: '+36 1 234 5678' },
      comment: 'A telefonszám megváltozott.',
      language: 'hu' as const,
      challenge,
      nonce,
    };
    const { id, status } = await caller.directory.suggestEdit(input);
    expect(status).toBe('pending');
    const [row] = await db.select().from(schema.suggestion).where(eq(schema.suggestion.id, id));
    expect(row).toMatchObject({ status: 'pending', changes: { phone: '+36 1 234 5678' }, language: 'hu' });
    const replay = await caller.directory.suggestEdit(input).catch((e: unknown) => e);
    expect((replay as TRPCError).code).toBe('BAD_REQUEST');
    expect((replay as TRPCError).message).toMatch(/already used/);
  });

  it('refuses a filled honeypot, a wrong nonce, a forged challenge and an unknown target', async () => {
    const caller = await anonymous('198.51.100.2');
    const base = {
      targetEntity: 'service' as const,
      targetId: await target(),
      changes: { name: 'x' },
      language: 'en' as const,
    };
    const fresh = async () => {
      const { challenge, bits } = await caller.directory.suggestChallenge();
      return { challenge, nonce: solveChallenge(challenge, bits) };
    };
    const honeypot = await caller.directory
      .suggestEdit({ ...base, ...(await fresh()), website: 'http://spam.example' })
      .catch((e: unknown) => e);
    expect((honeypot as TRPCError).code).toBe('BAD_REQUEST');
    expect(JSON.stringify((honeypot as TRPCError).cause)).toMatch(/website/);
    const { challenge } = await fresh();
    const wrong = await caller.directory
      .suggestEdit({ ...base, challenge, nonce: 'zz-not-it' })
      .catch((e: unknown) => e);
    expect((wrong as TRPCError).message).toMatch(/nonce/);
    const forged = `${challenge
      .split('.')
      .slice(0, 3)
      .join('.')
      .replace(/\.16\./, '.1.')}.${challenge.split('.')[3]}`;
    const forgedError = await caller.directory
      .suggestEdit({ ...base, challenge: forged, nonce: solveChallenge(forged, 1) })
      .catch((e: unknown) => e);
    expect((forgedError as TRPCError).message).toMatch(/challenge/);
    const unknown = await caller.directory
      .suggestEdit({ ...base, ...(await fresh()), targetId: '00000000-0000-4000-8000-000000000000' })
      .catch((e: unknown) => e);
    expect((unknown as TRPCError).code).toBe('NOT_FOUND');
  });

  it('rate-limits one address, not the others', async () => {
    const caller = await anonymous('198.51.100.3');
    const send = async (c: Awaited<ReturnType<typeof anonymous>>) => {
      const { challenge, bits } = await c.directory.suggestChallenge();
      return c.directory
        .suggestEdit({
          targetEntity: 'service',
          targetId: await target(),
          changes: { other: 'Új nyitvatartás' },
          language: 'hu',
          challenge,
          nonce: solveChallenge(challenge, bits),
        })
        .then(() => 'ok')
        .catch((e: unknown) => (e as TRPCError).code);
    };
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) outcomes.push(await send(caller));
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'TOO_MANY_REQUESTS']);
    expect(await send(await anonymous('198.51.100.4'))).toBe('ok');
  });
});
