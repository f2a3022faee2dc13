// Creating a territory from administrative units, a drawn polygon or a GeoJSON/KML file. The check
// (a preview, nothing stored) and the creation run the same validation; the creation does it inside
// its transaction, so a refused file leaves no row behind.
import { type Database, schema, selectRows } from '@caremap/db';
import type { MultiPolygonGeometry } from '@caremap/db/schema';
import type { TerritoryCreateInput } from '@caremap/validators';
import { sql } from 'drizzle-orm';
import { audit } from '../audit';
import type { Context } from '../context';
import { appError } from '../errors';
import { assertTerritoryAccess, mayOnTerritory, territoryLineage } from './access';
import {
  type Accept,
  type CheckedGeometry,
  checkGeometry,
  geometryError,
  parseGeometryFile,
  polygonsOf,
} from './territory-geometry';

type Source = TerritoryCreateInput['source'];

/** A drawn polygon or a file, checked; units are unioned in SQL by `geometryOfUnits`. */
export async function checkSource(
  db: Database,
  source: Exclude<Source, { type: 'units' }>,
): Promise<CheckedGeometry> {
  const raw = source.type === 'file' ? parseGeometryFile(source.file) : source.geometry;
  return checkGeometry(db, polygonsOf(raw), source.accept as Accept | undefined);
}

async function geometryOfUnits(ctx: Pick<Context, 'db' | 'user'>, ids: string[]): Promise<CheckedGeometry> {
  for (const id of ids) await assertTerritoryAccess(ctx, id, 'read');
  const [row] = await selectRows<{ geometry: string; vertices: number; area: number }>(
    ctx.db,
    sql`with g as (select ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(geom)), 3)) as geom
                   from territory where id in (${sql.join(
                     ids.map((id) => sql`${id}::uuid`),
                     sql`, `,
                   )}))
        select ST_AsGeoJSON(geom, 6) as geometry, ST_NPoints(geom)::int as vertices,
               (ST_Area(geom::geography) / 1e6)::float8 as area from g`,
  );
  return {
    geometry: JSON.parse(row!.geometry) as MultiPolygonGeometry,
    vertices: Number(row!.vertices),
    areaKm2: Number(row!.area),
  };
}

export async function createTerritory(ctx: Context, input: TerritoryCreateInput) {
  const lineage = await assertTerritoryAccess(ctx, input.parentId, 'create');
  const result = await ctx.db.transaction(async (tx) => {
    const scoped = { db: tx as unknown as Database, user: ctx.user };
    const checked =
      input.source.type === 'units'
        ? await geometryOfUnits(scoped, input.source.territoryIds)
        : await checkSource(scoped.db, input.source);
    const [inside] = await selectRows<{ inside: boolean }>(
      scoped.db,
      sql`select ST_Intersects(geom, ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(checked.geometry)}), 4326)) as inside
          from territory where id = ${input.parentId}::uuid`,
    );
    if (!inside?.inside) throw geometryError({ problem: 'outside_parent' });
    const [parent] = await selectRows<{ country: string }>(
      scoped.db,
      sql`select country from territory where id = ${input.parentId}::uuid`,
    );
    const [created] = await tx
      .insert(schema.territory)
      .values({
        name: input.name,
        kind: input.kind,
        country: parent!.country,
        parentId: input.parentId,
        geom: checked.geometry,
        approximate: false,
        source: sourceNote(input.source.type, checked.accepted),
      })
      .returning({ id: schema.territory.id });
    // The creator works in what they made (administrators see everything anyway).
    if (ctx.user && !ctx.user.roles.some((r) => r.role === 'admin'))
      await tx
        .insert(schema.territoryAssignment)
        .values({ userId: ctx.user.userId, territoryId: created!.id });
    return { id: created!.id, vertices: checked.vertices, areaKm2: checked.areaKm2 };
  });
  await audit(ctx, {
    action: 'territory.create',
    outcome: 'success',
    resourceType: 'territory',
    resourceId: result.id,
    details: { source: input.source.type, parentId: input.parentId, depth: lineage.length },
  });
  return result;
}

function sourceNote(type: Source['type'], accepted: Accept | undefined) {
  const base =
    type === 'units'
      ? 'union of administrative units'
      : type === 'drawn'
        ? 'drawn on the map'
        : 'imported file';
  return accepted
    ? `${base} (${accepted === 'repaired' ? 'repaired with ST_MakeValid' : 'simplified'}, confirmed by the user)`
    : base;
}

/** Assigns or unassigns a networker or coordinator; coordinators inside their region, admins anywhere. */
export async function setAssignment(
  ctx: Context,
  input: { territoryId: string; userId: string },
  assigned: boolean,
) {
  await assertTerritoryAccess(ctx, input.territoryId, 'update');
  const [user] = await selectRows<{ ok: boolean }>(
    ctx.db,
    sql`select exists(select 1 from membership m where m.user_id = ${input.userId}::uuid
                      and m.role in ('networker', 'coordinator')) as ok`,
  );
  if (!user?.ok)
    throw appError('BAD_REQUEST', 'unknown_reference', 'No networker or coordinator with this id', {
      field: 'userId',
    });
  if (assigned)
    await ctx.db
      .insert(schema.territoryAssignment)
      .values({ userId: input.userId, territoryId: input.territoryId })
      .onConflictDoNothing();
  else
    await ctx.db.execute(
      sql`delete from territory_assignment where user_id = ${input.userId}::uuid and territory_id = ${input.territoryId}::uuid`,
    );
  await audit(ctx, {
    action: assigned ? 'territory.assign' : 'territory.unassign',
    outcome: 'success',
    resourceType: 'territory',
    resourceId: input.territoryId,
    details: { userId: input.userId },
  });
  return { ok: true as const };
}

/** Networkers and coordinators the caller may assign: same agency for coordinators, all for admins. */
export async function assignableUsers(ctx: Context, territoryId: string) {
  await assertTerritoryAccess(ctx, territoryId, 'update');
  const admin = ctx.user?.roles.some((r) => r.role === 'admin') ?? false;
  const agencies = ctx.user?.roles.map((r) => r.agencyId) ?? [];
  const filter =
    admin || agencies.length === 0
      ? sql`true`
      : sql`m.agency_id in (${sql.join(
          agencies.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
  const rows = await selectRows<{ id: string; display_name: string; assigned: boolean }>(
    ctx.db,
    sql`select u.id, u.display_name,
               exists(select 1 from territory_assignment a where a.user_id = u.id and a.territory_id = ${territoryId}::uuid) as assigned
        from app_user u
        where exists(select 1 from membership m where m.user_id = u.id and m.role in ('networker', 'coordinator') and ${filter})
        order by u.display_name`,
  );
  return {
    items: rows.map((r) => ({ id: r.id, displayName: r.display_name, assigned: Boolean(r.assigned) })),
  };
}

/** The territory as a GeoJSON Feature for the download URL; null when unknown or not the caller's. */
export async function territoryFeature(ctx: Pick<Context, 'db' | 'user'>, territoryId: string) {
  const lineage = await territoryLineage(ctx.db, territoryId);
  if (lineage.length === 0) return { status: 'not_found' as const };
  if (!mayOnTerritory(ctx, lineage, 'read')) return { status: 'forbidden' as const };
  const [row] = await selectRows<{
    id: string;
    name: string;
    kind: string;
    code: string | null;
    country: string;
    approximate: boolean;
    source: string | null;
    geometry: string;
  }>(
    ctx.db,
    sql`select id, name, kind, code, country, approximate, source, ST_AsGeoJSON(geom, 7) as geometry
        from territory where id = ${territoryId}::uuid`,
  );
  return {
    status: 'ok' as const,
    feature: {
      type: 'Feature' as const,
      id: row!.id,
      properties: {
        name: row!.name,
        kind: row!.kind,
        code: row!.code,
        country: row!.country,
        approximate: row!.approximate,
        source: row!.source,
      },
      geometry: (typeof row!.geometry === 'string'
        ? JSON.parse(row!.geometry)
        : row!.geometry) as MultiPolygonGeometry,
    },
  };
}
