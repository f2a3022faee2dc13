// familyPhases.*: the phases of one family conference, each with its status, time slot and
// checklist. Read like the conference (participants and the responsible agency's organisers),
// written by the agency's organisers only (conferenceFor); every read and write is audited. Slot and
// status changes name the version they started from (CONFLICT otherwise); the audit entry of each
// write keeps the values before and after, so no change is lost.
import { schema } from '@caremap/db';
import type {
  familyPhaseAddItemInput,
  familyPhaseSlotInput,
  familyPhaseStatusInput,
  familyPhaseTickInput,
} from '@caremap/validators';
import { and, asc, eq, max, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { audit } from '../../audit';
import type { Context, SessionUser } from '../../context';
import { appError } from '../../errors';
import { decide } from '../../policy';
import { type ConferenceRow, conferenceFor, participantUserIds } from '../access';
import { ensurePhases } from './phases';

const { appUser, familyPhase, familyPhaseItem } = schema;

type Ctx = Context & { user: SessionUser };
const action = (what: string) => `conference.familyPhases.${what}`;

function familyOnly(conf: ConferenceRow) {
  if (conf.kind !== 'family_conference') {
    throw appError('BAD_REQUEST', 'invalid_state', 'Only a family conference has phases');
  }
}

export async function getPhases(ctx: Ctx, conferenceId: string) {
  const conf = await conferenceFor(ctx, conferenceId, 'read', action('read'));
  familyOnly(conf);
  const phases = () =>
    ctx.db
      .select()
      .from(familyPhase)
      .where(eq(familyPhase.conferenceId, conf.id))
      .orderBy(asc(familyPhase.position));
  let rows = await phases();
  if (rows.length < 7) {
    await ctx.db.transaction((tx) => ensurePhases(tx, conf.id));
    rows = await phases();
  }
  const doneBy = alias(appUser, 'done_by');
  const items = await ctx.db
    .select({
      id: familyPhaseItem.id,
      phaseId: familyPhaseItem.phaseId,
      templateKey: familyPhaseItem.templateKey,
      text: familyPhaseItem.text,
      done: familyPhaseItem.done,
      doneAt: familyPhaseItem.doneAt,
      doneBy: doneBy.displayName,
    })
    .from(familyPhaseItem)
    .innerJoin(familyPhase, eq(familyPhase.id, familyPhaseItem.phaseId))
    .leftJoin(doneBy, eq(doneBy.id, familyPhaseItem.doneByUserId))
    .where(eq(familyPhase.conferenceId, conf.id))
    .orderBy(asc(familyPhaseItem.position), asc(familyPhaseItem.createdAt), asc(familyPhaseItem.id));
  const canEdit =
    conf.status !== 'cancelled' &&
    decide(ctx.user, 'conference', 'update', {
      agencyId: conf.agencyId,
      participantUserIds: await participantUserIds(ctx.db, conf.id),
    });
  await audit(ctx, {
    action: action('read'),
    outcome: 'allowed',
    resourceType: 'conference',
    resourceId: conf.id,
  });
  return {
    conferenceId: conf.id,
    timezone: conf.timezone,
    canEdit,
    phases: rows.map((p) => ({
      id: p.id,
      phase: p.phase,
      status: p.status,
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      notes: p.notes,
      version: p.version,
      items: items
        .filter((i) => i.phaseId === p.id)
        .map(({ phaseId: _phaseId, doneBy: by, ...i }) => ({ ...i, doneBy: i.done ? (by ?? null) : null })),
    })),
  };
}

const notFound = async (ctx: Ctx, what: string, resourceId: string) => {
  await audit(ctx, {
    action: action(what),
    outcome: 'denied',
    resourceType: 'conference',
    details: { reason: 'unknown', id: resourceId },
  });
  return appError('NOT_FOUND', 'not_found', 'No such phase or item, or not one you may change');
};

/** The phase and its conference if the caller may change it; NOT_FOUND (audited) otherwise. */
async function writablePhase(ctx: Ctx, phaseId: string, what: string) {
  const [phase] = await ctx.db.select().from(familyPhase).where(eq(familyPhase.id, phaseId));
  if (!phase) throw await notFound(ctx, what, phaseId);
  const conf = await conferenceFor(ctx, phase.conferenceId, 'update', action(what));
  if (conf.status === 'cancelled') {
    throw appError('BAD_REQUEST', 'invalid_state', 'A cancelled conference cannot be changed');
  }
  return { phase, conf };
}

const written = (ctx: Ctx, conferenceId: string, what: string, details: Record<string, unknown>) =>
  audit(ctx, {
    action: action(what),
    outcome: 'success',
    resourceType: 'conference',
    resourceId: conferenceId,
    details,
  });

async function conflict(ctx: Ctx, conferenceId: string, what: string, phaseId: string) {
  const [current] = await ctx.db
    .select({ version: familyPhase.version })
    .from(familyPhase)
    .where(eq(familyPhase.id, phaseId));
  await audit(ctx, {
    action: action(what),
    outcome: 'failure',
    resourceType: 'conference',
    resourceId: conferenceId,
    details: { phaseId, conflict: true },
  });
  return appError('CONFLICT', 'conflict', 'Someone else changed this phase meanwhile; reload and try again', {
    currentVersion: current?.version ?? 0,
  });
}

export async function setSlot(ctx: Ctx, input: z.output<typeof familyPhaseSlotInput>) {
  const { phase, conf } = await writablePhase(ctx, input.phaseId, 'setSlot');
  const [saved] = await ctx.db
    .update(familyPhase)
    .set({ startsAt: input.startsAt, endsAt: input.endsAt, updatedByUserId: ctx.user.userId })
    .where(and(eq(familyPhase.id, phase.id), eq(familyPhase.version, input.expectedVersion)))
    .returning({ version: familyPhase.version });
  if (!saved) throw await conflict(ctx, conf.id, 'setSlot', phase.id);
  await written(ctx, conf.id, 'setSlot', {
    phaseId: phase.id,
    from: { startsAt: phase.startsAt?.toISOString() ?? null, endsAt: phase.endsAt?.toISOString() ?? null },
    to: { startsAt: input.startsAt?.toISOString() ?? null, endsAt: input.endsAt?.toISOString() ?? null },
  });
  return { version: saved.version };
}

export async function setStatus(ctx: Ctx, input: z.output<typeof familyPhaseStatusInput>) {
  const { phase, conf } = await writablePhase(ctx, input.phaseId, 'setStatus');
  const [saved] = await ctx.db
    .update(familyPhase)
    .set({ status: input.status, updatedByUserId: ctx.user.userId })
    .where(and(eq(familyPhase.id, phase.id), eq(familyPhase.version, input.expectedVersion)))
    .returning({ version: familyPhase.version });
  if (!saved) throw await conflict(ctx, conf.id, 'setStatus', phase.id);
  await written(ctx, conf.id, 'setStatus', { phaseId: phase.id, from: phase.status, to: input.status });
  return { version: saved.version };
}

/** Ticks or unticks an item; ticking again keeps who did it first and when. */
export async function tick(ctx: Ctx, input: z.output<typeof familyPhaseTickInput>) {
  const [item] = await ctx.db
    .select({ id: familyPhaseItem.id, phaseId: familyPhaseItem.phaseId })
    .from(familyPhaseItem)
    .where(eq(familyPhaseItem.id, input.itemId));
  if (!item) throw await notFound(ctx, 'tick', input.itemId);
  const { conf } = await writablePhase(ctx, item.phaseId, 'tick');
  const changed = await ctx.db
    .update(familyPhaseItem)
    .set(
      input.done
        ? { done: true, doneByUserId: ctx.user.userId, doneAt: new Date() }
        : { done: false, doneByUserId: null, doneAt: null },
    )
    .where(and(eq(familyPhaseItem.id, item.id), ne(familyPhaseItem.done, input.done)))
    .returning({ id: familyPhaseItem.id });
  await written(ctx, conf.id, 'tick', { itemId: item.id, done: input.done, changed: changed.length > 0 });
  return { ok: true as const };
}

export async function addItem(ctx: Ctx, input: z.output<typeof familyPhaseAddItemInput>) {
  const { phase, conf } = await writablePhase(ctx, input.phaseId, 'addItem');
  const created = await ctx.db.transaction(async (tx) => {
    const [last] = await tx
      .select({ position: max(familyPhaseItem.position) })
      .from(familyPhaseItem)
      .where(eq(familyPhaseItem.phaseId, phase.id));
    const [row] = await tx
      .insert(familyPhaseItem)
      .values({
        phaseId: phase.id,
        position: (last?.position ?? -1) + 1,
        text: input.text,
        createdByUserId: ctx.user.userId,
      })
      .returning({ id: familyPhaseItem.id });
    return row!;
  });
  await written(ctx, conf.id, 'addItem', { phaseId: phase.id, itemId: created.id });
  return { id: created.id };
}
