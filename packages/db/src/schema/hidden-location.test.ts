import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { selectRows } from '../client';
import { useTestDatabase } from '../testing/use-database';
import { location, organization } from './index';

const t = useTestDatabase();

// Distance on the sphere, computed here rather than by PostGIS, so the check is independent.
function metres(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008 * Math.asin(Math.sqrt(h));
}

async function publicPoint(id: string): Promise<[number, number]> {
  const [row] = await selectRows<{ lng: number; lat: number }>(
    t.current.db,
    sql`select ST_X(public_geom) as lng, ST_Y(public_geom) as lat from location where id = ${id}`,
  );
  return [Number(row!.lng), Number(row!.lat)];
}

describe('location.public_geom: what every public door shows', () => {
  it('is the exact point for an ordinary place, and 1.2-2 km off, stable, for a hidden address', async () => {
    const [org] = await t.current.db
      .insert(organization)
      .values({ name: 'Shelters', description: 'd' })
      .returning();
    const exact: [number, number] = [19.0402, 47.4979];
    const rows = await t.current.db
      .insert(location)
      .values(
        Array.from({ length: 20 }, (_, i) => ({
          organizationId: org!.id,
          name: `Place ${i}`,
          latitude: exact[1],
          longitude: exact[0],
          addressHidden: i > 0,
        })),
      )
      .returning({ id: location.id });
    expect(await publicPoint(rows[0]!.id)).toEqual(exact);
    const bearings = new Set<number>();
    for (const { id } of rows.slice(1)) {
      const shown = await publicPoint(id);
      const d = metres(exact, shown);
      expect(d).toBeGreaterThan(1150);
      expect(d).toBeLessThan(2050);
      // Same answer when asked again, and after an unrelated edit.
      await t.current.db.update(location).set({ description: 'edited' }).where(eq(location.id, id));
      expect(await publicPoint(id)).toEqual(shown);
      bearings.add(Math.round((Math.atan2(shown[1] - exact[1], shown[0] - exact[0]) * 4) / Math.PI));
    }
    // Different shelters are moved in different directions, so the offset cannot be subtracted.
    expect(bearings.size).toBeGreaterThan(3);
  });

  it('follows a move and a change of the hidden flag', async () => {
    const [org] = await t.current.db
      .insert(organization)
      .values({ name: 'Org', description: 'd' })
      .returning();
    const [loc] = await t.current.db
      .insert(location)
      .values({ organizationId: org!.id, latitude: 49.4, longitude: 15.59 })
      .returning({ id: location.id });
    await t.current.db.update(location).set({ addressHidden: true }).where(eq(location.id, loc!.id));
    expect(metres([15.59, 49.4], await publicPoint(loc!.id))).toBeGreaterThan(1150);
    await t.current.db
      .update(location)
      .set({ latitude: 50.08, longitude: 14.42 })
      .where(eq(location.id, loc!.id));
    const moved = await publicPoint(loc!.id);
    expect(metres([14.42, 50.08], moved)).toBeGreaterThan(1150);
    expect(metres([14.42, 50.08], moved)).toBeLessThan(2050);
    await t.current.db.update(location).set({ addressHidden: false }).where(eq(location.id, loc!.id));
    expect(await publicPoint(loc!.id)).toEqual([14.42, 50.08]);
  });
});
