// Action items: created and changed by the responsible agency's organisers; the owner (a CareMap
// user) may set the status of their own item. `mine` lists the caller's open items across
// conferences, overdue first; `overdue` lists the open, overdue items of the caller's agencies'
// conferences, for their organisers. Case data: reads are audited per conference.
import { schema } from '@caremap/db';
import type { actionItemCreateInput, actionItemUpdateInput } from '@caremap/validators';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../../audit';
import { appError } from '../../errors';
import { agenciesWith, decide } from '../../policy';
import { participantUserIds } from '../access';
import { badReference, type Ctx, readable, recordWritten, writable } from './shared';

const { actionItem, agency, appUser, conference, conferenceDecision, conferenceParticipant } = schema;

async function ownerOf(ctx: Ctx, conferenceId: string, participantId: string, field: string) {
  const [owner] = await ctx.db
    .select({
      id: conferenceParticipant.id,
      kind: conferenceParticipant.kind,
      agencyId: conferenceParticipant.agencyId,
    })
    .from(conferenceParticipant)
    .where(
      and(eq(conferenceParticipant.id, participantId), eq(conferenceParticipant.conferenceId, conferenceId)),
    );
  if (!owner) throw badReference(field, 'not a participant of this conference');
  if (owner.kind === 'external') throw badReference(field, 'the owner must be a CareMap user or a contact');
  return owner;
}

async function checkAgency(ctx: Ctx, agencyId: string) {
  const [found] = await ctx.db.select({ id: agency.id }).from(agency).where(eq(agency.id, agencyId));
  if (!found) throw badReference('ownerAgencyId', 'no such agency');
}

export async function createActionItem(ctx: Ctx, input: z.output<typeof actionItemCreateInput>) {
  const conf = await writable(ctx, input.conferenceId, 'action_item');
  const owner = await ownerOf(ctx, conf.id, input.ownerParticipantId, 'ownerParticipantId');
  const ownerAgencyId = input.ownerAgencyId ?? owner.agencyId;
  if (!ownerAgencyId) throw badReference('ownerAgencyId', 'name the agency the owner acts for');
  await checkAgency(ctx, ownerAgencyId);
  if (input.decisionId) {
    const [d] = await ctx.db
      .select({ id: conferenceDecision.id })
      .from(conferenceDecision)
      .where(and(eq(conferenceDecision.id, input.decisionId), eq(conferenceDecision.conferenceId, conf.id)));
    if (!d) throw badReference('decisionId', 'not a decision of this conference');
  }
  const [row] = await ctx.db
    .insert(actionItem)
    .values({
      conferenceId: conf.id,
      title: input.title,
      ownerParticipantId: owner.id,
      ownerAgencyId,
      dueOn: input.dueOn,
      decisionId: input.decisionId ?? null,
      createdByUserId: ctx.user.userId,
    })
    .returning({ id: actionItem.id });
  await recordWritten(ctx, conf.id, 'action_item', { actionItemId: row!.id });
  return { id: row!.id };
}

export async function updateActionItem(ctx: Ctx, input: z.output<typeof actionItemUpdateInput>) {
  const notFound = () => appError('NOT_FOUND', 'not_found', 'No such action item, or not one you may change');
  const [item] = await ctx.db
    .select({
      conferenceId: actionItem.conferenceId,
      status: actionItem.status,
      completedAt: actionItem.completedAt,
      ownerUserId: conferenceParticipant.userId,
    })
    .from(actionItem)
    .innerJoin(conferenceParticipant, eq(conferenceParticipant.id, actionItem.ownerParticipantId))
    .where(eq(actionItem.id, input.actionItemId));
  if (!item) throw notFound();
  const conf = await readable(ctx, item.conferenceId);
  const organises = decide(ctx.user, 'conference', 'update', {
    agencyId: conf.agencyId,
    participantUserIds: await participantUserIds(ctx.db, conf.id),
  });
  const onlyStatus =
    input.title === undefined &&
    input.ownerParticipantId === undefined &&
    input.ownerAgencyId === undefined &&
    input.dueOn === undefined;
  const ownsIt = item.ownerUserId === ctx.user.userId;
  if (!organises && !(ownsIt && onlyStatus)) {
    await audit(ctx, {
      action: 'conference.record.action_item',
      outcome: 'denied',
      resourceType: 'conference',
      resourceId: conf.id,
      details: { reason: ownsIt ? 'owner_changes_status_only' : 'not_permitted' },
    });
    throw appError(
      'FORBIDDEN',
      'forbidden',
      'Only the organisers change an action item; its owner may set its status',
    );
  }
  if (conf.status === 'cancelled') {
    throw appError('BAD_REQUEST', 'invalid_state', 'A cancelled conference has no meeting record');
  }
  let ownerAgencyId = input.ownerAgencyId;
  if (input.ownerParticipantId) {
    const owner = await ownerOf(ctx, conf.id, input.ownerParticipantId, 'ownerParticipantId');
    ownerAgencyId ??= owner.agencyId ?? undefined;
  }
  if (ownerAgencyId) await checkAgency(ctx, ownerAgencyId);
  const status = input.status ?? item.status;
  await ctx.db
    .update(actionItem)
    .set({
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.ownerParticipantId !== undefined ? { ownerParticipantId: input.ownerParticipantId } : {}),
      ...(ownerAgencyId !== undefined ? { ownerAgencyId } : {}),
      ...(input.dueOn !== undefined ? { dueOn: input.dueOn } : {}),
      status,
      completedAt: status === 'done' ? (item.status === 'done' ? item.completedAt : new Date()) : null,
    })
    .where(eq(actionItem.id, input.actionItemId));
  await recordWritten(ctx, conf.id, 'action_item', { actionItemId: input.actionItemId, status });
  return { id: input.actionItemId, status };
}

const todayIn = (now: Date) =>
  sql`(${now.toISOString()}::timestamptz at time zone ${conference.timezone})::date`;

const listColumns = (now: Date) => ({
  id: actionItem.id,
  title: actionItem.title,
  dueOn: actionItem.dueOn,
  status: actionItem.status,
  overdue: sql<boolean>`${actionItem.dueOn} < ${todayIn(now)}`,
  ownerAgencyName: agency.name,
  ownerName: sql<string>`coalesce(${appUser.displayName}, ${conferenceParticipant.displayName}, '')`,
  conferenceId: conference.id,
  conferenceTitle: conference.title,
  conferenceKind: conference.kind,
  caseRef: conference.caseRef,
  agencyId: conference.agencyId,
});

async function auditReads(ctx: Ctx, action: string, conferenceIds: string[]) {
  await audit(
    ctx,
    [...new Set(conferenceIds)].map((id) => ({
      action,
      outcome: 'allowed' as const,
      resourceType: 'conference',
      resourceId: id,
    })),
  );
}

/** The caller's open action items across all conferences, overdue first, then by due date. */
export async function myActionItems(ctx: Ctx, now = new Date()) {
  const rows = await ctx.db
    .select({
      ...listColumns(now),
      participantUserIds: sql<
        string[]
      >`coalesce((select array_agg(cp.user_id::text) from ${conferenceParticipant} cp
        where cp.conference_id = ${conference.id} and cp.user_id is not null), '{}')`,
    })
    .from(actionItem)
    .innerJoin(conference, eq(conference.id, actionItem.conferenceId))
    .innerJoin(conferenceParticipant, eq(conferenceParticipant.id, actionItem.ownerParticipantId))
    .leftJoin(appUser, eq(appUser.id, conferenceParticipant.userId))
    .innerJoin(agency, eq(agency.id, actionItem.ownerAgencyId))
    .where(
      and(
        eq(conferenceParticipant.userId, ctx.user.userId),
        eq(actionItem.status, 'open'),
        ne(conference.status, 'cancelled'),
      ),
    )
    .orderBy(asc(actionItem.dueOn), asc(actionItem.createdAt), asc(actionItem.id))
    .limit(200);
  // The owner is a participant, so the policy lets them read; checked per row all the same.
  const allowed = rows.filter((r) =>
    decide(ctx.user, 'conference', 'read', {
      agencyId: r.agencyId,
      participantUserIds: r.participantUserIds,
    }),
  );
  await auditReads(
    ctx,
    'conference.action_items.read',
    allowed.map((r) => r.conferenceId),
  );
  return {
    items: allowed
      .map(({ participantUserIds: _p, agencyId: _a, ...r }) => r)
      .sort((a, b) => Number(b.overdue) - Number(a.overdue)),
  };
}

/** Open, overdue action items of the conferences of the agencies the caller organises for. */
export async function overdueActionItems(ctx: Ctx, now = new Date()) {
  const agencies = agenciesWith(ctx.user, 'conference', 'update');
  if (agencies.length === 0) return { items: [] };
  const rows = await ctx.db
    .select(listColumns(now))
    .from(actionItem)
    .innerJoin(conference, eq(conference.id, actionItem.conferenceId))
    .innerJoin(conferenceParticipant, eq(conferenceParticipant.id, actionItem.ownerParticipantId))
    .leftJoin(appUser, eq(appUser.id, conferenceParticipant.userId))
    .innerJoin(agency, eq(agency.id, actionItem.ownerAgencyId))
    .where(
      and(
        inArray(conference.agencyId, agencies),
        eq(actionItem.status, 'open'),
        ne(conference.status, 'cancelled'),
        sql`${actionItem.dueOn} < ${todayIn(now)}`,
      ),
    )
    .orderBy(asc(actionItem.dueOn), asc(actionItem.id))
    .limit(500);
  const allowed = rows.filter((r) => decide(ctx.user, 'conference', 'update', { agencyId: r.agencyId }));
  await auditReads(
    ctx,
    'conference.action_items.read',
    allowed.map((r) => r.conferenceId),
  );
  return { items: allowed.map(({ agencyId: _a, ...r }) => r) };
}
