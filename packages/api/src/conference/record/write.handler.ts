// Writing the meeting record: agenda, attendance, minutes and decisions. Only the responsible
// agency's organisers write (writable()); each write is one transaction, and audited.
import { schema } from '@caremap/db';
import {
  type agendaApplyTemplateInput,
  type agendaSetInput,
  agendaTemplates,
  type attendanceSetInput,
  type decisionAddInput,
  type decisionUpdateInput,
  type minutesSaveInput,
} from '@caremap/validators';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { z } from 'zod';
import { appError } from '../../errors';
import { badReference, type Ctx, recordWritten, writable } from './shared';

const { agendaItem, conferenceDecision, conferenceMinutes, conferenceParticipant } = schema;

export async function setAgenda(ctx: Ctx, input: z.output<typeof agendaSetInput>) {
  const conf = await writable(ctx, input.conferenceId, 'agenda');
  await ctx.db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: agendaItem.id, templateKey: agendaItem.templateKey })
      .from(agendaItem)
      .where(eq(agendaItem.conferenceId, conf.id));
    const known = new Map(existing.map((e) => [e.id, e]));
    input.items.forEach((item, i) => {
      if ('id' in item && !known.has(item.id)) throw badReference(`items.${i}.id`, 'no such agenda item');
    });
    const kept = input.items.flatMap((item) => ('id' in item ? [item.id] : []));
    await tx
      .delete(agendaItem)
      .where(
        kept.length
          ? and(eq(agendaItem.conferenceId, conf.id), notInArray(agendaItem.id, kept))
          : eq(agendaItem.conferenceId, conf.id),
      );
    for (const [position, item] of input.items.entries()) {
      if ('id' in item) {
        await tx
          .update(agendaItem)
          .set(item.title ? { position, title: item.title, templateKey: null } : { position })
          .where(eq(agendaItem.id, item.id));
      } else {
        await tx.insert(agendaItem).values({
          conferenceId: conf.id,
          position,
          templateKey: 'templateKey' in item ? item.templateKey : null,
          title: 'title' in item ? item.title : null,
        });
      }
    }
  });
  await recordWritten(ctx, conf.id, 'agenda', { items: input.items.length });
  return { ok: true as const };
}

/** Appends the kind's template items not on the agenda yet (so applying twice changes nothing). */
export async function applyAgendaTemplate(ctx: Ctx, input: z.output<typeof agendaApplyTemplateInput>) {
  const conf = await writable(ctx, input.conferenceId, 'agenda');
  const added = await ctx.db.transaction(async (tx) => {
    const existing = await tx
      .select({ position: agendaItem.position, templateKey: agendaItem.templateKey })
      .from(agendaItem)
      .where(eq(agendaItem.conferenceId, conf.id));
    const present = new Set(existing.map((e) => e.templateKey));
    const next = existing.reduce((max, e) => Math.max(max, e.position + 1), 0);
    const keys = agendaTemplates[conf.kind].filter((k) => !present.has(k));
    if (keys.length) {
      await tx
        .insert(agendaItem)
        .values(keys.map((templateKey, i) => ({ conferenceId: conf.id, position: next + i, templateKey })));
    }
    return keys.length;
  });
  await recordWritten(ctx, conf.id, 'agenda', { template: conf.kind, added });
  return { added };
}

export async function setAttendance(ctx: Ctx, input: z.output<typeof attendanceSetInput>) {
  const conf = await writable(ctx, input.conferenceId, 'attendance');
  const ids = input.participants.map((p) => p.participantId);
  const found = await ctx.db
    .select({ id: conferenceParticipant.id })
    .from(conferenceParticipant)
    .where(and(eq(conferenceParticipant.conferenceId, conf.id), inArray(conferenceParticipant.id, ids)));
  const ours = new Set(found.map((f) => f.id));
  input.participants.forEach((p, i) => {
    if (!ours.has(p.participantId))
      throw badReference(`participants.${i}.participantId`, 'not a participant of this conference');
  });
  await ctx.db.transaction(async (tx) => {
    for (const p of input.participants) {
      await tx
        .update(conferenceParticipant)
        .set({ attended: p.attended })
        .where(eq(conferenceParticipant.id, p.participantId));
    }
  });
  await recordWritten(ctx, conf.id, 'attendance', { participants: ids.length });
  return { ok: true as const };
}

/**
 * Saves the minutes if nobody else saved since `expectedVersion`; otherwise CONFLICT
 * (`minutes_conflict`, with the version now stored) and nothing changes. The text is not put in
 * the error: the editor reads the current version through record.get (audited) to show both.
 */
export async function saveMinutes(ctx: Ctx, input: z.output<typeof minutesSaveInput>) {
  const conf = await writable(ctx, input.conferenceId, 'minutes');
  const saved =
    input.expectedVersion === 0
      ? await ctx.db
          .insert(conferenceMinutes)
          .values({ conferenceId: conf.id, text: input.text, updatedByUserId: ctx.user.userId })
          .onConflictDoNothing()
          .returning({ version: conferenceMinutes.version })
      : await ctx.db
          .update(conferenceMinutes)
          .set({ text: input.text, updatedByUserId: ctx.user.userId })
          .where(
            and(
              eq(conferenceMinutes.conferenceId, conf.id),
              eq(conferenceMinutes.version, input.expectedVersion),
            ),
          )
          .returning({ version: conferenceMinutes.version });
  if (!saved[0]) {
    const [current] = await ctx.db
      .select({ version: conferenceMinutes.version })
      .from(conferenceMinutes)
      .where(eq(conferenceMinutes.conferenceId, conf.id));
    await recordWritten(ctx, conf.id, 'minutes', { conflict: true });
    throw appError(
      'CONFLICT',
      'minutes_conflict',
      'Someone else saved the minutes meanwhile; compare both versions and save again',
      { currentVersion: current?.version ?? 0 },
    );
  }
  await recordWritten(ctx, conf.id, 'minutes', { version: saved[0].version });
  return { version: saved[0].version };
}

async function checkAgendaItem(ctx: Ctx, conferenceId: string, agendaItemId: string | null | undefined) {
  if (!agendaItemId) return;
  const [found] = await ctx.db
    .select({ id: agendaItem.id })
    .from(agendaItem)
    .where(and(eq(agendaItem.id, agendaItemId), eq(agendaItem.conferenceId, conferenceId)));
  if (!found) throw badReference('agendaItemId', 'not an agenda item of this conference');
}

export async function addDecision(ctx: Ctx, input: z.output<typeof decisionAddInput>) {
  const conf = await writable(ctx, input.conferenceId, 'decision');
  await checkAgendaItem(ctx, conf.id, input.agendaItemId);
  const [row] = await ctx.db
    .insert(conferenceDecision)
    .values({
      conferenceId: conf.id,
      text: input.text,
      agendaItemId: input.agendaItemId ?? null,
      createdByUserId: ctx.user.userId,
    })
    .returning({ id: conferenceDecision.id });
  await recordWritten(ctx, conf.id, 'decision', { decisionId: row!.id });
  return { id: row!.id };
}

export async function updateDecision(ctx: Ctx, input: z.output<typeof decisionUpdateInput>) {
  const [existing] = await ctx.db
    .select({ conferenceId: conferenceDecision.conferenceId })
    .from(conferenceDecision)
    .where(eq(conferenceDecision.id, input.decisionId));
  if (!existing) throw appError('NOT_FOUND', 'not_found', 'No such decision, or not one you may change');
  const conf = await writable(ctx, existing.conferenceId, 'decision');
  await checkAgendaItem(ctx, conf.id, input.agendaItemId);
  await ctx.db
    .update(conferenceDecision)
    .set({
      text: input.text,
      ...(input.agendaItemId !== undefined ? { agendaItemId: input.agendaItemId } : {}),
    })
    .where(eq(conferenceDecision.id, input.decisionId));
  await recordWritten(ctx, conf.id, 'decision', { decisionId: input.decisionId });
  return { id: input.decisionId };
}
