// "Schedule the next one" from the minutes: a draft conference for the same case and kind, with the
// same invitees, rooms and rules, ready for proposing times. A care plan review's deadline is the
// day the next review is due at the latest (six months after this one: @caremap/scheduling's
// care-plan rule); a signalling meeting's is two months on; other kinds get four weeks.
// A conference has at most one follow-up (unique index): asking again returns the one made.
import { schema } from '@caremap/db';
import type { StoredQuorumRule } from '@caremap/db/schema';
import { nextCarePlanReview } from '@caremap/scheduling';
import { asc, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { appError } from '../../errors';
import type { ConferenceRow } from '../access';
import { type Ctx, recordWritten, writable } from './shared';

const { conference, conferenceParticipant } = schema;
const DAY = 86_400_000;

/** The deadline of the follow-up of `conf` (held at `conf.startsAt`), as an instant. */
export function followUpDeadline(
  conf: Pick<ConferenceRow, 'kind' | 'startsAt' | 'timezone'>,
  now: Date,
): Date {
  const held = conf.startsAt ?? now;
  const zone = conf.timezone;
  const endOfLocalDay = (date: Temporal.PlainDate) =>
    new Date(date.add({ days: 1 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds - 1);
  const soonest = new Date(now.getTime() + 7 * DAY);
  let deadline: Date;
  if (conf.kind === 'care_plan_review') {
    const { dueBy } = nextCarePlanReview({
      lastReviewAt: held.toISOString(),
      timeZone: zone,
      now: now.toISOString(),
    });
    deadline = endOfLocalDay(Temporal.PlainDate.from(dueBy));
    // An overdue review is still to be held as soon as possible, not refused for a deadline past.
    return deadline.getTime() < soonest.getTime() ? soonest : deadline;
  }
  if (conf.kind === 'signalling_meeting') {
    const local = Temporal.Instant.fromEpochMilliseconds(held.getTime())
      .toZonedDateTimeISO(zone)
      .toPlainDate();
    deadline = endOfLocalDay(local.add({ months: 2 }));
  } else {
    deadline = new Date(Math.max(held.getTime(), now.getTime()) + 28 * DAY);
  }
  return deadline.getTime() < soonest.getTime() ? soonest : deadline;
}

export async function scheduleNext(ctx: Ctx, conferenceId: string, now = new Date()) {
  const conf = await writable(ctx, conferenceId, 'follow_up');
  if (!conf.startsAt) {
    throw appError('BAD_REQUEST', 'invalid_state', 'Book this conference before scheduling the next one');
  }
  const [existing] = await ctx.db
    .select({ id: conference.id })
    .from(conference)
    .where(eq(conference.followsConferenceId, conf.id));
  if (existing) return { id: existing.id, created: false };
  const created = await ctx.db.transaction(async (tx) => {
    const participants = await tx
      .select()
      .from(conferenceParticipant)
      .where(eq(conferenceParticipant.conferenceId, conf.id))
      .orderBy(
        asc(conferenceParticipant.position),
        asc(conferenceParticipant.createdAt),
        asc(conferenceParticipant.id),
      );
    const [next] = await tx
      .insert(conference)
      .values({
        kind: conf.kind,
        caseRef: conf.caseRef,
        title: conf.title,
        timezone: conf.timezone,
        status: 'draft',
        durationMinutes: conf.durationMinutes,
        scheduleBy: followUpDeadline(conf, now),
        candidateRoomIds: conf.candidateRoomIds,
        online: conf.online,
        locationNote: conf.locationNote,
        interpreterRequired: conf.interpreterRequired,
        organiserUserId: ctx.user.userId,
        agencyId: conf.agencyId,
        followsConferenceId: conf.id,
      })
      .onConflictDoNothing()
      .returning();
    // Two clicks at once: the unique index let one through; the other answers with that one.
    if (!next) return undefined;
    const copies = participants.length
      ? await tx
          .insert(conferenceParticipant)
          .values(
            participants.map((p, position) => ({
              conferenceId: next.id,
              kind: p.kind,
              position,
              userId: p.userId,
              agencyId: p.agencyId,
              partnerInstitutionId: p.partnerInstitutionId,
              organizationId: p.organizationId,
              displayName: p.displayName,
              email: p.email,
              phone: p.phone,
              attendance: p.attendance,
              role: p.role,
              preferredLanguage: p.preferredLanguage,
            })),
          )
          .returning({ id: conferenceParticipant.id })
      : [];
    const newId = new Map(participants.map((p, i) => [p.id, copies[i]!.id]));
    const quorum: StoredQuorumRule[] = conf.quorum.map((q) =>
      q.kind === 'pool'
        ? { ...q, participantIds: q.participantIds.flatMap((id) => (newId.has(id) ? [newId.get(id)!] : [])) }
        : q,
    );
    if (quorum.length) await tx.update(conference).set({ quorum }).where(eq(conference.id, next.id));
    return next;
  });
  if (!created) {
    const [winner] = await ctx.db
      .select({ id: conference.id })
      .from(conference)
      .where(eq(conference.followsConferenceId, conf.id));
    return { id: winner!.id, created: false };
  }
  await recordWritten(ctx, conf.id, 'follow_up', { followUpId: created.id });
  return { id: created.id, created: true };
}
