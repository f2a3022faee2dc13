// The seed against a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL): one transaction,
// valid geometry, locations inside their territories, idempotent, scale adds. The tests run in order
// and share one database: the first leaves it empty, the second seeds it.
import { count, type SQL, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../password';
import * as schema from '../schema/index';
import { useTestDatabase } from '../testing/use-database';
import { loadGeoData } from './geodata';
import { isSeeded, type SeedSummary, seed } from './index';

const t = useTestDatabase();
const now = new Date('2026-05-04T08:00:00Z');

async function rows<T>(query: SQL): Promise<T[]> {
  const result = (await t.current.db.execute(query)) as unknown as { rows?: T[] } & T[];
  return result.rows ?? result;
}
const countOf = async (table: Parameters<ReturnType<typeof t.current.db.select>['from']>[0]) => {
  const [row] = await t.current.db.select({ n: count() }).from(table);
  return Number(row!.n);
};

describe('seed()', () => {
  let summary: SeedSummary;

  it('rolls everything back when a step fails half-way', async () => {
    const failing = seed(t.current.db, {
      demoPassword: 'pw',
      now,
      onProgress: (step) => {
        if (step === 'partnerInstitution') throw new Error('injected failure');
      },
    });
    await expect(failing).rejects.toThrow('injected failure');
    expect(await countOf(schema.organization)).toBe(0);
    expect(await countOf(schema.territory)).toBe(0);
    expect(await countOf(schema.service)).toBe(0);
    expect(await isSeeded(t.current.db)).toBe(false);
  });

  it('seeds an empty database in one go', async () => {
    summary = await seed(t.current.db, { demoPassword: 'caremap-demo', now });
    expect(summary.seededBase).toBe(true);
    expect(await isSeeded(t.current.db)).toBe(true);
    expect(await countOf(schema.organization)).toBeGreaterThanOrEqual(600);
    expect(await countOf(schema.service)).toBeGreaterThanOrEqual(2000);
    expect(await countOf(schema.location)).toBeGreaterThanOrEqual(1500);
    expect(summary.rows.organization).toBe(await countOf(schema.organization));
  });

  it('stores at least 40 terms with four non-empty labels', async () => {
    const terms = await rows<{ n: number }>(sql`
      select count(*)::int as n from taxonomy_term
      where parent_id is not null and labels->>'hu' <> '' and labels->>'cs' <> ''
        and labels->>'tr' <> '' and labels->>'en' <> '' and name = labels->>'en'`);
    expect(terms[0]!.n).toBeGreaterThanOrEqual(40);
  });

  it('stores 15 valid approximate ORPs whose union covers the seat towns', async () => {
    const orps = await rows<{ n: number; valid: boolean; approximate: boolean }>(sql`
      select count(*)::int as n, bool_and(ST_IsValid(geom)) as valid, bool_and(approximate) as approximate
      from territory where kind = 'orp' and parent_id = (select id from territory where kind = 'region')`);
    expect(orps[0]).toEqual({ n: 15, valid: true, approximate: true });
    for (const orp of loadGeoData().orps) {
      const { seatLon, seatLat, code } = orp.properties;
      const [hit] = await rows<{ code: string }>(sql`
        select code from territory where kind = 'orp'
        and ST_Contains(geom, ST_SetSRID(ST_MakePoint(${seatLon}, ${seatLat}), 4326))`);
      expect(hit?.code, orp.properties.name).toBe(code);
    }
    const [union] = await rows<{ covered: boolean }>(sql`
      select ST_Area(ST_Union(o.geom)) / ST_Area(r.geom) > 0.999 as covered
      from territory o, territory r where o.kind = 'orp' and r.kind = 'region' group by r.geom`);
    expect(union!.covered).toBe(true);
  });

  it("places every location inside its country's seeded territories", async () => {
    const [outside] = await rows<{ n: number }>(sql`
      select count(*)::int as n from location l join address a on a.location_id = l.id
      where not exists (
        select 1 from territory t where t.country = a.country and t.kind in ('region', 'county')
        and ST_Intersects(t.geom, l.geom))`);
    expect(outside!.n).toBe(0);
    const [noGeom] = await rows<{ n: number }>(
      sql`select count(*)::int as n from location where geom is null`,
    );
    expect(noGeom!.n).toBe(0);
  });

  it("gives every service area its territory's geometry, and every partner kind a row", async () => {
    const [areas] = await rows<{ n: number }>(
      sql`select count(*)::int as n from service_area where geom is null`,
    );
    expect(areas!.n).toBe(0);
    const kinds = await rows<{ partner_kind: string }>(
      sql`select distinct partner_kind from partner_institution`,
    );
    expect(kinds).toHaveLength(schema.partnerKinds.length);
  });

  it('hashes the demo password once and lets every demo user log in with it', async () => {
    const users = await t.current.db.select().from(schema.appUser);
    expect(users.length).toBeGreaterThanOrEqual(5);
    expect(new Set(users.map((u) => u.passwordHash)).size).toBe(1);
    expect(await verifyPassword(users[0]!.passwordHash, 'caremap-demo')).toBe(true);
  });

  it('does nothing the second time, and adds extra services with scale', async () => {
    const before = await countOf(schema.service);
    const again = await seed(t.current.db, { demoPassword: 'caremap-demo', now });
    expect(again.seededBase).toBe(false);
    expect(await countOf(schema.service)).toBe(before);
    const scaled = await seed(t.current.db, { demoPassword: 'caremap-demo', now, scale: 200 });
    expect(scaled.rows.service).toBe(200);
    const scaledAgain = await seed(t.current.db, { demoPassword: 'caremap-demo', now, scale: 200 });
    expect(scaledAgain.rows.service).toBe(200);
    expect(await countOf(schema.service)).toBe(before + 400);
  });

  it('resets and reseeds to the very same ids', async () => {
    const ids = async () =>
      (await t.current.db.select({ id: schema.organization.id }).from(schema.organization))
        .map((r) => r.id)
        .sort();
    const reseeded = await seed(t.current.db, { demoPassword: 'caremap-demo', now, reset: true });
    expect(reseeded.seededBase).toBe(true);
    const first = await ids();
    await seed(t.current.db, { demoPassword: 'caremap-demo', now, reset: true });
    expect(await ids()).toEqual(first);
    expect(first).toHaveLength(summary.rows.organization!);
  }, 180_000);
});
