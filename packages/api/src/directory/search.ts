// THE directory search: one query builder behind tRPC (`directory.search`), the HSDS REST API and
// the vector tiles, so every door answers the same query with the same services in the same order.
//
// Rules (each checked by an independent brute-force test in search.test.ts):
// - status: active and temporarily closed services are found; only active ones are ever open.
// - text: every word must occur (accent- and case-blind) in the service's search document (name,
//   alternate name, organization, term labels in every language, descriptions); the last word is a
//   prefix; an unknown word stands for its nearest known words (typo). Name hits rank first.
// - taxonomyTermIds: tagged (attribute on the service) with a term or any of its descendants.
// - near/placeId + radiusMeters: some location's PUBLIC point (location.public_geom) within the
//   radius (default 25 km). Distances are always to public points, never to a hidden exact one.
// - openNow/openAt: open-hours.ts over migration 0013: WEEKLY schedules in the service's
//   zone, valid_from/valid_to, closed on the location country's public holidays (open-hours.ts).
// - age: minimum_age <= age <= maximum_age, a missing bound is open.
// - language: a `language` row of the service with the code or an equivalent (hu = hun).
// - free: a cost option with free = true valid on the asked day (UTC date); no cost option = unknown,
//   not free. The HSDS free-text `fees` is not interpreted.
// - wheelchair: the facet attribute caremap-facets/wheelchair_accessible with value true, on the
//   service or on one of its locations. Text is never read: "Nem akadálymentes" is not accessible.
// - attendingType: a schedule of the service with that attending_type; hybrid counts as in_person
//   and online.
// - sort: relevance (name hit, ts_rank, then distance), distance, or name; id breaks every tie.
import { type Database, selectRows } from '@caremap/db';
import {
  DEFAULT_RADIUS_METERS,
  type ServiceSearchInput,
  type ServiceSearchQuery,
  serviceSearchInput,
} from '@caremap/validators';
import { type SQL, sql } from 'drizzle-orm';
import { equivalentLanguageCodes } from './languages';
import { openAtSql } from './open-hours';
import { placeById } from './places';
import { buildTextQuery, type TextQuery } from './text-query';

export interface ServiceSearchItem {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  status: string;
  /** Metres from the asked point to the nearest PUBLIC point of the service; null without a point. */
  distanceMeters: number | null;
  /** The public point of the nearest (or, without a point, the first) location; null when none. */
  locationId: string | null;
  lat: number | null;
  lng: number | null;
  /** Open at the asked instant (openAt, else now). */
  openNow: boolean;
}

export interface ServiceSearchResult {
  total: number;
  page: number;
  size: number;
  /** The instant "open" refers to (RFC 3339, UTC). */
  at: string;
  items: ServiceSearchItem[];
}

/** A search parameter that parses but cannot be used (an unknown place). */
export class SearchInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'SearchInputError';
  }
}

export const FACET_TAXONOMY = 'caremap-facets';

/** A facet attribute (caremap-facets/code) with a true value, linked to this service or its locations. */
export const facetTrue = (code: string, serviceId: SQL) => sql`exists (
  select 1 from attribute fa join taxonomy_term ft on ft.id = fa.taxonomy_term_id
  where ft.taxonomy = ${FACET_TAXONOMY} and ft.code = ${code}
    and lower(coalesce(fa.value, '')) in ('true', 'yes', '1')
    and ((fa.link_entity = 'service' and fa.link_id = ${serviceId})
      or (fa.link_entity = 'location'
          and fa.link_id in (select location_id from service_at_location where service_id = ${serviceId}))))`;

/** The same rule as `facetTrue`, as the set of service ids (column `sid`) it holds for. */
export const facetServiceIds = (code: string) => sql`
  select fa.link_id as sid from attribute fa join taxonomy_term ft on ft.id = fa.taxonomy_term_id
  where ft.taxonomy = ${FACET_TAXONOMY} and ft.code = ${code} and fa.link_entity = 'service'
    and lower(coalesce(fa.value, '')) in ('true', 'yes', '1')
  union
  select sal.service_id from attribute fa join taxonomy_term ft on ft.id = fa.taxonomy_term_id
  join service_at_location sal on sal.location_id = fa.link_id
  where ft.taxonomy = ${FACET_TAXONOMY} and ft.code = ${code} and fa.link_entity = 'location'
    and lower(coalesce(fa.value, '')) in ('true', 'yes', '1')`;

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
const textArray = (values: readonly string[]) =>
  sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]`;

export interface SearchOptions {
  /** "Now" for openNow and for cost validity; tests pin it. */
  now?: Date;
}

/**
 * The filter part of the directory search, shared by the list (`searchServices`) and the vector
 * tiles (tiles.ts), so a map and a list of the same query show the same services. `where` is a
 * condition over `service s`, joined with `service_search ss` when `text` is set; `locationWithin` is the condition a
 * location `l` must meet to be shown (a public point, within the radius when a point is given).
 */
export interface ServiceFilter {
  input: ServiceSearchQuery;
  /** The instant "open" refers to (openAt, else now). */
  at: Date;
  where: SQL;
  text: TextQuery | null;
  origin: { lat: number; lng: number } | undefined;
  radius: number;
  /** The origin as a PostGIS point (SRID 4326); null without one. */
  point: SQL | null;
  locationWithin: (l: SQL) => SQL;
}

/** Parses a search input (zod) and builds its filter; an unknown place is a SearchInputError. */
export async function serviceFilter(
  db: Database,
  rawInput: ServiceSearchInput,
  options: SearchOptions = {},
): Promise<ServiceFilter> {
  const input = serviceSearchInput.parse(rawInput);
  const at = input.openAt ? new Date(input.openAt) : (options.now ?? new Date());
  const today = at.toISOString().slice(0, 10);

  let origin: { lat: number; lng: number } | undefined = input.near;
  if (input.placeId !== undefined) {
    const town = placeById(input.placeId);
    if (!town) throw new SearchInputError('placeId', `no place with id ${input.placeId} in the gazetteer`);
    origin = { lat: town.lat, lng: town.lon };
  }
  const radius = input.radiusMeters ?? DEFAULT_RADIUS_METERS;
  const text = await buildTextQuery(db, input.text);
  const where: SQL[] = [sql`s.status in ('active', 'temporarily closed')`];
  if (text) where.push(sql`ss.document @@ to_tsquery('simple', ${text.any})`);
  if (input.taxonomyTermIds?.length) {
    where.push(sql`exists (
      with recursive terms(id) as (
        select unnest(${uuidArray(input.taxonomyTermIds)})
        union select t.id from taxonomy_term t join terms on t.parent_id = terms.id
      )
      select 1 from attribute a
      where a.link_entity = 'service' and a.link_id = s.id and a.taxonomy_term_id in (select id from terms))`);
  }
  if (input.openNow || input.openAt) where.push(openAtSql(sql`s.id`, at));
  if (input.age !== undefined) {
    where.push(
      sql`(s.minimum_age is null or s.minimum_age <= ${input.age}) and (s.maximum_age is null or ${input.age} <= s.maximum_age)`,
    );
  }
  if (input.language) {
    where.push(sql`exists (select 1 from language lg where lg.service_id = s.id
      and lower(lg.code) = any (${textArray(equivalentLanguageCodes(input.language))}))`);
  }
  if (input.free) {
    where.push(sql`exists (select 1 from cost_option c where c.service_id = s.id and c.free
      and (c.valid_from is null or c.valid_from <= ${today}::date)
      and (c.valid_to is null or ${today}::date <= c.valid_to))`);
  }
  // As one set: a correlated EXISTS per candidate took ~45 s over the demo data on PGlite.
  if (input.wheelchair)
    where.push(sql`s.id in (select sid from (${facetServiceIds('wheelchair_accessible')}) f)`);
  if (input.attendingType) {
    const types = input.attendingType === 'phone' ? ['phone'] : [input.attendingType, 'hybrid'];
    where.push(sql`exists (select 1 from service_schedule_rule r
      where r.service_id = s.id and r.attending_type::text = any (${textArray(types)}))`);
  }
  if (input.organizationId) where.push(sql`s.organization_id = ${input.organizationId}::uuid`);
  if (input.modifiedAfter) where.push(sql`s.updated_at > ${input.modifiedAfter}::timestamptz`);

  const point = origin ? sql`ST_SetSRID(ST_MakePoint(${origin.lng}, ${origin.lat}), 4326)` : null;
  const locationWithin = (l: SQL) =>
    point && origin
      ? sql`${l}.public_geom is not null
          and ${l}.public_geom && ST_Expand(${point}, ${degreesFor(radius, origin.lat)})
          and ST_DWithin(${l}.public_geom::geography, ${point}::geography, ${radius})`
      : sql`${l}.public_geom is not null`;
  return { input, at, where: sql.join(where, sql` and `), text, origin, radius, point, locationWithin };
}

export async function searchServices(
  db: Database,
  rawInput: ServiceSearchInput,
  options: SearchOptions = {},
): Promise<ServiceSearchResult> {
  const filter = await serviceFilter(db, rawInput, options);
  const { input, at, text, origin, point } = filter;
  const atIso = at.toISOString();
  const sort = input.sort ?? (text ? 'relevance' : origin ? 'distance' : 'name');

  // With a point: the nearest public point within the radius (no such location, no result).
  // Without one: the service's first location by id, looked up for the page's rows only.
  const nearest = point
    ? sql`join lateral (
        select l.id as location_id, ST_Y(l.public_geom) as lat, ST_X(l.public_geom) as lng,
               ST_Distance(l.public_geom::geography, ${point}::geography) as distance
        from service_at_location sal join location l on l.id = sal.location_id
        where sal.service_id = s.id and ${filter.locationWithin(sql`l`)}
        order by distance, l.id limit 1) loc on true`
    : sql``;
  const located = point
    ? sql`loc.location_id, loc.lat, loc.lng, loc.distance`
    : sql`null::uuid as location_id, null::float8 as lat, null::float8 as lng, null::float8 as distance`;
  const firstLocation = sql`left join lateral (
        select l.id as location_id, ST_Y(l.public_geom) as lat, ST_X(l.public_geom) as lng
        from service_at_location sal join location l on l.id = sal.location_id
        where sal.service_id = p.id and l.public_geom is not null
        order by l.id limit 1) first on true`;

  const rank = text
    ? sql`(case when ss.document @@ to_tsquery('simple', ${text.name}) then 1 else 0 end)
          + ts_rank(ss.document, to_tsquery('simple', ${text.any}))`
    : sql`0::float8`;
  const offset = (input.page - 1) * input.size;
  const filtered = sql`
        from service s
        join organization o on o.id = s.organization_id
        join service_search ss on ss.service_id = s.id
        ${nearest}
        where ${filter.where}`;

  // Items and count are two statements (run side by side), so a page needs no window over every
  // match and the name order can walk the (name_text, service_id) index.
  const [rows, [counted]] = await Promise.all([
    selectRows<{
      id: string;
      name: string;
      organization_id: string;
      organization_name: string;
      status: string;
      location_id: string | null;
      lat: number | null;
      lng: number | null;
      distance: number | null;
      open_now: boolean;
    }>(
      db,
      sql`
      select p.id, p.name, p.organization_id, p.organization_name, p.status, p.distance,
             ${point ? sql`p.location_id, p.lat, p.lng` : sql`first.location_id, first.lat, first.lng`},
             ${openAtSql(sql`p.id`, at)} as open_now
      from (
        select s.id, s.name, s.organization_id, o.name as organization_name, s.status::text as status,
               ss.name_text, ${located}, ${rank} as rank
        ${filtered}
        order by ${orderBy(sort, 'inner', !!point)}
        limit ${input.size} offset ${offset}
      ) p
      ${point ? sql`` : firstLocation}
      order by ${orderBy(sort, 'outer', !!point)}`,
    ),
    selectRows<{ n: number }>(db, sql`select count(*)::int as n ${filtered}`),
  ]);
  const total = counted?.n ?? 0;
  return {
    total: Number(total),
    page: input.page,
    size: input.size,
    at: atIso,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      organizationId: r.organization_id,
      organizationName: r.organization_name,
      status: r.status,
      distanceMeters: r.distance === null ? null : Math.round(Number(r.distance)),
      locationId: r.location_id,
      lat: r.lat === null ? null : Number(r.lat),
      lng: r.lng === null ? null : Number(r.lng),
      openNow: r.open_now === true || (r.open_now as unknown) === 't',
    })),
  };
}

function orderBy(sort: 'relevance' | 'distance' | 'name', level: 'inner' | 'outer', hasPoint: boolean): SQL {
  const c = (inner: string, outer: string) => sql.raw(level === 'inner' ? inner : `p.${outer}`);
  const name = c('ss.name_text', 'name_text');
  const id = c('ss.service_id', 'id');
  const distance = c('loc.distance', 'distance');
  const rank = sql.raw(level === 'inner' ? 'rank' : 'p.rank');
  if (sort === 'distance') return sql`${distance} asc nulls last, ${id}`;
  if (sort === 'name') return sql`${name}, ${id}`;
  return hasPoint
    ? sql`${rank} desc, ${distance} asc nulls last, ${name}, ${id}`
    : sql`${rank} desc, ${name}, ${id}`;
}

/** A bounding-box margin (degrees) that surely contains the radius, for the GiST index prefilter. */
function degreesFor(radiusMeters: number, lat: number): number {
  const perDegree = 111_320 * Math.max(0.05, Math.cos((Math.abs(lat) * Math.PI) / 180));
  return (radiusMeters / perDegree) * 1.01 + 0.001;
}
