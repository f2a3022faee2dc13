// Selection for the HSDS lists that are not services: organizations, taxonomies, taxonomy terms.
// Same paging contract as select.ts (stable order by name, id), plus the Last-Modified watermark
// of a response.
import { type Database, selectRows } from '@caremap/db';
import { type SQL, sql } from 'drizzle-orm';
import type { Selection } from './select';

export interface Page {
  offset: number;
  limit: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const like = (text: string) => `%${escapeLike(text.trim())}%`;
const and = (conditions: SQL[]) => (conditions.length ? sql.join(conditions, sql` and `) : sql`true`);

async function run(db: Database, table: SQL, conditions: SQL[], window: Page | null): Promise<Selection> {
  const tail = window ? sql`limit ${window.limit} offset ${window.offset}` : sql``;
  const rows = await selectRows<{ id: string; name: string }>(
    db,
    sql`select id, name from ${table} where ${and(conditions)} order by name, id ${tail}`,
  );
  const [count] = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${table} where ${and(conditions)}`,
  );
  const last = rows.at(-1);
  return { ids: rows.map((r) => r.id), last: last ?? null, total: Number(count?.n ?? 0) };
}

export function selectOrganizations(db: Database, query: { search?: string }, window: Page | null) {
  const where: SQL[] = [];
  if (query.search?.trim()) {
    const pattern = like(query.search);
    where.push(
      sql`(name ilike ${pattern} or alternate_name ilike ${pattern} or description ilike ${pattern})`,
    );
  }
  return run(db, sql`organization`, where, window);
}

export function selectTaxonomies(db: Database, query: { search?: string }, window: Page | null) {
  const where: SQL[] = [];
  if (query.search?.trim()) {
    const pattern = like(query.search);
    where.push(sql`(name ilike ${pattern} or description ilike ${pattern})`);
  }
  return run(db, sql`taxonomy`, where, window);
}

export interface TaxonomyTermQuery {
  search?: string;
  taxonomyId?: string;
  parentId?: string;
  /** Top-level terms only (no parent). */
  topOnly?: boolean;
}

export function selectTaxonomyTerms(db: Database, query: TaxonomyTermQuery, window: Page | null) {
  const where: SQL[] = [];
  if (query.search?.trim()) {
    const pattern = like(query.search);
    where.push(sql`(name ilike ${pattern} or description ilike ${pattern} or code ilike ${pattern}
      or labels->>'hu' ilike ${pattern} or labels->>'cs' ilike ${pattern}
      or labels->>'tr' ilike ${pattern} or labels->>'en' ilike ${pattern})`);
  }
  if (query.taxonomyId) where.push(sql`taxonomy_id = ${query.taxonomyId}::uuid`);
  if (query.parentId) where.push(sql`parent_id = ${query.parentId}::uuid`);
  if (query.topOnly) where.push(sql`parent_id is null`);
  return run(db, sql`taxonomy_term`, where, window);
}

export type HsdsKind = 'service' | 'service_at_location' | 'organization' | 'taxonomy' | 'taxonomy_term';

/**
 * The latest `updated_at` among the rows a response is built from (the objects and the children
 * that change most: locations, organizations), for Last-Modified. Null for an empty response.
 */
export async function lastModified(
  db: Database,
  kind: HsdsKind,
  ids: readonly string[],
): Promise<Date | null> {
  if (ids.length === 0) return null;
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const query: Record<HsdsKind, SQL> = {
    service: sql`select greatest(
        (select max(updated_at) from service where id in (${list})),
        (select max(o.updated_at) from organization o join service s on s.organization_id = o.id where s.id in (${list})),
        (select max(l.updated_at) from location l join service_at_location sal on sal.location_id = l.id
          where sal.service_id in (${list})),
        (select max(updated_at) from schedule where service_id in (${list}))) as at`,
    service_at_location: sql`select greatest(
        (select max(updated_at) from service_at_location where id in (${list})),
        (select max(s.updated_at) from service s join service_at_location sal on sal.service_id = s.id where sal.id in (${list})),
        (select max(l.updated_at) from location l join service_at_location sal on sal.location_id = l.id
          where sal.id in (${list}))) as at`,
    organization: sql`select greatest(
        (select max(updated_at) from organization where id in (${list})),
        (select max(updated_at) from service where organization_id in (${list}))) as at`,
    taxonomy: sql`select max(updated_at) as at from taxonomy where id in (${list})`,
    taxonomy_term: sql`select max(updated_at) as at from taxonomy_term where id in (${list})`,
  };
  const [row] = await selectRows<{ at: Date | string | null }>(db, query[kind]);
  return row?.at ? new Date(row.at) : null;
}
