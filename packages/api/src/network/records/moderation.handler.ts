// The moderation queue of public "suggest an edit" submissions (directory/suggest.ts stores them):
// pending suggestions for records of a territory, each beside the record as it is now; accepting
// applies the (possibly edited) change with history, rejecting keeps the reason.
import { selectRows } from '@caremap/db';
import {
  type RecordEntity,
  recordUpdateInput,
  type suggestionAcceptInput,
  type suggestionRejectInput,
  type territoryRecordsInput,
} from '@caremap/validators';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { appError } from '../../errors';
import { type Fields, suggestionFieldMap } from './fields';
import type { Ctx } from './records.handler';
import { assertRecordInScope, assertTerritory, inTerritory, pointsOf } from './scope';
import { readRecord, updateRecord } from './write';

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

/** Splits a suggestion into what maps onto the record's fields and what a person applies by hand. */
export function mapSuggestion(entity: RecordEntity, changes: Record<string, string>) {
  const map = suggestionFieldMap[entity];
  const proposed: Fields = {};
  const byHand: Record<string, string> = {};
  for (const [field, value] of Object.entries(changes)) {
    const target = map[field];
    if (target) proposed[target] = value;
    else byHand[field] = value;
  }
  return { proposed, byHand };
}

export async function listSuggestions(ctx: Ctx, input: z.output<typeof territoryRecordsInput>) {
  await assertTerritory(ctx.db, ctx.user, input.territoryId);
  const within = (entity: RecordEntity) =>
    sql`(s.target_entity = ${entity} and exists (select 1 from (${pointsOf(entity, sql`s.target_id`)}) pts
         where pts.geom is not null and ${inTerritory(ctx.user, input.territoryId, sql`pts.geom`)}))`;
  const rows = await selectRows<Record<string, unknown>>(
    ctx.db,
    sql`select s.id, s.target_entity::text as entity, s.target_id, s.changes, s.comment, s.submitter_name,
          s.submitter_email, s.language, s.created_at
        from suggestion s
        where s.status = 'pending' and (${within('organization')} or ${within('service')} or ${within('location')})
        order by s.created_at, s.id limit 200`,
  );
  const items = [];
  for (const r of rows) {
    const entity = r.entity as RecordEntity;
    const record = await readRecord(ctx.db, entity, r.target_id as string);
    if (!record) continue;
    const changes = (typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes) as Record<
      string,
      string
    >;
    items.push({
      id: r.id as string,
      entity,
      targetId: r.target_id as string,
      changes,
      ...mapSuggestion(entity, changes),
      comment: (r.comment as string | null) ?? null,
      // Personal data the submitter chose to give: shown to moderators only, never logged.
      submitterName: (r.submitter_name as string | null) ?? null,
      submitterEmail: (r.submitter_email as string | null) ?? null,
      language: r.language as string,
      createdAt: iso(r.created_at)!,
      current: { fields: record.fields, version: record.version },
    });
  }
  return { items };
}

async function pending(ctx: Ctx, suggestionId: string) {
  const [row] = await selectRows<{ target_entity: RecordEntity; target_id: string; status: string }>(
    ctx.db,
    sql`select target_entity::text as target_entity, target_id, status::text as status from suggestion where id = ${suggestionId}::uuid`,
  );
  if (!row) throw appError('NOT_FOUND', 'not_found', 'suggestionId: no such suggestion');
  if (row.status !== 'pending')
    throw appError('CONFLICT', 'invalid_state', `suggestionId: already ${row.status}`, {
      status: row.status,
    });
  await assertRecordInScope(ctx.db, ctx.user, row.target_entity, row.target_id, 'update');
  return row;
}

const markReviewed = (status: 'accepted' | 'rejected', ctx: Ctx, id: string, reason: string | null) =>
  sql`update suggestion set status = ${status}, review_reason = ${reason}, reviewed_by_user_id = ${ctx.user.userId}::uuid,
        reviewed_at = now() where id = ${id}::uuid and status = 'pending' returning id`;

export async function acceptSuggestion(ctx: Ctx, input: z.output<typeof suggestionAcceptInput>) {
  const target = await pending(ctx, input.suggestionId);
  // The moderator's (edited) values go through the same schema as a direct edit.
  const parsed = recordUpdateInput.safeParse({
    entity: target.target_entity,
    id: target.target_id,
    expectedVersion: input.expectedVersion,
    changes: input.changes,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw appError('BAD_REQUEST', 'invalid_state', `${issue.path.join('.')}: ${issue.message}`, {
      field: issue.path.at(-1),
    });
  }
  return ctx.db.transaction(async (tx) => {
    const result = await updateRecord(tx, {
      entity: target.target_entity,
      id: target.target_id,
      expectedVersion: input.expectedVersion,
      changes: parsed.data.changes as Fields,
      userId: ctx.user.userId,
      action: 'suggestion',
    });
    const [done] = await selectRows<{ id: string }>(
      tx as never,
      markReviewed('accepted', ctx, input.suggestionId, null),
    );
    if (!done)
      throw appError('CONFLICT', 'invalid_state', 'suggestionId: reviewed by someone else meanwhile');
    return { version: result.version, applied: result.next };
  });
}

export async function rejectSuggestion(ctx: Ctx, input: z.output<typeof suggestionRejectInput>) {
  await pending(ctx, input.suggestionId);
  const [done] = await selectRows<{ id: string }>(
    ctx.db,
    markReviewed('rejected', ctx, input.suggestionId, input.reason),
  );
  if (!done) throw appError('CONFLICT', 'invalid_state', 'suggestionId: reviewed by someone else meanwhile');
  return { ok: true as const };
}
