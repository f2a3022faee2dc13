// Vector tiles of the directory search (/tiles/services/{z}/{x}/{y}.mvt): the points of the
// services that `serviceFilter` (search.ts) lets through, so the map and the list of one query
// show the same services. One layer, `services`:
// - up to CLUSTER_MAX_ZOOM, the points are grouped in a grid of CELL x CELL tile units; a cell with
//   several points is one feature `{ count }` at the mean of its points; a cell with one point is
//   that point;
// - above it, one feature per (service, location): `{ count: 1, id, name, location_id }`, where
//   `id` is the service id (the list's item id) and `location_id` the location's.
// Coordinates are always `location.public_geom`: a hidden address's approximate point (1.2-2 km
// off, stable), never its exact one. A point belongs to the tile whose half-open square holds it,
// so it is in exactly one tile of a zoom level.
//
// PostgreSQL encodes with ST_AsMVT / ST_AsMVTGeom over ST_TileEnvelope. PGlite's PostGIS is built
// without protobuf-c (both functions refuse), so there the same rows are encoded in JS with
// @maplibre/vt-pbf; the grouping is the same SQL on both.
import { type Database, selectRows } from '@caremap/db';
import type { ServiceSearchInput } from '@caremap/validators';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { type SQL, sql } from 'drizzle-orm';
import { type SearchOptions, serviceFilter } from './search';

export const TILE_LAYER = 'services';
export const TILE_EXTENT = 4096;
/** Grid cell of the clusters, in tile units: 16 x 16 cells a tile (32 px at 512 px tiles). */
export const CLUSTER_CELL = 256;
export const CLUSTER_MAX_ZOOM = 12;
export const TILE_MAX_ZOOM = 22;

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

export interface TileFeatureRow {
  x: number;
  y: number;
  count: number;
  id: string | null;
  name: string | null;
  location_id: string | null;
}

/** Whether z/x/y names a tile of the Web Mercator pyramid we serve. */
export function validTile({ z, x, y }: TileAddress): boolean {
  const n = 2 ** z;
  return (
    Number.isInteger(z) &&
    Number.isInteger(x) &&
    Number.isInteger(y) &&
    z >= 0 &&
    z <= TILE_MAX_ZOOM &&
    x >= 0 &&
    x < n &&
    y >= 0 &&
    y < n
  );
}

/** The rows of a tile: points (and clusters at low zoom) in tile coordinates, y downwards. */
export function tileRowsSql(
  filter: Awaited<ReturnType<typeof serviceFilter>>,
  { z, x, y }: TileAddress,
): SQL {
  const envelope = sql`ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int)`;
  const points = sql`
    with env as (select ${envelope} as e),
    pts as materialized (
      select s.id, s.name, l.id as location_id, ST_Transform(l.public_geom, 3857) as m
      from service s
      ${filter.text ? sql`join service_search ss on ss.service_id = s.id` : sql``}
      join service_at_location sal on sal.service_id = s.id
      join location l on l.id = sal.location_id
      where ${filter.where} and ${filter.locationWithin(sql`l`)}
        and l.public_geom && ST_Expand(ST_Transform(${envelope}, 4326), 0.000001)
    ),
    px as (
      select pts.*, (ST_X(m) - ST_XMin(e)) * ${TILE_EXTENT} / (ST_XMax(e) - ST_XMin(e)) as px,
             (ST_YMax(e) - ST_Y(m)) * ${TILE_EXTENT} / (ST_YMax(e) - ST_YMin(e)) as py
      from pts, env
    ),
    inside as (
      select * from px where px >= 0 and px < ${TILE_EXTENT} and py >= 0 and py < ${TILE_EXTENT}
    )`;
  if (z <= CLUSTER_MAX_ZOOM) {
    return sql`${points}
      select count(*)::int as count,
             case when count(*) = 1 then min(id::text) end as id,
             case when count(*) = 1 then min(name) end as name,
             case when count(*) = 1 then min(location_id::text) end as location_id,
             round(avg(px)::numeric)::int as x, round(avg(py)::numeric)::int as y,
             ST_SetSRID(ST_MakePoint(avg(ST_X(m)), avg(ST_Y(m))), 3857) as m
      from inside
      group by floor(px / ${CLUSTER_CELL}), floor(py / ${CLUSTER_CELL})
      order by y, x, id`;
  }
  return sql`${points}
    select 1 as count, id::text as id, name, location_id::text as location_id,
           round(px::numeric)::int as x, round(py::numeric)::int as y, m
    from inside
    order by y, x, id, location_id`;
}

/** The tile's features as rows (both databases); what the encoders below write. */
export async function tileFeatures(
  db: Database,
  tile: TileAddress,
  input: ServiceSearchInput = {},
  options: SearchOptions = {},
): Promise<TileFeatureRow[]> {
  const filter = await serviceFilter(db, input, options);
  const rows = await selectRows<TileFeatureRow>(
    db,
    sql`select count, id, name, location_id, x, y from (${tileRowsSql(filter, tile)}) t`,
  );
  return rows.map((r) => ({ ...r, x: Number(r.x), y: Number(r.y), count: Number(r.count) }));
}

/** Encodes rows as a Mapbox Vector Tile (version 2) in JS: PGlite's way. */
export function encodeTile(rows: readonly TileFeatureRow[]): Uint8Array {
  const features = rows.map((r) => {
    const tags: Record<string, string | number> = { count: r.count };
    if (r.id !== null) tags.id = r.id;
    if (r.name !== null) tags.name = r.name;
    if (r.location_id !== null) tags.location_id = r.location_id;
    return { type: 1 as const, geometry: [[r.x, r.y]], tags };
  });
  return fromGeojsonVt({ [TILE_LAYER]: { features } } as unknown as Parameters<typeof fromGeojsonVt>[0], {
    version: 2,
    extent: TILE_EXTENT,
  });
}

/** The tile as MVT bytes; an empty tile is zero bytes (a valid, empty MVT). */
export async function serviceTile(
  db: Database,
  kind: 'pglite' | 'postgres',
  tile: TileAddress,
  input: ServiceSearchInput = {},
  options: SearchOptions = {},
): Promise<Uint8Array> {
  if (kind === 'pglite') return encodeTile(await tileFeatures(db, tile, input, options));
  const filter = await serviceFilter(db, input, options);
  const [row] = await selectRows<{ mvt: Uint8Array | null }>(
    db,
    sql`select ST_AsMVT(t, ${TILE_LAYER}, ${TILE_EXTENT}, 'geom') as mvt from (
      select count, id, name, location_id,
             ST_AsMVTGeom(m, ST_TileEnvelope(${tile.z}::int, ${tile.x}::int, ${tile.y}::int), ${TILE_EXTENT}, 0, false) as geom
      from (${tileRowsSql(filter, tile)}) r) t`,
  );
  return row?.mvt ? new Uint8Array(row.mvt) : new Uint8Array(0);
}
