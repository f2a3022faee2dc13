import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { selectRows } from '../client';
import { dbFailure, useTestDatabase } from '../testing/use-database';
import { auditLog, location, organization } from './index';

const t = useTestDatabase();

describe('schema and hand-written migration SQL', () => {
  it('creates PostGIS and btree_gist', async () => {
    const rows = await selectRows<{ extname: string }>(
      t.current.db,
      sql`select extname from pg_extension where extname in ('postgis', 'btree_gist') order by extname`,
    );
    expect(rows.map((r) => r.extname)).toEqual(['btree_gist', 'postgis']);
  });

  it('keeps location.geom in step with latitude/longitude, with SRID 4326', async () => {
    const [org] = await t.current.db
      .insert(organization)
      .values({ name: 'Test org', description: 'd' })
      .returning();
    const [loc] = await t.current.db
      .insert(location)
      .values({ organizationId: org!.id, name: 'Jihlava office', latitude: 49.3961, longitude: 15.5912 })
      .returning({ id: location.id });
    const [row] = await selectRows<{ srid: number; geo: string }>(
      t.current.db,
      sql`select ST_SRID(geom) as srid, ST_AsGeoJSON(geom) as geo from location where id = ${loc!.id}`,
    );
    expect(row!.srid).toBe(4326);
    expect(JSON.parse(row!.geo).coordinates).toEqual([15.5912, 49.3961]);
  });

  it('bumps version and updated_at on every update (optimistic locking)', async () => {
    // Stamped in the past, so "moved forward" cannot pass by two writes sharing one clock tick.
    const longAgo = new Date('2020-01-01T00:00:00Z');
    const [org] = await t.current.db
      .insert(organization)
      .values({ name: 'Versioned', description: 'd', createdAt: longAgo, updatedAt: longAgo })
      .returning();
    expect(org!.version).toBe(1);
    expect(org!.updatedAt).toEqual(longAgo);
    const [updated] = await t.current.db
      .update(organization)
      .set({ name: 'Versioned 2' })
      .where(eq(organization.id, org!.id))
      .returning();
    expect(updated!.version).toBe(2);
    // The database stamps the time of the update itself; the writer did not send one.
    const [clock] = await selectRows<{ ms: number }>(
      t.current.db,
      sql`select extract(epoch from now())::float8 * 1000 as ms`,
    );
    const dbNow = Number(clock!.ms);
    expect(updated!.updatedAt.getTime()).toBeGreaterThan(longAgo.getTime());
    expect(updated!.updatedAt.getTime()).toBeLessThanOrEqual(dbNow);
    expect(updated!.updatedAt.getTime()).toBeGreaterThan(dbNow - 60_000);
    expect(updated!.createdAt).toEqual(longAgo);
    // A writer holding the old version changes nothing.
    const stale = await t.current.db
      .update(organization)
      .set({ name: 'lost update' })
      .where(sql`${organization.id} = ${org!.id} and ${organization.version} = 1`)
      .returning();
    expect(stale).toHaveLength(0);
  });

  it('refuses UPDATE and DELETE on audit_log', async () => {
    const [row] = await t.current.db
      .insert(auditLog)
      .values({ action: 'test.event', outcome: 'success' })
      .returning({ id: auditLog.id });
    const update = await dbFailure(
      t.current.db.update(auditLog).set({ action: 'rewritten' }).where(eq(auditLog.id, row!.id)),
    );
    expect(update.message).toMatch(/append-only/);
    const remove = await dbFailure(t.current.db.delete(auditLog).where(eq(auditLog.id, row!.id)));
    expect(remove.message).toMatch(/append-only/);
  });

  it('rejects an out-of-range coordinate with a named constraint', async () => {
    const error = await dbFailure(
      t.current.db.insert(location).values({ name: 'Nowhere', latitude: 123, longitude: 10 }),
    );
    expect(error.code).toBe('23514');
    expect(error.message).toMatch(/location_coordinates_ck/);
  });
});
