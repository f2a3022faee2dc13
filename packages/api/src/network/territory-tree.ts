// The territory hierarchy as the caller may see it, and one territory's page.
import { selectRows } from '@caremap/db';
import type { MultiPolygonGeometry } from '@caremap/db/schema';
import { sql } from 'drizzle-orm';
import type { Context } from '../context';
import { scopeOf } from '../policy';
import { assertTerritoryAccess, mayOnTerritory } from './access';

type Kind = 'region' | 'orp' | 'county' | 'district' | 'custom';

export interface TerritoryNode {
  id: string;
  name: string;
  kind: Kind;
  code: string | null;
  country: string;
  parentId: string | null;
  approximate: boolean;
  /** Assigned to the caller directly. */
  assigned: boolean;
  /** False for ancestors shown only so the tree has its root (the caller may not open them). */
  inScope: boolean;
  /** Simplified for the overview map. */
  geometry: MultiPolygonGeometry;
}

const parse = (value: unknown) =>
  (typeof value === 'string' ? JSON.parse(value) : value) as MultiPolygonGeometry;
const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/**
 * Administrators: every territory. Others: those assigned to them, everything below those, and the
 * ancestors above (out of scope, for context). Sorted parents first so the client can nest them.
 */
export async function territoryTree(ctx: Pick<Context, 'db' | 'user'>): Promise<{ items: TerritoryNode[] }> {
  const scope = scopeOf(ctx.user, 'territory', 'read');
  const assigned = ctx.user?.territoryIds ?? [];
  if (!scope || (scope !== 'all' && assigned.length === 0)) return { items: [] };
  const seeds =
    scope === 'all'
      ? sql`select id, 0 from territory where parent_id is null`
      : sql`select id, 0 from territory where id in (${uuidList(assigned)})`;
  const rows = await selectRows<{
    id: string;
    name: string;
    kind: Kind;
    code: string | null;
    country: string;
    parent_id: string | null;
    approximate: boolean;
    in_scope: boolean;
    geometry: unknown;
  }>(
    ctx.db,
    sql`with recursive down(id, depth) as (
          ${seeds}
          union all select t.id, down.depth + 1 from territory t join down on t.parent_id = down.id where down.depth < 20),
        up(id, parent_id, depth) as (
          select t.id, t.parent_id, 0 from territory t where t.id in (select id from down)
          union all select t.id, t.parent_id, up.depth + 1 from territory t join up on t.id = up.parent_id where up.depth < 20),
        visible as (select distinct id from up)
        select t.id, t.name, t.kind, t.code, t.country, t.parent_id, t.approximate,
               (t.id in (select id from down)) as in_scope,
               ST_AsGeoJSON(ST_Multi(ST_SimplifyPreserveTopology(t.geom, 0.002)), 5) as geometry
        from territory t join visible v on v.id = t.id
        order by t.country, t.name`,
  );
  const assignedSet = new Set(assigned);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      code: r.code,
      country: r.country,
      parentId: r.parent_id,
      approximate: r.approximate,
      assigned: assignedSet.has(r.id),
      inScope: Boolean(r.in_scope),
      geometry: parse(r.geometry),
    })),
  };
}

/** One territory: its boundary, lineage, children, who is assigned, and what the caller may do. */
export async function territoryPage(ctx: Pick<Context, 'db' | 'user'>, territoryId: string) {
  const lineage = await assertTerritoryAccess(ctx, territoryId, 'read');
  const [row] = await selectRows<{
    id: string;
    name: string;
    kind: Kind;
    code: string | null;
    country: string;
    parent_id: string | null;
    approximate: boolean;
    source: string | null;
    geometry: unknown;
    area_km2: number;
    vertices: number;
    location_count: number;
    partner_institution_count: number;
  }>(
    ctx.db,
    sql`select t.id, t.name, t.kind, t.code, t.country, t.parent_id, t.approximate, t.source,
               ST_AsGeoJSON(t.geom, 6) as geometry, (ST_Area(t.geom::geography) / 1e6)::float8 as area_km2,
               ST_NPoints(t.geom)::int as vertices,
               (select count(*)::int from location l where ST_Intersects(t.geom, l.geom)) as location_count,
               (select count(*)::int from partner_institution p where p.territory_id = t.id) as partner_institution_count
        from territory t where t.id = ${territoryId}::uuid`,
  );
  const ancestors =
    lineage.length > 1
      ? await selectRows<{ id: string; name: string; kind: Kind }>(
          ctx.db,
          sql`select id, name, kind from territory where id in (${uuidList(lineage.slice(1))})`,
        )
      : [];
  const children = await selectRows<{ id: string; name: string; kind: Kind }>(
    ctx.db,
    sql`select id, name, kind from territory where parent_id = ${territoryId}::uuid order by name`,
  );
  const assignees = await selectRows<{ id: string; display_name: string; roles: string }>(
    ctx.db,
    sql`select u.id, u.display_name,
               coalesce((select string_agg(distinct m.role::text, ',' order by m.role::text) from membership m where m.user_id = u.id), '') as roles
        from territory_assignment a join app_user u on u.id = a.user_id
        where a.territory_id = ${territoryId}::uuid order by u.display_name`,
  );
  const byId = new Map(ancestors.map((a) => [a.id, a]));
  const mayAssign = mayOnTerritory(ctx, lineage, 'update');
  return {
    id: row!.id,
    name: row!.name,
    kind: row!.kind,
    code: row!.code,
    country: row!.country,
    parentId: row!.parent_id,
    approximate: row!.approximate,
    source: row!.source,
    geometry: parse(row!.geometry),
    areaKm2: Number(row!.area_km2),
    vertices: Number(row!.vertices),
    locationCount: Number(row!.location_count),
    partnerInstitutionCount: Number(row!.partner_institution_count),
    /** Root first. */
    ancestors: lineage
      .slice(1)
      .reverse()
      .map((id) => byId.get(id))
      .filter((a) => a !== undefined),
    children,
    assignees: assignees.map((a) => ({
      id: a.id,
      displayName: a.display_name,
      roles: a.roles ? a.roles.split(',') : [],
    })),
    may: { assign: mayAssign, createInside: mayOnTerritory(ctx, lineage, 'create') },
  };
}
