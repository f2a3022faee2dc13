import { sql } from 'drizzle-orm';
import { customType, integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** GeoJSON geometry as stored in PostGIS. Read it with `ST_AsGeoJSON(col)::json` in a query. */
export interface PointGeometry {
  type: 'Point';
  coordinates: [number, number];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: number[][][][];
}

// drizzle's built-in geometry type drops the SRID, so every geometry column is a custom type with
// SRID 4326 spelled out; values go in as GeoJSON and are turned into geometry by PostGIS itself.
function geometry<T extends { type: string }>(pgType: string) {
  return customType<{ data: T; driverData: string }>({
    dataType: () => pgType,
    toDriver: (value) => sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(value)}), 4326)` as never,
    fromDriver: (value) => value as unknown as T,
  });
}
export const point = geometry<PointGeometry>('geometry(Point,4326)');
export const multiPolygon = geometry<MultiPolygonGeometry>('geometry(MultiPolygon,4326)');

export const id = () => uuid('id').primaryKey().defaultRandom();

/** created/updated timestamps that every row carries. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** Editable rows: timestamps plus a version for optimistic locking (bumped by a trigger). */
export const editable = {
  ...timestamps,
  version: integer('version').notNull().default(1),
};

/**
 * When a person last confirmed that a directory or network record is still true, and who: separate
 * from the last edit (`updated_at`). Null: never verified, so due. `verified_by` points at app_user
 * (the foreign key is in migration SQL: this module cannot import the access schema).
 */
export const verifiable = {
  lastVerifiedAt: timestamp('last_verified_at', { withTimezone: true }),
  verifiedBy: uuid('verified_by'),
};
