// caseTimeline.get: the history of one case (its pseudonymous case_ref) as the caller may see it:
// every conference about it that the conference rule (access.ts) lets them read, in time order,
// with the decisions and action items of its meeting record and the feedback letters sent, and
// when the next care plan review is due. Case data: every conference shown is audited as read; a
// case with nothing the caller may see is refused exactly like a case that does not exist.
import { schema } from '@caremap/db';
import { nextCarePlanReview } from '@caremap/scheduling';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { audit } from '../audit';
import type { Context, SessionUser } from '../context';
import { appError } from '../errors';
import { accessibleConferences } from './access';
import { DASHBOARD_WARN_DAYS, heldBy, upcoming } from './dashboard.handler';
import { localToday } from './record/shared';

const {
  actionItem,
  agency,
  appUser,
  conference,
  conferenceDecision,
  conferenceParticipant,
  feedbackLetter,
  organization,
  partnerInstitution,
} = schema;

const AUDIT_ACTION = 'conference.timeline.read';

export async function caseTimeline(ctx: Context & { user: SessionUser }, caseRef: string, now = new Date()) {
  const rows = await ctx.db
    .select({
      id: conference.id,
      kind: conference.kind,
      status: conference.status,
      caseRef: conference.caseRef,
      title: conference.title,
      startsAt: conference.startsAt,
      endsAt: conference.endsAt,
      timezone: conference.timezone,
      scheduleBy: conference.scheduleBy,
      createdAt: conference.createdAt,
      agencyId: conference.agencyId,
      agencyName: agency.name,
    })
    .from(conference)
    .innerJoin(agency, eq(agency.id, conference.agencyId))
    .where(eq(conference.caseRef, caseRef))
    .orderBy(sql`${conference.startsAt} asc nulls last`, asc(conference.createdAt), asc(conference.id));
  const visible = await accessibleConferences(ctx.db, ctx.user, 'read', rows);
  if (visible.length === 0) {
    await audit(ctx, {
      action: AUDIT_ACTION,
      outcome: 'denied',
      resourceType: 'case',
      resourceId: caseRef,
      details: { reason: rows.length ? 'not_permitted' : 'unknown' },
    });
    throw appError('NOT_FOUND', 'not_found', 'No such case, or not one you may see');
  }
  const ids = visible.map((c) => c.id);

  const decisions = await ctx.db
    .select({
      id: conferenceDecision.id,
      conferenceId: conferenceDecision.conferenceId,
      text: conferenceDecision.text,
      createdAt: conferenceDecision.createdAt,
    })
    .from(conferenceDecision)
    .where(inArray(conferenceDecision.conferenceId, ids))
    .orderBy(asc(conferenceDecision.createdAt), asc(conferenceDecision.id));
  const items = await ctx.db
    .select({
      id: actionItem.id,
      conferenceId: actionItem.conferenceId,
      title: actionItem.title,
      ownerName: sql<string>`coalesce(${appUser.displayName}, ${conferenceParticipant.displayName}, '')`,
      ownerAgencyName: agency.name,
      dueOn: actionItem.dueOn,
      status: actionItem.status,
      completedAt: actionItem.completedAt,
    })
    .from(actionItem)
    .innerJoin(conferenceParticipant, eq(conferenceParticipant.id, actionItem.ownerParticipantId))
    .leftJoin(appUser, eq(appUser.id, conferenceParticipant.userId))
    .innerJoin(agency, eq(agency.id, actionItem.ownerAgencyId))
    .where(inArray(actionItem.conferenceId, ids))
    .orderBy(asc(actionItem.dueOn), asc(actionItem.createdAt), asc(actionItem.id));
  // Letters recorded as sent; drafts are the organisers' work in progress, on the conference page.
  const letters = await ctx.db
    .select({
      id: feedbackLetter.id,
      conferenceId: feedbackLetter.conferenceId,
      recipientName: sql<string>`coalesce(${partnerInstitution.name}, ${organization.name}, '')`,
      recipientKind: sql<
        'partner_institution' | 'organization'
      >`case when ${feedbackLetter.partnerInstitutionId}
        is not null then 'partner_institution' else 'organization' end`,
      language: feedbackLetter.language,
      sentAt: feedbackLetter.sentAt,
      sentByName: appUser.displayName,
    })
    .from(feedbackLetter)
    .leftJoin(partnerInstitution, eq(partnerInstitution.id, feedbackLetter.partnerInstitutionId))
    .leftJoin(organization, eq(organization.id, feedbackLetter.organizationId))
    .leftJoin(appUser, eq(appUser.id, feedbackLetter.sentBy))
    .where(and(inArray(feedbackLetter.conferenceId, ids), eq(feedbackLetter.status, 'sent')))
    .orderBy(asc(feedbackLetter.sentAt), asc(feedbackLetter.id));

  await audit(
    ctx,
    visible.map((c) => ({
      action: AUDIT_ACTION,
      outcome: 'allowed' as const,
      resourceType: 'conference',
      resourceId: c.id,
    })),
  );

  return {
    caseRef,
    conferences: visible.map((c) => {
      const today = localToday(c.timezone, now);
      return {
        id: c.id,
        kind: c.kind,
        status: c.status,
        caseRef: c.caseRef,
        title: c.title,
        startsAt: c.startsAt,
        endsAt: c.endsAt,
        timezone: c.timezone,
        scheduleBy: c.scheduleBy,
        agencyName: c.agencyName,
        decisions: decisions.filter((d) => d.conferenceId === c.id).map(({ conferenceId: _c, ...d }) => d),
        actionItems: items
          .filter((i) => i.conferenceId === c.id)
          .map(({ conferenceId: _c, ...i }) => ({ ...i, overdue: i.status === 'open' && i.dueOn < today })),
        letters: letters.filter((l) => l.conferenceId === c.id).map(({ conferenceId: _c, ...l }) => l),
      };
    }),
    nextReview: nextReviewOf(visible, now),
  };
}

const localDate = (instant: Date, timeZone: string) =>
  Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();

type TimelineRow = Pick<
  typeof conference.$inferSelect,
  'id' | 'kind' | 'status' | 'startsAt' | 'endsAt' | 'timezone'
>;

/**
 * When the next care plan review is due: six months after the last one held (the rule of
 * @caremap/scheduling, as on the organiser's dashboard), and the review already booked, if any.
 * Null when the case has neither a review held nor one booked.
 */
function nextReviewOf(rows: TimelineRow[], now: Date) {
  const reviews = rows.filter((r) => r.kind === 'care_plan_review' && r.startsAt);
  const last = reviews.filter((r) => heldBy(r, now)).at(-1);
  const booked = reviews.find((r) => upcoming(r, now));
  if (!last && !booked) return null;
  const due = last
    ? nextCarePlanReview({
        lastReviewAt: last.startsAt!.toISOString(),
        timeZone: last.timezone,
        now: now.toISOString(),
        warnDays: DASHBOARD_WARN_DAYS,
      })
    : null;
  const onTime =
    !!due &&
    !!booked &&
    Temporal.PlainDate.compare(localDate(booked.startsAt!, booked.timezone), due.dueBy) <= 0;
  return {
    lastConferenceId: last?.id ?? null,
    /** The day the last review was held, on its own clock. */
    lastHeldOn: last ? localDate(last.startsAt!, last.timezone) : null,
    /** Null when no review has been held yet (only one booked). */
    due: due ? { dueBy: due.dueBy, daysLeft: due.daysLeft, status: due.status } : null,
    /** The next review booked; `onTime`: on or before the day it is due (always, with no due date). */
    booked: booked
      ? {
          conferenceId: booked.id,
          startsAt: booked.startsAt!,
          timezone: booked.timezone,
          onTime: !due || onTime,
        }
      : null,
  };
}

export type CaseTimeline = Awaited<ReturnType<typeof caseTimeline>>;
