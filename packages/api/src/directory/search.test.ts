// The one search on the seeded demo data: accents, prefixes, typos and other languages; every
// filter against an independent brute-force oracle (test/directory-oracle.ts); stable paging;
// distances only ever to public points.
import { type Database, schema, selectRows } from '@caremap/db';
import { seed } from '@caremap/db/seed';
import { useTestDatabase } from '@caremap/db/testing';
import type { ServiceSearchInput } from '@caremap/validators';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DirectoryOracle, haversine, type OracleQuery } from '../../test/directory-oracle';
import { SearchInputError, searchServices } from './search';

const NOW = new Date('2026-12-02T09:00:00Z');
const t = useTestDatabase();
let db: Database;
let oracle: DirectoryOracle;

beforeAll(async () => {
  db = t.current.db;
  await seed(db, { demoPassword: 'search test password', now: NOW });
  oracle = await DirectoryOracle.load(db);
}, 600_000);

/** Every matching id, page by page (the first `maxPages` pages). */
async function allIds(input: ServiceSearchInput, maxPages = 100): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let total = 0;
  for (let page = 1; page <= maxPages; page++) {
    const r = await searchServices(db, { ...input, page, size: 100 }, { now: NOW });
    total = r.total;
    ids.push(...r.items.map((i) => i.id));
    if (r.items.length < 100) break;
  }
  return { ids, total };
}

const names = async (text: string, size = 10) =>
  (await searchServices(db, { text, size }, { now: NOW })).items.map(
    (i) => `${i.name} | ${i.organizationName}`,
  );

describe('text search', () => {
  it('ignores accents and case: "rodinna poradna", "gyermekjoleti", "cocuk"', async () => {
    expect((await names('rodinna poradna')).some((n) => /Rodinn/.test(n) && /Poradna/.test(n))).toBe(true);
    const hu = await names('gyermekjoleti');
    expect(hu.length).toBeGreaterThan(0);
    for (const n of hu) expect(n.toLowerCase()).toMatch(/gyermekjóléti/);
    // "çocuk" is Turkish; services are tagged with terms labelled in Turkish too.
    const [row] = await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from service_search ss join service s on s.id = ss.service_id
          where ss.document @@ to_tsquery('simple', 'cocuk:*') and s.status in ('active', 'temporarily closed')`,
    );
    const cocuk = await searchServices(db, { text: 'ÇOCUK', size: 1 }, { now: NOW });
    expect(cocuk.total).toBe(row!.n);
    expect(cocuk.total).toBeGreaterThan(0);
  });

  it('matches the last word as a prefix while typing', async () => {
    const typing = await searchServices(db, { text: 'csaladterap', size: 5 }, { now: NOW });
    expect(typing.total).toBeGreaterThan(0);
    for (const item of typing.items) expect(item.name).toMatch(/Családterápia/);
    const full = await searchServices(db, { text: 'csaladterapia', size: 5 }, { now: NOW });
    expect(typing.total).toBeGreaterThanOrEqual(full.total);
  });

  it('forgives one typo', async () => {
    const right = await searchServices(db, { text: 'pszichologiai tanacsadas', size: 100 }, { now: NOW });
    const typo = await searchServices(db, { text: 'pszihologiai tanacsadas', size: 100 }, { now: NOW });
    expect(right.total).toBeGreaterThan(0);
    expect(new Set(typo.items.map((i) => i.id))).toEqual(new Set(right.items.map((i) => i.id)));
    const none = await searchServices(db, { text: 'qqqxxzz', size: 5 }, { now: NOW });
    expect(none.total).toBe(0);
  });

  it('finds a Hungarian crisis service by its Czech term label "krizová pomoc"', async () => {
    const [term] = await db
      .select()
      .from(schema.taxonomyTerm)
      .where(eq(schema.taxonomyTerm.code, 'crisis_service'));
    const found = await allIds({ text: 'krizová pomoc' });
    const [hu] = await selectRows<{ id: string }>(
      db,
      sql`select s.id from service s join attribute a on a.link_id = s.id and a.taxonomy_term_id = ${term!.id}
          join service_at_location sal on sal.service_id = s.id join address ad on ad.location_id = sal.location_id
          where ad.country = 'HU' and s.status = 'active' order by s.id limit 1`,
    );
    expect(hu).toBeDefined();
    expect(found.ids).toContain(hu!.id);
  });

  it('ranks name hits above description-only hits', async () => {
    // "konzultace" is in service names (Rodinná konzultace) and in descriptions of others.
    const r = await searchServices(db, { text: 'konzultace', size: 100 }, { now: NOW });
    const inName = r.items.map((i) => /konzultace/i.test(i.name));
    const firstMiss = inName.indexOf(false);
    if (firstMiss >= 0) expect(inName.slice(firstMiss).every((x) => !x)).toBe(true);
    expect(inName[0]).toBe(true);
  });

  it('finds a renamed service by its new name at once, and an organisation by its new name', async () => {
    const [svc] = await db.select().from(schema.service).limit(1);
    await db
      .update(schema.service)
      .set({ name: 'Zöldfülű Különleges Tanácsadás' })
      .where(eq(schema.service.id, svc!.id));
    expect(
      (await searchServices(db, { text: 'zoldfulu kulonleges' }, { now: NOW })).items.map((i) => i.id),
    ).toEqual([svc!.id]);
    await db
      .update(schema.organization)
      .set({ name: 'Kékmadár Egyesület' })
      .where(eq(schema.organization.id, svc!.organizationId));
    const byOrg = await allIds({ text: 'kekmadar' });
    expect(byOrg.ids).toContain(svc!.id);
    await db.update(schema.service).set({ name: svc!.name }).where(eq(schema.service.id, svc!.id));
  });
});

// A tiny seeded PRNG, so a failing draw can be replayed.
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe('filters agree with the brute-force oracle', () => {
  it('on 40 random queries (radius, open at, age, language, free, wheelchair, attending type, terms)', async () => {
    const rnd = prng(20261202);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const points = await selectRows<{ lat: number; lng: number }>(
      db,
      sql`select ST_Y(public_geom) as lat, ST_X(public_geom) as lng from location order by id limit 200`,
    );
    const terms = await db.select().from(schema.taxonomyTerm);
    const orgs = await db.select({ id: schema.organization.id }).from(schema.organization).limit(50);
    // Instants over two weeks, Christmas holidays included, on the hour and in between.
    const instants = [
      ...Array.from(
        { length: 20 },
        (_, i) => new Date(NOW.getTime() + Math.floor(rnd() * 14 * 96) * 15 * 60_000 + i),
      ),
      new Date('2026-12-24T10:00:00Z'),
      new Date('2026-12-25T10:00:00Z'),
      new Date('2026-12-26T09:30:00Z'),
      new Date('2026-12-05T10:30:00Z'), // Saturday
      new Date('2026-12-02T16:59:00Z'), // Wednesday, just before the online evening hours (17:00 CET)
      new Date('2026-12-02T17:00:00Z'),
    ].map((d) => new Date(Math.floor(d.getTime() / 60_000) * 60_000));
    const failures: string[] = [];
    let compared = 0;
    for (let i = 0; i < 40; i++) {
      const q: OracleQuery = {};
      const input: ServiceSearchInput = {};
      if (rnd() < 0.5) {
        const p = pick(points);
        q.near = input.near = { lat: Number(p.lat), lng: Number(p.lng) };
        q.radiusMeters = input.radiusMeters = pick([2_000, 10_000, 30_000, 80_000]);
      }
      if (rnd() < 0.5) {
        const at = pick(instants);
        q.openAt = at;
        input.openAt = at.toISOString();
      }
      if (rnd() < 0.3) q.age = input.age = pick([0, 3, 10, 15, 17, 19, 25, 40]);
      if (rnd() < 0.3)
        q.language = input.language = pick(['cs', 'hu', 'en', 'de', 'sk', 'uk', 'rom', 'tr', 'hun', 'ces']);
      if (rnd() < 0.25) q.free = input.free = true;
      if (rnd() < 0.25) q.wheelchair = input.wheelchair = true;
      if (rnd() < 0.25)
        q.attendingType = input.attendingType = pick(['in_person', 'online', 'phone'] as const);
      if (rnd() < 0.25) q.taxonomyTermIds = input.taxonomyTermIds = [pick(terms).id];
      if (rnd() < 0.1) q.organizationId = input.organizationId = pick(orgs).id;
      const expected = oracle.answer(q);
      // Small answers are compared id by id; big ones by their count and their first three pages.
      const got = await allIds(input, expected.ids.size <= 400 ? 100 : 3);
      const gotSet = new Set(got.ids);
      const complete = got.ids.length === got.total;
      const missing = complete ? [...expected.ids].filter((id) => !gotSet.has(id)) : [];
      const extra = got.ids.filter((id) => !expected.ids.has(id) && !expected.borderline.has(id));
      if (got.ids.length !== gotSet.size)
        failures.push(`#${i} ${JSON.stringify(input)}: duplicates across pages`);
      if (got.total < expected.ids.size || got.total > expected.ids.size + expected.borderline.size)
        failures.push(`#${i} ${JSON.stringify(input)}: total ${got.total}, oracle ${expected.ids.size}`);
      if (missing.length || extra.length) {
        failures.push(
          `#${i} ${JSON.stringify(input)}: missing ${missing.slice(0, 3)} extra ${extra.slice(0, 3)}`,
        );
      }
      compared += expected.ids.size;
    }
    expect(failures).toEqual([]);
    expect(compared).toBeGreaterThan(500);
  }, 600_000);

  it('open now changes with the hour and the weekday, and public holidays close offices', async () => {
    const count = async (at: string) =>
      (await searchServices(db, { openAt: at, size: 1 }, { now: NOW })).total;
    const wednesdayMorning = await count('2026-12-02T10:00:00+01:00');
    const wednesdayNight = await count('2026-12-02T23:30:00+01:00');
    const saturdayMorning = await count('2026-12-05T10:00:00+01:00');
    const christmas = await count('2026-12-25T10:00:00+01:00');
    expect(wednesdayMorning).toBeGreaterThan(saturdayMorning);
    expect(saturdayMorning).toBeGreaterThan(wednesdayNight);
    expect(wednesdayNight).toBeGreaterThan(0); // round-the-clock services
    expect(christmas).toBeLessThan(wednesdayMorning / 4);
    expect(christmas).toBeGreaterThan(0); // round-the-clock services are open on holidays
    for (const at of [
      '2026-12-02T10:00:00+01:00',
      '2026-12-25T10:00:00+01:00',
      '2026-12-05T10:00:00+01:00',
    ]) {
      expect(await count(at)).toBe(oracle.answer({ openAt: new Date(at) }).ids.size);
    }
  });

  it('reports open-now per item, agreeing with the oracle', async () => {
    const at = new Date('2026-12-03T15:30:00Z');
    const r = await searchServices(db, { size: 100, page: 3 }, { now: at });
    expect(r.items).toHaveLength(100);
    for (const item of r.items) expect(item.openNow, item.name).toBe(oracle.openAt(item.id, at));
  });
});

describe('sorting and paging', () => {
  it('pages through every result exactly once, in every sort order', async () => {
    const near = { lat: 49.3961, lng: 15.59124 };
    for (const input of [
      { sort: 'name' } as const,
      { text: 'pomoc', sort: 'relevance' } as const,
      { near, radiusMeters: 40_000, sort: 'distance' } as const,
      { near, radiusMeters: 40_000, text: 'rodin' } as const,
    ]) {
      const pages: string[] = [];
      let total = 0;
      for (let page = 1; page <= 100; page++) {
        const r = await searchServices(db, { ...input, page, size: 37 }, { now: NOW });
        total = r.total;
        pages.push(...r.items.map((i) => i.id));
        if (r.items.length < 37) break;
      }
      expect(new Set(pages).size, JSON.stringify(input)).toBe(pages.length);
      expect(pages.length).toBe(total);
      const again = await searchServices(db, { ...input, page: 2, size: 37 }, { now: NOW });
      expect(again.items.map((i) => i.id)).toEqual(pages.slice(37, 74));
    }
    const past = await searchServices(db, { sort: 'name', page: 999, size: 50 }, { now: NOW });
    expect(past.items).toEqual([]);
    expect(past.total).toBeGreaterThan(2000);
  });

  it('sorts by distance to public points, and gives the distance in metres', async () => {
    const near = { lat: 47.1625, lng: 19.5033 };
    const r = await searchServices(db, { near, radiusMeters: 60_000, size: 100 }, { now: NOW });
    expect(r.items.length).toBeGreaterThan(10);
    const distances = r.items.map((i) => i.distanceMeters!);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    for (const item of r.items) {
      expect(
        Math.abs(haversine(near, { lat: item.lat!, lng: item.lng! }) - item.distanceMeters!),
      ).toBeLessThan(item.distanceMeters! * 0.006 + 2);
    }
  });

  it('names the bad field: an unknown place, distance without a point', async () => {
    await expect(searchServices(db, { placeId: 1 })).rejects.toBeInstanceOf(SearchInputError);
    await expect(searchServices(db, { sort: 'distance' })).rejects.toThrow(/sort/);
    const jihlava = await searchServices(
      db,
      { placeId: 3074199, radiusMeters: 5_000, size: 5 },
      { now: NOW },
    );
    expect(jihlava.total).toBeGreaterThan(0);
  });
});

describe('hidden addresses', () => {
  it('never measures to, nor finds by, the exact point of a hidden address', async () => {
    const hidden = await selectRows<{ id: string; lat: number; lng: number; plat: number; plng: number }>(
      db,
      sql`select id, latitude as lat, longitude as lng, ST_Y(public_geom) as plat, ST_X(public_geom) as plng
          from location where address_hidden order by id`,
    );
    expect(hidden.length).toBeGreaterThanOrEqual(3);
    for (const h of hidden) {
      const exact = { lat: Number(h.lat), lng: Number(h.lng) };
      const shown = { lat: Number(h.plat), lng: Number(h.plng) };
      expect(haversine(exact, shown)).toBeGreaterThan(1_000);
      // Neither coordinate alone is the exact one (a due-north offset would keep the longitude).
      expect(Math.abs(exact.lat - shown.lat)).toBeGreaterThan(0.002);
      expect(Math.abs(exact.lng - shown.lng)).toBeGreaterThan(0.002);
      const [sal] = await selectRows<{ serviceId: string }>(
        db,
        sql`select sal.service_id as "serviceId" from service_at_location sal join service s on s.id = sal.service_id
            where sal.location_id = ${h.id} and s.status = 'active' order by s.id limit 1`,
      );
      if (!sal) continue;
      // Standing on the shelter's doorstep with a 300 m radius does not find it through that place...
      const doorstep = await allIds({ near: exact, radiusMeters: 300 });
      const viaPublic = await searchServices(db, { near: shown, radiusMeters: 300, size: 100 }, { now: NOW });
      const item = viaPublic.items.find((i) => i.id === sal!.serviceId);
      // ...but its public point does, and every coordinate in the answer is the public one.
      expect(item, 'found at its public point').toBeDefined();
      if (doorstep.ids.includes(sal!.serviceId)) {
        // Only through another, not hidden, location of the same service.
        const others = oracle.locationIdsOf(sal!.serviceId).filter((l) => l !== h.id);
        expect(others.length).toBeGreaterThan(0);
      }
      const text = JSON.stringify(viaPublic);
      expect(text).not.toContain(String(exact.lat));
      expect(text).not.toContain(String(exact.lng));
    }
  });
});
