// Who may read a territory's network data (coverage, its CSV download): the territory itself or one
// of its ancestors must be assigned to the caller (a grant on a region covers its ORPs and
// districts), or the caller's scope is all. Shared by the tRPC procedures and the REST downloads.
import { type Database, selectRows } from '@caremap/db';
import { sql } from 'drizzle-orm';
import type { SessionUser } from '../context';
import { appError } from '../errors';
import { decide } from '../policy';

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

/** Throws NOT_FOUND for an unknown territory and FORBIDDEN for one outside the caller's grants. */
export async function assertMayReadTerritory(
  db: Database,
  user: SessionUser | null,
  territoryId: string,
): Promise<void> {
  const lineage = await territoryLineage(db, territoryId);
  if (lineage.length === 0) throw appError('NOT_FOUND', 'not_found', 'No such territory');
  if (!decide(user, 'territory', 'read', { territoryIds: lineage }))
    throw appError('FORBIDDEN', 'forbidden', 'This territory is not one of yours');
}
