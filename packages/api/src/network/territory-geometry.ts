// Turning what a user hands over (a GeoJSON or KML file, a polygon drawn on the map) into the
// MultiPolygon a territory stores, or a specific reason why not. Structural problems (broken JSON,
// a Point, an open ring, a projected CRS, swapped axes) are found in JS on the raw coordinates,
// before PostGIS would silently "fix" or reject them; validity and simplification are PostGIS's
// (ST_IsValidReason, ST_MakeValid, ST_SimplifyPreserveTopology). Nothing here writes.
import { type Database, selectRows } from '@caremap/db';
import type { MultiPolygonGeometry } from '@caremap/db/schema';
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { sql } from 'drizzle-orm';
import { appError } from '../errors';

/** Most vertices a stored territory may have; above it the user is offered a simplified preview. */
export const MAX_TERRITORY_VERTICES = 10_000;
/** Above this a file is refused outright (a simplified preview would say nothing useful). */
export const HARD_MAX_VERTICES = 1_000_000;

export type GeometryProblem =
  | 'broken_json'
  | 'broken_kml'
  | 'no_geometry'
  | 'not_polygon'
  | 'open_ring'
  | 'too_few_points'
  | 'projected_crs'
  | 'swapped_coordinates'
  | 'self_intersection'
  | 'invalid_geometry'
  | 'too_many_vertices'
  | 'outside_parent';

export type Accept = 'repaired' | 'simplified';

export interface GeometryProblemDetails {
  problem: GeometryProblem;
  /** e.g. the geometry type found, the CRS named, PostGIS's reason. */
  found?: string;
  vertices?: number;
  limit?: number;
  /** When the user may confirm a fixed version: what to send back as `accept`, and its preview. */
  accept?: Accept;
  preview?: MultiPolygonGeometry;
}

const messages: Record<GeometryProblem, string> = {
  broken_json: 'The file is not valid JSON',
  broken_kml: 'The file is not valid KML',
  no_geometry: 'The file contains no geometry',
  not_polygon: 'The geometry must be a Polygon or MultiPolygon',
  open_ring: 'A ring of the polygon is not closed (its first and last points differ)',
  too_few_points: 'A ring of the polygon has fewer than four points',
  projected_crs: 'The coordinates are not WGS 84 longitude/latitude (a projected coordinate system)',
  swapped_coordinates: 'Latitude and longitude appear to be swapped',
  self_intersection: 'The polygon intersects itself',
  invalid_geometry: 'The polygon is not valid',
  too_many_vertices: 'The polygon has too many vertices',
  outside_parent: 'The polygon lies outside the parent territory',
};

export function geometryError(details: GeometryProblemDetails) {
  const extra = details.found ? `: ${details.found}` : '';
  return appError('BAD_REQUEST', 'invalid_geometry', `${messages[details.problem]}${extra}`, details);
}

type Position = number[];
type Polygon = Position[][];

const WGS84_NAMES = new Set([
  'EPSG:4326',
  'urn:ogc:def:crs:EPSG::4326',
  'urn:ogc:def:crs:OGC:1.3:CRS84',
  'urn:ogc:def:crs:OGC::CRS84',
  'OGC:CRS84',
  'CRS84',
]);

/** Where our users' territories lie (lon/lat boxes of CZ, HU, TR with a margin). */
const COUNTRY_BOXES: Array<[number, number, number, number]> = [
  [11.8, 48.4, 19.1, 51.2],
  [15.9, 45.6, 23.0, 48.7],
  [25.5, 35.7, 45.0, 42.2],
];
const inBoxes = (x: number, y: number) =>
  COUNTRY_BOXES.some(([w, s, e, n]) => x >= w && x <= e && y >= s && y <= n);

/** Reads a GeoJSON or KML file into a GeoJSON object (not yet checked). */
export function parseGeometryFile(file: { format: 'geojson' | 'kml'; content: string }): unknown {
  if (file.format === 'kml') {
    const errors: string[] = [];
    let doc: ReturnType<DOMParser['parseFromString']> | undefined;
    try {
      doc = new DOMParser({
        onError: (level, message) => {
          if (level !== 'warning') errors.push(message);
        },
      }).parseFromString(file.content, 'text/xml');
    } catch (error) {
      errors.push((error as Error).message);
    }
    if (!doc || errors.length > 0 || !doc.documentElement || doc.documentElement.nodeName !== 'kml')
      throw geometryError({ problem: 'broken_kml', found: errors[0]?.split('\n')[0] });
    return kml(doc as unknown as Document);
  }
  try {
    return JSON.parse(file.content);
  } catch (error) {
    throw geometryError({ problem: 'broken_json', found: (error as Error).message });
  }
}

/** The polygons of any GeoJSON object (geometry, Feature, FeatureCollection), or a specific refusal. */
export function polygonsOf(value: unknown): Polygon[] {
  const polygons: Polygon[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') throw geometryError({ problem: 'no_geometry' });
    const o = node as Record<string, unknown>;
    if ('crs' in o && o.crs) checkCrs(o.crs);
    switch (o.type) {
      case 'FeatureCollection':
        if (!Array.isArray(o.features)) throw geometryError({ problem: 'no_geometry' });
        for (const f of o.features) visit(f);
        return;
      case 'Feature':
        if (!o.geometry) return;
        visit(o.geometry);
        return;
      case 'GeometryCollection':
        if (!Array.isArray(o.geometries)) throw geometryError({ problem: 'no_geometry' });
        for (const g of o.geometries) visit(g);
        return;
      case 'Polygon':
        polygons.push(checkPolygon(o.coordinates));
        return;
      case 'MultiPolygon':
        if (!Array.isArray(o.coordinates)) throw geometryError({ problem: 'invalid_geometry' });
        for (const p of o.coordinates) polygons.push(checkPolygon(p));
        return;
      default:
        throw geometryError({
          problem: 'not_polygon',
          found: typeof o.type === 'string' ? o.type : 'unknown',
        });
    }
  };
  visit(value);
  if (polygons.length === 0) throw geometryError({ problem: 'no_geometry' });
  checkAxes(polygons);
  return polygons;
}

function checkCrs(crs: unknown) {
  const name = (crs as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name !== 'string' || !WGS84_NAMES.has(name))
    throw geometryError({ problem: 'projected_crs', found: typeof name === 'string' ? name : 'unknown' });
}

function checkPolygon(coordinates: unknown): Polygon {
  if (!Array.isArray(coordinates) || coordinates.length === 0)
    throw geometryError({ problem: 'invalid_geometry', found: 'no rings' });
  for (const ring of coordinates) {
    if (
      !Array.isArray(ring) ||
      !ring.every((p) => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]))
    )
      throw geometryError({ problem: 'invalid_geometry', found: 'a position is not a pair of numbers' });
    if (ring.length < 3) throw geometryError({ problem: 'too_few_points' });
    const first = ring[0] as Position;
    const last = ring.at(-1) as Position;
    if (first[0] !== last[0] || first[1] !== last[1]) throw geometryError({ problem: 'open_ring' });
    if (ring.length < 4) throw geometryError({ problem: 'too_few_points' });
  }
  return coordinates as Polygon;
}

/** Projected metres, or lat/lon in the wrong order (only plausible for CZ/HU/TR the other way round). */
function checkAxes(polygons: Polygon[]) {
  let plain = 0;
  let swapped = 0;
  let total = 0;
  for (const polygon of polygons)
    for (const ring of polygon)
      for (const [x, y] of ring as [number, number][]) {
        if (Math.abs(x) > 180 || Math.abs(y) > 90) throw geometryError({ problem: 'projected_crs' });
        total++;
        if (inBoxes(x, y)) plain++;
        if (inBoxes(y, x)) swapped++;
      }
  if (plain === 0 && swapped === total) throw geometryError({ problem: 'swapped_coordinates' });
}

export interface CheckedGeometry {
  geometry: MultiPolygonGeometry;
  vertices: number;
  areaKm2: number;
  /** Set when the geometry is a confirmed repair or simplification of what was handed over. */
  accepted?: Accept;
}

const asGeometry = (value: unknown) =>
  (typeof value === 'string' ? JSON.parse(value) : value) as MultiPolygonGeometry;

/**
 * Checks polygons with PostGIS: invalid (self-intersecting...) ones need `accept: 'repaired'`,
 * too many vertices `accept: 'simplified'`; otherwise the error carries the preview to confirm.
 */
export async function checkGeometry(
  db: Database,
  polygons: Polygon[],
  accept?: Accept,
): Promise<CheckedGeometry> {
  const vertexCount = polygons.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
  if (vertexCount > HARD_MAX_VERTICES)
    throw geometryError({ problem: 'too_many_vertices', vertices: vertexCount, limit: HARD_MAX_VERTICES });
  const input = JSON.stringify({ type: 'MultiPolygon', coordinates: polygons });
  const [validity] = await selectRows<{ valid: boolean; reason: string }>(
    db,
    sql`with g as (select ST_SetSRID(ST_GeomFromGeoJSON(${input}), 4326) as geom)
        select ST_IsValid(geom) as valid, ST_IsValidReason(geom) as reason from g`,
  );
  let geom = sql`ST_SetSRID(ST_GeomFromGeoJSON(${input}), 4326)`;
  let accepted: Accept | undefined;
  if (!validity!.valid) {
    const repaired = sql`ST_Multi(ST_CollectionExtract(ST_MakeValid(${geom}), 3))`;
    const selfIntersection = /self-intersection/i.test(validity!.reason);
    if (accept !== 'repaired') {
      const [row] = await selectRows<{ preview: string }>(
        db,
        sql`select ST_AsGeoJSON(${repaired}, 6) as preview`,
      );
      throw geometryError({
        problem: selfIntersection ? 'self_intersection' : 'invalid_geometry',
        found: selfIntersection ? undefined : validity!.reason,
        accept: 'repaired',
        preview: asGeometry(row!.preview),
      });
    }
    geom = repaired;
    accepted = 'repaired';
  }
  if (vertexCount > MAX_TERRITORY_VERTICES) {
    const simplified = await simplify(db, geom);
    if (accept !== 'simplified' && accepted === undefined)
      throw geometryError({
        problem: 'too_many_vertices',
        vertices: vertexCount,
        limit: MAX_TERRITORY_VERTICES,
        accept: 'simplified',
        preview: simplified.geometry,
      });
    if (accept !== 'simplified' && accept !== 'repaired')
      throw geometryError({
        problem: 'too_many_vertices',
        vertices: vertexCount,
        limit: MAX_TERRITORY_VERTICES,
      });
    return { ...simplified, accepted: 'simplified' };
  }
  const [row] = await selectRows<{ geometry: string; vertices: number; area: number }>(
    db,
    sql`with g as (select ${geom} as geom)
        select ST_AsGeoJSON(geom, 6) as geometry, ST_NPoints(geom)::int as vertices,
               (ST_Area(geom::geography) / 1e6)::float8 as area from g`,
  );
  return {
    geometry: asGeometry(row!.geometry),
    vertices: Number(row!.vertices),
    areaKm2: Number(row!.area),
    accepted,
  };
}

/**
 * The finest ST_SimplifyPreserveTopology (tolerance growing 4x from about a millimetre) that
 * brings the polygon under the vertex limit, so the preview keeps as much detail as allowed.
 */
async function simplify(db: Database, geom: ReturnType<typeof sql>) {
  for (let tolerance = 1e-9; tolerance < 1; tolerance *= 4) {
    const [row] = await selectRows<{ geometry: string; vertices: number; area: number }>(
      db,
      sql`with g as (select ST_Multi(ST_SimplifyPreserveTopology(${geom}, ${tolerance}::float8)) as geom)
          select ST_AsGeoJSON(geom, 6) as geometry, ST_NPoints(geom)::int as vertices,
                 (ST_Area(geom::geography) / 1e6)::float8 as area from g`,
    );
    if (Number(row!.vertices) <= MAX_TERRITORY_VERTICES)
      return {
        geometry: asGeometry(row!.geometry),
        vertices: Number(row!.vertices),
        areaKm2: Number(row!.area),
      };
  }
  throw geometryError({ problem: 'too_many_vertices', limit: MAX_TERRITORY_VERTICES });
}
