// Where a record lies, for the policy module: the territories whose polygon holds one of its points
// (a location's pin; an organization's or service's locations; a partner institution's pin). A
// networker's territories are ORPs, a coordinator's the region or all its ORPs: a point inside an ORP
// is inside its region too, so "some assigned territory holds the point" is the whole rule.
import { type Database, selectRows } from '@caremap/db';
import type { RecordEntity } from '@caremap/validators';
import { type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../../context';
import { appError } from '../../errors';
import { type Action, decide, scopeOf } from '../../policy';
import { territoryLineage } from '../access';
import { entities } from './fields';

/** The points of a record (`id` is an SQL uuid expression), as a subquery yielding `geom`. */
export function pointsOf(entity: RecordEntity, id: SQL): SQL {
  switch (entity) {
    case 'location':
      return sql`select geom from location where id = ${id}`;
    case 'partner_institution':
      return sql`select geom from partner_institution where id = ${id}`;
    // Aliases of their own: the subquery is correlated with the caller's query, whose aliases it
    // must not shadow.
    case 'service':
      return sql`select pt_l.geom from service_at_location pt_sal join location pt_l on pt_l.id = pt_sal.location_id
                 where pt_sal.service_id = ${id}
                 union all select pt_l.geom from service pt_s join location pt_l on pt_l.organization_id = pt_s.organization_id
                 where pt_s.id = ${id}`;
    case 'organization':
      return sql`select geom from location where organization_id = ${id}
                 union all select pt_l.geom from service pt_s join service_at_location pt_sal on pt_sal.service_id = pt_s.id
                 join location pt_l on pt_l.id = pt_sal.location_id where pt_s.organization_id = ${id}`;
  }
}

const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((i) => sql`${i}::uuid`),
    sql`, `,
  );

/** Territories holding a point of the record. */
export async function territoriesOf(db: Database, entity: RecordEntity, id: string): Promise<string[]> {
  const rows = await selectRows<{ id: string }>(
    db,
    sql`select distinct t.id from territory t
        where exists (select 1 from (${pointsOf(entity, sql`${id}::uuid`)}) p
                      where p.geom is not null and ST_Intersects(t.geom, p.geom))`,
  );
  return rows.map((r) => r.id);
}

/** Territories holding a point. */
export async function territoriesAt(db: Database, lat: number, lng: number): Promise<string[]> {
  const rows = await selectRows<{ id: string }>(
    db,
    sql`select t.id from territory t
        where ST_Intersects(t.geom, ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326))
        order by ST_Area(t.geom), t.id`,
  );
  return rows.map((r) => r.id);
}

const outside = () =>
  appError('FORBIDDEN', 'forbidden', 'This record lies outside your territories', { reason: 'outside' });

/** Refuses unless the actor may do `action` on a record lying in these territories. */
export function assertInScope(
  user: SessionUser,
  entity: RecordEntity,
  action: Action,
  territoryIds: readonly string[],
): void {
  if (!decide(user, entities[entity].resource, action, { territoryIds })) throw outside();
}

export async function assertRecordInScope(
  db: Database,
  user: SessionUser,
  entity: RecordEntity,
  id: string,
  action: Action,
): Promise<void> {
  const [exists] = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${entities[entity].table} where id = ${id}::uuid`,
  );
  if (!exists?.n) throw appError('NOT_FOUND', 'not_found', `id: no ${entity} with this id`);
  assertInScope(user, entity, action, await territoriesOf(db, entity, id));
}

/**
 * The territory a list is asked for, after checking the caller may work in it: its own lineage (an
 * ORP under an assigned region) or any assigned territory inside it.
 */
export async function assertTerritory(db: Database, user: SessionUser, territoryId: string): Promise<void> {
  const lineage = await territoryLineage(db, territoryId);
  if (lineage.length === 0) throw appError('NOT_FOUND', 'not_found', 'No such territory');
  if (scopeOf(user, 'directory', 'update') === 'all') return;
  if (decide(user, 'directory', 'update', { territoryIds: lineage })) return;
  throw appError('FORBIDDEN', 'forbidden', 'This territory is not one of yours');
}

/**
 * SQL condition: the point `geom` lies in the asked territory and, below `all` scope, in one of the
 * caller's territories (a region asked by a networker shows only their ORPs' part of it).
 */
export function inTerritory(user: SessionUser, territoryId: string, geom: SQL): SQL {
  const asked = sql`exists (select 1 from territory ta where ta.id = ${territoryId}::uuid and ST_Intersects(ta.geom, ${geom}))`;
  if (scopeOf(user, 'directory', 'update') === 'all') return asked;
  if (user.territoryIds.length === 0) return sql`false`;
  return sql`${asked} and exists (select 1 from territory tm where tm.id in (${uuidList(user.territoryIds)})
                                   and ST_Intersects(tm.geom, ${geom}))`;
}
