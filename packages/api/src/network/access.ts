// Who may do what to a territory and its network data: the policy grants `own_territory` scopes on
// assigned territories, and a grant on a territory reaches everything below it (a coordinator's
// region covers its ORPs, a networker's ORP the custom territories drawn inside it). Decided here on
// the lineage, for the tRPC procedures and the REST downloads alike.
import { type Database, selectRows } from '@caremap/db';
import { sql } from 'drizzle-orm';
import type { Context, SessionUser } from '../context';
import { appError } from '../errors';
import { type Action, decide } from '../policy';

/** The territory and its ancestors, nearest first; empty when there is no such territory. */
export async function territoryLineage(db: Database, id: string): Promise<string[]> {
  const rows = await selectRows<{ id: string }>(
    db,
    sql`with recursive up(id, parent_id, depth) as (
          select id, parent_id, 0 from territory where id = ${id}::uuid
          union all select t.id, t.parent_id, up.depth + 1 from territory t join up on t.id = up.parent_id
          where up.depth < 20)
        select id from up`,
  );
  return rows.map((r) => r.id);
}

/** NOT_FOUND for an unknown territory, FORBIDDEN when the action is not the caller's; else the lineage. */
export async function assertTerritoryAccess(
  ctx: Pick<Context, 'db' | 'user'>,
  territoryId: string,
  action: Action,
): Promise<string[]> {
  const lineage = await territoryLineage(ctx.db, territoryId);
  if (lineage.length === 0) throw appError('NOT_FOUND', 'not_found', 'No such territory');
  if (!decide(ctx.user, 'territory', action, { territoryIds: lineage }))
    throw appError('FORBIDDEN', 'forbidden', 'This territory is not one of yours');
  return lineage;
}

export const mayOnTerritory = (ctx: Pick<Context, 'user'>, lineage: string[], action: Action) =>
  decide(ctx.user, 'territory', action, { territoryIds: lineage });

/** Reading a territory's network data (coverage, needs, their downloads). */
export async function assertMayReadTerritory(
  db: Database,
  user: SessionUser | null,
  territoryId: string,
): Promise<void> {
  await assertTerritoryAccess({ db, user }, territoryId, 'read');
}
