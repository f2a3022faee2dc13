/** [west, south, east, north] in WGS84 degrees, as the API's bbox inputs take it. */
export type Bbox = [number, number, number, number];

export interface PointFeature<P = Record<string, unknown>> {
  type: 'Feature';
  id?: string | number;
  geometry: { type: 'Point'; coordinates: [number, number] | number[] };
  properties: P;
}

export interface PointCollection<P = Record<string, unknown>> {
  type: 'FeatureCollection';
  features: Array<PointFeature<P>>;
}

export interface AreaFeature<P = Record<string, unknown>> {
  type: 'Feature';
  id?: string | number;
  geometry:
    | { type: 'Polygon'; coordinates: number[][][] }
    | { type: 'MultiPolygon'; coordinates: number[][][][] };
  properties: P;
}

export interface AreaCollection<P = Record<string, unknown>> {
  type: 'FeatureCollection';
  features: Array<AreaFeature<P>>;
}

type Nested = number | Nested[];

/**
 * Bounding box of any GeoJSON features. A dozen lines of coordinate walking; a geometry library
 * would be a dependency for one min/max loop.
 */
export function bboxOf(features: ReadonlyArray<{ geometry: { coordinates: unknown } }>): Bbox | undefined {
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  const visit = (value: Nested) => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      west = Math.min(west, value[0]);
      east = Math.max(east, value[0]);
      south = Math.min(south, value[1]);
      north = Math.max(north, value[1]);
      return;
    }
    for (const child of value) visit(child);
  };
  for (const feature of features) visit(feature.geometry.coordinates as Nested);
  return Number.isFinite(west) ? [west, south, east, north] : undefined;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const round = (value: number) => Math.round(value * 1e4) / 1e4;

/**
 * The visible map area as an API bbox: clamped to valid degrees (a zoomed-out view reaches past
 * ±180) and rounded to ~10 m, so tiny pans do not make new query keys.
 */
export function toApiBbox(west: number, south: number, east: number, north: number): Bbox {
  let w = round(clamp(west, -180, 180));
  let e = round(clamp(east, -180, 180));
  if (w >= e) [w, e] = [-180, 180];
  const s = round(clamp(south, -90, 90));
  const n = round(clamp(north, -90, 90));
  return [w, s, e, n];
}

/** Central Europe to Anatolia: where CareMap's users are, for a map with nothing to fit yet. */
export const defaultBounds: Bbox = [12, 36, 45, 51.5];
