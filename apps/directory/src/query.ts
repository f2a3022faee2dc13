/**
 * The /find search as URL search parameters, and back. The URL is the whole query, so a search can
 * be bookmarked, shared and walked with Back/Forward; nothing about it lives only in memory.
 *
 *   /find?q=poradna&place=3074199&town=Jihlava&r=25&open=1&age=12&lang=uk&page=2
 */

export const ATTENDING_TYPES = ['in_person', 'online', 'phone'] as const;
export type AttendingType = (typeof ATTENDING_TYPES)[number];
export const SORTS = ['relevance', 'distance', 'name'] as const;
export type Sort = (typeof SORTS)[number];
/** Radius choices in km; DEFAULT_RADIUS_KM applies when a place is set without one. */
export const RADII_KM = [5, 10, 25, 50, 100] as const;
export const DEFAULT_RADIUS_KM = 25;
export const PAGE_SIZE = 20;

export interface FindQuery {
  text?: string;
  /** A gazetteer town (its GeoNames id), with its name for the field. */
  placeId?: number;
  placeName?: string;
  /** "Use my location": rounded to ~100 m before it reaches the URL. */
  near?: { lat: number; lng: number };
  radiusKm?: number;
  openNow?: boolean;
  age?: number;
  language?: string;
  free?: boolean;
  wheelchair?: boolean;
  attendingType?: AttendingType;
  taxonomyTermId?: string;
  organizationId?: string;
  sort?: Sort;
  page?: number;
}

const int = (value: string | null, min: number, max: number): number | undefined => {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
};
const coordinate = (value: string | null, limit: number): number | undefined => {
  if (value === null || !/^-?\d+(\.\d+)?$/.test(value)) return undefined;
  const n = Number(value);
  return Math.abs(n) <= limit ? n : undefined;
};
const text = (value: string | null, max = 200) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
};
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** A URL's search parameters as a query; unknown or malformed values are left out, never guessed. */
export function parseQuery(params: URLSearchParams): FindQuery {
  const lat = coordinate(params.get('lat'), 90);
  const lng = coordinate(params.get('lng'), 180);
  const placeId = int(params.get('place'), 1, 2 ** 31 - 1);
  const query: FindQuery = {
    text: text(params.get('q')),
    placeId,
    placeName: placeId ? text(params.get('town'), 100) : undefined,
    near: !placeId && lat !== undefined && lng !== undefined ? { lat, lng } : undefined,
    radiusKm: int(params.get('r'), 1, 500),
    openNow: params.get('open') === '1' || undefined,
    age: int(params.get('age'), 0, 120),
    language: text(params.get('lang'), 12)?.toLowerCase(),
    free: params.get('free') === '1' || undefined,
    wheelchair: params.get('wheelchair') === '1' || undefined,
    attendingType: oneOf(ATTENDING_TYPES, params.get('mode')),
    taxonomyTermId: text(params.get('cat'), 100),
    organizationId: text(params.get('org'), 100),
    sort: oneOf(SORTS, params.get('sort')),
    page: int(params.get('page'), 1, 10_000),
  };
  if (query.page === 1) query.page = undefined;
  return stripUndefined(query);
}

/** The query as search parameters in a fixed order (so equal queries give equal URLs). */
export function toSearchParams(query: FindQuery): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.set(key, String(value));
  };
  set('q', query.text?.trim());
  if (query.placeId) {
    set('place', query.placeId);
    set('town', query.placeName);
  } else if (query.near) {
    set('lat', round3(query.near.lat));
    set('lng', round3(query.near.lng));
  }
  if (query.placeId || query.near) set('r', query.radiusKm);
  if (query.openNow) set('open', 1);
  set('age', query.age);
  set('lang', query.language);
  if (query.free) set('free', 1);
  if (query.wheelchair) set('wheelchair', 1);
  set('mode', query.attendingType);
  set('cat', query.taxonomyTermId);
  set('org', query.organizationId);
  set('sort', query.sort);
  if (query.page && query.page > 1) set('page', query.page);
  return params;
}

export function findUrl(query: FindQuery, path = '/find'): string {
  const search = toSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

export const hasPlace = (query: FindQuery) => Boolean(query.placeId || query.near);

/** The sort that applies: the chosen one if it fits, else relevance for text, distance for a place. */
export function effectiveSort(query: FindQuery): Sort {
  if (query.sort === 'distance' && hasPlace(query)) return 'distance';
  if (query.sort === 'relevance' && query.text) return 'relevance';
  if (query.sort === 'name') return 'name';
  if (query.text) return 'relevance';
  return hasPlace(query) ? 'distance' : 'name';
}

/** The `directory.search` input for a query (zod `serviceSearchInput` in @caremap/validators). */
export function toSearchInput(query: FindQuery) {
  const radiusMeters = hasPlace(query) ? (query.radiusKm ?? DEFAULT_RADIUS_KM) * 1000 : undefined;
  return stripUndefined({
    text: query.text,
    placeId: query.placeId,
    near: query.placeId ? undefined : query.near,
    radiusMeters,
    openNow: query.openNow,
    age: query.age,
    language: query.language,
    free: query.free,
    wheelchair: query.wheelchair,
    attendingType: query.attendingType,
    taxonomyTermIds: query.taxonomyTermId ? [query.taxonomyTermId] : undefined,
    organizationId: query.organizationId,
    sort: effectiveSort(query),
    page: query.page ?? 1,
    size: PAGE_SIZE,
  });
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The map's vector tile URL for a query: the list's filters as the tile endpoint's parameters
 * (GET /tiles/services/{z}/{x}/{y}.mvt, named like the HSDS API's extensions), so the map shows
 * every match of the search, clustered, while the list pages through them.
 */
export function tileUrl(query: FindQuery): string {
  const params = new URLSearchParams();
  const set = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.set(key, String(value));
  };
  set('search', query.text?.trim());
  if (query.placeId) set('place_id', query.placeId);
  else if (query.near) {
    set('lat', round3(query.near.lat));
    set('lng', round3(query.near.lng));
  }
  if (hasPlace(query)) set('proximity', (query.radiusKm ?? DEFAULT_RADIUS_KM) * 1000);
  if (query.openNow) set('open_now', 'true');
  set('age', query.age);
  set('language', query.language);
  if (query.free) set('free', 'true');
  if (query.wheelchair) set('wheelchair', 'true');
  set('attending_type', query.attendingType);
  set('taxonomy_term_id', query.taxonomyTermId);
  set('organization_id', query.organizationId);
  const search = params.toString();
  return `/tiles/services/{z}/{x}/{y}.mvt${search ? `?${search}` : ''}`;
}
