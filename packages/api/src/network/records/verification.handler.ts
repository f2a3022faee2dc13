// Verification: someone confirmed, after review, that a record is still true. Separate from the last
// edit; a record never verified, or verified longer ago than CAREMAP_VERIFY_AFTER_MONTHS, is due.
import { selectRows } from '@caremap/db';
import type { RecordEntity, recordVerifyInput, territoryRecordsInput } from '@caremap/validators';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { appError } from '../../errors';
import { entities } from './fields';
import type { Ctx } from './records.handler';
import { assertRecordInScope, assertTerritory, inTerritory, pointsOf } from './scope';
import { conflictError, readRecord, writeHistory } from './write';

export const DEFAULT_VERIFY_AFTER_MONTHS = 12;

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

/** Records of the territory not verified within the period, never-verified and oldest first. */
export async function dueForVerification(ctx: Ctx, input: z.output<typeof territoryRecordsInput>) {
  await assertTerritory(ctx.db, ctx.user, input.territoryId);
  const months = ctx.verifyAfterMonths ?? DEFAULT_VERIFY_AFTER_MONTHS;
  const stale = (alias: string) =>
    sql`(${sql.raw(alias)}.last_verified_at is null or ${sql.raw(alias)}.last_verified_at < now() - make_interval(months => ${months}))`;
  const within = (entity: RecordEntity, alias: string): SQL =>
    sql`exists (select 1 from (${pointsOf(entity, sql.raw(`${alias}.id`))}) pts
                where pts.geom is not null and ${inTerritory(ctx.user, input.territoryId, sql`pts.geom`)})`;
  const rows = await selectRows<Record<string, unknown>>(
    ctx.db,
    sql`select * from (
        select 'organization' as entity, o.id, o.name, o.version, o.last_verified_at, o.updated_at
          from organization o where ${stale('o')} and ${within('organization', 'o')}
        union all
        select 'service', s.id, s.name, s.version, s.last_verified_at, s.updated_at
          from service s where ${stale('s')} and ${within('service', 's')}
        union all
        select 'location', l.id, coalesce(l.name, o.name), l.version, l.last_verified_at, l.updated_at
          from location l left join organization o on o.id = l.organization_id
          where ${stale('l')} and ${within('location', 'l')}
        union all
        select 'partner_institution', p.id, p.name, p.version, p.last_verified_at, p.updated_at
          from partner_institution p where ${stale('p')} and ${within('partner_institution', 'p')}
      ) due order by last_verified_at nulls first, name, id limit 500`,
  );
  return {
    verifyAfterMonths: months,
    items: rows.map((r) => ({
      entity: r.entity as RecordEntity,
      id: r.id as string,
      name: r.name as string,
      version: Number(r.version),
      lastVerifiedAt: iso(r.last_verified_at),
      updatedAt: iso(r.updated_at)!,
    })),
  };
}

/** Marks the record verified now by the caller, on top of the version they reviewed. */
export async function verifyRecord(ctx: Ctx, input: z.output<typeof recordVerifyInput>) {
  const { entity, id, expectedVersion } = input;
  await assertRecordInScope(ctx.db, ctx.user, entity, id, 'update');
  const table = entities[entity].table;
  return ctx.db.transaction(async (tx) => {
    const current = await readRecord(tx, entity, id, true);
    if (!current) throw appError('NOT_FOUND', 'not_found', `id: no ${entity} with this id`);
    if (current.version !== expectedVersion)
      throw await conflictError(tx, entity, id, current, expectedVersion, {});
    const [row] = await selectRows<{ version: number; last_verified_at: unknown }>(
      tx as never,
      sql`update ${table} set last_verified_at = now(), verified_by = ${ctx.user.userId}::uuid
          where id = ${id}::uuid and version = ${expectedVersion} returning version, last_verified_at`,
    );
    if (!row) throw await conflictError(tx, entity, id, current, expectedVersion, {});
    const verifiedAt = iso(row.last_verified_at)!;
    await writeHistory(tx, {
      entity,
      entityId: id,
      version: Number(row.version),
      action: 'verify',
      changedBy: ctx.user.userId,
      previous: { lastVerifiedAt: current.lastVerifiedAt },
      next: { lastVerifiedAt: verifiedAt },
    });
    return { version: Number(row.version), lastVerifiedAt: verifiedAt };
  });
}
