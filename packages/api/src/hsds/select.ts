// WHICH services / service_at_locations match an HSDS list query, and in what order: the one place
// the HSDS API (lists, ndjson, export) decides that. The spec's filters (search, taxonomy_term_id,
// taxonomy_id, organization_id, modified_after; postcode and proximity on service_at_locations) and
// the extension filters, AND-combined, ordered by (service name, id) for stable keyset paging.
// Opening hours and wheelchair access are the directory search's own SQL (openAtSql, facetTrue).
// Not yet the directory's searchServices itself: HSDS lists every status and keyset-streams whole
// tables, which searchServices (active services, pages of 100) does not; see issue 14's notes.
// Coordinates: public_geom only.
import { type Database, selectRows } from '@caremap/db';
import { type SQL, sql } from 'drizzle-orm';
import { openAtSql } from '../directory/open-hours';
import { facetServiceIds } from '../directory/search';

/** Extension filters of CareMap's HSDS API (validated by the HTTP layer; see our openapi.json). */
export interface ExtensionFilters {
  lat?: number;
  lng?: number;
  /** Metres around lat/lng (on /services) or around the postcode's centre (on /service_at_locations). */
  proximity?: number;
  openNow?: boolean;
  openAt?: Date;
  age?: number;
  /** ISO 639-1 code. */
  language?: string;
  free?: boolean;
  wheelchair?: boolean;
  attendingType?: 'in_person' | 'online' | 'phone';
}

export interface ServiceQuery extends ExtensionFilters {
  search?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  modifiedAfter?: Date;
}

export interface ServiceAtLocationQuery extends ServiceQuery {
  postcode?: string;
}

/** A page (`offset`) or, for streaming everything, a keyset position after the last row seen. */
export type Window = { offset: number; limit: number } | { after: Cursor | null; limit: number };
export interface Cursor {
  name: string;
  id: string;
}

export interface Selection {
  ids: string[];
  /** Position of the last row, for the next keyset window; null when this window was empty. */
  last: Cursor | null;
  /** Total matches, when asked for (`withTotal`). */
  total?: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Conditions on service `s` (joined organization `o`). */
function serviceConditions(q: ServiceQuery): SQL[] {
  const where: SQL[] = [];
  // Opening hours and accessibility use the directory search's own SQL rules, so /api/hsds and
  // /find cannot disagree on what "open" or "wheelchair accessible" means.
  if (q.openAt !== undefined || q.openNow !== undefined) {
    const open = openAtSql(sql`s.id`, q.openAt ?? new Date());
    where.push(q.openAt !== undefined || q.openNow ? open : sql`not ${open}`);
  }
  if (q.wheelchair !== undefined) {
    // facetTrue's rule as one set (a correlated EXISTS per row is slow over whole-table lists).
    const accessible = sql`s.id in (select sid from (${facetServiceIds('wheelchair_accessible')}) f)`;
    where.push(q.wheelchair ? accessible : sql`not ${accessible}`);
  }
  if (q.search?.trim()) {
    const like = `%${escapeLike(q.search.trim())}%`;
    // Names and descriptions of the service, its organization and its taxonomy terms; never
    // addresses, so a search cannot find a hidden place by its street.
    where.push(sql`(s.name ilike ${like} or s.alternate_name ilike ${like} or s.description ilike ${like}
      or o.name ilike ${like} or o.description ilike ${like}
      or exists (select 1 from attribute a join taxonomy_term t on t.id = a.taxonomy_term_id
                 where a.link_entity = 'service' and a.link_id = s.id
                   and (t.name ilike ${like} or t.description ilike ${like}
                        or t.labels->>'hu' ilike ${like} or t.labels->>'cs' ilike ${like}
                        or t.labels->>'tr' ilike ${like} or t.labels->>'en' ilike ${like})))`);
  }
  if (q.taxonomyTermId) {
    // The term or any of its descendants.
    where.push(sql`exists (
      with recursive sub(id) as (
        select ${q.taxonomyTermId}::uuid
        union select t.id from taxonomy_term t join sub on t.parent_id = sub.id)
      select 1 from attribute a join sub on sub.id = a.taxonomy_term_id
      where a.link_entity = 'service' and a.link_id = s.id)`);
  }
  if (q.taxonomyId) {
    where.push(sql`exists (select 1 from attribute a join taxonomy_term t on t.id = a.taxonomy_term_id
      where a.link_entity = 'service' and a.link_id = s.id and t.taxonomy_id = ${q.taxonomyId}::uuid)`);
  }
  if (q.organizationId) where.push(sql`s.organization_id = ${q.organizationId}::uuid`);
  if (q.modifiedAfter) where.push(sql`s.updated_at >= ${q.modifiedAfter.toISOString()}::timestamptz`);
  if (q.age !== undefined) {
    where.push(sql`coalesce(s.minimum_age, 0) <= ${q.age} and coalesce(s.maximum_age, 1000) >= ${q.age}`);
  }
  if (q.language) {
    where.push(sql`exists (select 1 from language g where lower(g.code) = ${q.language.toLowerCase()}
      and (g.service_id = s.id or g.location_id in
           (select sal.location_id from service_at_location sal where sal.service_id = s.id)))`);
  }
  if (q.free !== undefined) {
    const free = sql`exists (select 1 from cost_option c where c.service_id = s.id and c.free)`;
    where.push(q.free ? free : sql`not ${free}`);
  }
  if (q.attendingType) {
    where.push(sql`exists (select 1 from schedule r where r.attending_type in (${q.attendingType}, 'hybrid')
      and (r.service_id = s.id or r.service_at_location_id in
           (select sal.id from service_at_location sal where sal.service_id = s.id)))`);
  }
  return where;
}

const point = (lat: number, lng: number) => sql`ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)::geography`;

const and = (conditions: SQL[]) => (conditions.length ? sql.join(conditions, sql` and `) : sql`true`);

function windowSql(window: Window, nameColumn: SQL, idColumn: SQL) {
  if ('offset' in window)
    return { where: sql`true`, tail: sql`limit ${window.limit} offset ${window.offset}` };
  const where = window.after
    ? sql`(${nameColumn}, ${idColumn}) > (${window.after.name}, ${window.after.id}::uuid)`
    : sql`true`;
  return { where, tail: sql`limit ${window.limit}` };
}

async function run(
  db: Database,
  from: SQL,
  conditions: SQL[],
  nameColumn: SQL,
  idColumn: SQL,
  window: Window,
  withTotal: boolean,
): Promise<Selection> {
  const page = windowSql(window, nameColumn, idColumn);
  const rows = await selectRows<{ id: string; name: string }>(
    db,
    sql`select ${idColumn} as id, ${nameColumn} as name ${from}
        where ${and(conditions)} and ${page.where}
        order by ${nameColumn}, ${idColumn} ${page.tail}`,
  );
  const last = rows.at(-1);
  const selection: Selection = {
    ids: rows.map((r) => r.id),
    last: last ? { name: last.name, id: last.id } : null,
  };
  if (withTotal) {
    const [count] = await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n ${from} where ${and(conditions)}`,
    );
    selection.total = Number(count?.n ?? 0);
  }
  return selection;
}

/** Services matching `query`, ordered by (name, id). */
export async function selectServices(
  db: Database,
  query: ServiceQuery,
  window: Window,
  withTotal = false,
): Promise<Selection> {
  const conditions = serviceConditions(query);
  if (query.lat !== undefined && query.lng !== undefined) {
    const radius = query.proximity ?? 10_000;
    conditions.push(sql`exists (select 1 from service_at_location sal join location l on l.id = sal.location_id
      where sal.service_id = s.id and ST_DWithin(l.public_geom::geography, ${point(query.lat, query.lng)}, ${radius}))`);
  }
  return run(
    db,
    sql`from service s join organization o on o.id = s.organization_id`,
    conditions,
    sql`s.name`,
    sql`s.id`,
    window,
    withTotal,
  );
}

/**
 * service_at_locations matching `query`, ordered by (service name, id). `postcode` alone matches
 * places with that postal code or services whose service area covers the postcode's centre;
 * with `proximity` it matches places within that many metres of the centre. A hidden address's
 * postal code is never matched or used for a centre: that would confirm where it is.
 */
export async function selectServiceAtLocations(
  db: Database,
  query: ServiceAtLocationQuery,
  window: Window,
  withTotal = false,
): Promise<Selection> {
  const conditions = serviceConditions(query);
  if (query.postcode) {
    const code = query.postcode.replace(/\s+/g, '').toLowerCase();
    const centre = sql`(select ST_Centroid(ST_Collect(pl.public_geom)) from location pl join address pa
      on pa.location_id = pl.id where not pl.address_hidden and pl.public_geom is not null
      and lower(replace(pa.postal_code, ' ', '')) = ${code})`;
    if (query.proximity !== undefined) {
      conditions.push(sql`ST_DWithin(l.public_geom::geography, ${centre}::geography, ${query.proximity})`);
    } else {
      conditions.push(sql`((not l.address_hidden and exists (select 1 from address a where a.location_id = l.id
          and lower(replace(a.postal_code, ' ', '')) = ${code}))
        or exists (select 1 from service_area sa where sa.service_id = s.id and sa.geom is not null
          and ST_Intersects(sa.geom, ${centre})))`);
    }
  } else if (query.lat !== undefined && query.lng !== undefined) {
    const radius = query.proximity ?? 10_000;
    conditions.push(sql`ST_DWithin(l.public_geom::geography, ${point(query.lat, query.lng)}, ${radius})`);
  }
  return run(
    db,
    sql`from service_at_location sal join service s on s.id = sal.service_id
        join organization o on o.id = s.organization_id join location l on l.id = sal.location_id`,
    conditions,
    sql`s.name`,
    sql`sal.id`,
    window,
    withTotal,
  );
}
