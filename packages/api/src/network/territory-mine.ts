// "My territories": the ones assigned to the caller (all for an administrator), with their counts.
import { selectRows } from '@caremap/db';
import type { MultiPolygonGeometry } from '@caremap/db/schema';
import { sql } from 'drizzle-orm';
import type { Context } from '../context';
import { scopeOf } from '../policy';

type TerritoryRow = {
  id: string;
  name: string;
  kind: 'region' | 'orp' | 'county' | 'district' | 'custom';
  country: string;
  approximate: boolean;
  geometry: string | MultiPolygonGeometry;
  location_count: number;
  partner_institution_count: number;
};

/** The territories the signed-in user works in (all of them for an administrator). */
export async function mineHandler(ctx: Pick<Context, 'db' | 'user'>) {
  const scope = scopeOf(ctx.user, 'territory', 'read');
  if (!scope || (scope !== 'all' && ctx.user!.territoryIds.length === 0)) return { items: [] };
  const filter =
    scope === 'all'
      ? sql`true`
      : sql`t.id in (${sql.join(
          ctx.user!.territoryIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
  const rows = await selectRows<TerritoryRow>(
    ctx.db,
    sql`
      select t.id, t.name, t.kind, t.country, t.approximate,
             ST_AsGeoJSON(t.geom, 5) as geometry,
             (select count(*)::int from location l where ST_Intersects(t.geom, l.geom)) as location_count,
             (select count(*)::int from partner_institution p where p.territory_id = t.id) as partner_institution_count
      from territory t
      where ${filter}
      order by t.country, t.kind, t.name`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      country: r.country,
      approximate: r.approximate,
      geometry: (typeof r.geometry === 'string'
        ? JSON.parse(r.geometry)
        : r.geometry) as MultiPolygonGeometry,
      locationCount: Number(r.location_count),
      partnerInstitutionCount: Number(r.partner_institution_count),
    })),
  };
}
