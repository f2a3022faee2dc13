// The organiser's dashboard: what their agencies owe. Care plan reviews overdue or due soon (at most
// six months after the previous review, @caremap/scheduling's rule, the same one "schedule the next
// one" uses), signalling meetings due: from each series, its occurrences in the next
// DASHBOARD_WARN_DAYS without a conference; for an agency without a series, two months after its
// last meeting; and conferences held whose feedback letters are not sent. Only the agencies where the caller organises; every conference listed is
// audited as read.
import { schema } from '@caremap/db';
import { nextCarePlanReview } from '@caremap/scheduling';
import { and, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { audit } from '../audit';
import type { Context, SessionUser } from '../context';
import { agenciesWith } from '../policy';
import { conferencesOfSeries } from './series/read.handler';
import { exceptionsOf, upcomingOccurrences } from './series/shared';

const { agency, conference, conferenceSeries, feedbackLetter } = schema;

/** Warn this many days before a review or a signalling meeting is due. */
export const DASHBOARD_WARN_DAYS = 28;
const SIGNALLING_MONTHS = 2;

type Row = {
  id: string;
  kind: (typeof schema.conference.$inferSelect)['kind'];
  caseRef: string | null;
  status: (typeof schema.conference.$inferSelect)['status'];
  startsAt: Date | null;
  endsAt: Date | null;
  timezone: string;
  agencyId: string;
  agencyName: string;
};

/** Held: recorded as held, or booked and over (the organiser may not have marked it). */
export const heldBy = (r: Pick<Row, 'status' | 'endsAt'>, now: Date) =>
  r.status === 'held' || (r.status === 'scheduled' && !!r.endsAt && r.endsAt < now);
export const upcoming = (r: Pick<Row, 'status' | 'startsAt'>, now: Date) =>
  r.status === 'scheduled' && !!r.startsAt && r.startsAt >= now;

const localDate = (d: Date, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(d.getTime()).toZonedDateTimeISO(zone).toPlainDate();

function groupBy<T>(items: T[], key: (item: T) => string) {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

const latest = (rows: Row[]) =>
  rows.reduce<Row | undefined>((a, r) => (!a || r.startsAt! > a.startsAt! ? r : a), undefined);
const earliest = (rows: Row[]) =>
  rows.reduce<Row | undefined>((a, r) => (!a || r.startsAt! < a.startsAt! ? r : a), undefined);

export async function organiserDashboard(ctx: Context & { user: SessionUser }, now = new Date()) {
  const agencies = agenciesWith(ctx.user, 'conference', 'update');
  if (!agencies.length) return { reviews: [], signalling: [], seriesDue: [], unsentLetters: [] };
  const rows: Row[] = await ctx.db
    .select({
      id: conference.id,
      kind: conference.kind,
      caseRef: conference.caseRef,
      status: conference.status,
      startsAt: conference.startsAt,
      endsAt: conference.endsAt,
      timezone: conference.timezone,
      agencyId: conference.agencyId,
      agencyName: agency.name,
    })
    .from(conference)
    .innerJoin(agency, eq(agency.id, conference.agencyId))
    .where(
      and(
        inArray(conference.agencyId, agencies),
        inArray(conference.kind, ['care_plan_review', 'signalling_meeting']),
        ne(conference.status, 'cancelled'),
        isNotNull(conference.startsAt),
      ),
    )
    .orderBy(desc(conference.startsAt))
    .limit(5000);

  // Care plan reviews: per case, the last one held decides when the next is due; one already
  // booked on time settles it.
  const reviews = [];
  const reviewRows = rows.filter((r) => r.kind === 'care_plan_review' && r.caseRef);
  for (const rowsOfCase of groupBy(reviewRows, (r) => `${r.agencyId}\u0000${r.caseRef}`).values()) {
    const last = latest(rowsOfCase.filter((r) => heldBy(r, now)));
    if (!last) continue;
    const due = nextCarePlanReview({
      lastReviewAt: last.startsAt!.toISOString(),
      timeZone: last.timezone,
      now: now.toISOString(),
      warnDays: DASHBOARD_WARN_DAYS,
    });
    if (due.status === 'ok') continue;
    const next = earliest(rowsOfCase.filter((r) => upcoming(r, now)));
    const onTime =
      !!next && Temporal.PlainDate.compare(localDate(next.startsAt!, next.timezone), due.dueBy) <= 0;
    if (onTime) continue;
    reviews.push({
      caseRef: last.caseRef!,
      agencyName: last.agencyName,
      lastConferenceId: last.id,
      lastHeldAt: last.startsAt!,
      dueBy: due.dueBy,
      daysLeft: due.daysLeft,
      status: due.status,
      nextScheduledAt: next?.startsAt ?? null,
    });
  }
  reviews.sort((a, b) => a.daysLeft - b.daysLeft);

  // Signalling meetings from series: each occurrence soon enough that has no live conference.
  const series = await ctx.db
    .select({ series: conferenceSeries, agencyName: agency.name })
    .from(conferenceSeries)
    .innerJoin(agency, eq(agency.id, conferenceSeries.agencyId))
    .where(inArray(conferenceSeries.agencyId, agencies))
    .limit(200);
  const scheduled = await conferencesOfSeries(
    ctx,
    series.map((s) => s.series.id),
  );
  const seriesDue = [];
  for (const { series: s, agencyName } of series) {
    const soon = upcomingOccurrences(s, await exceptionsOf(ctx, s.id), now, 60, DASHBOARD_WARN_DAYS);
    for (const o of soon) {
      if (o.state === 'skipped' || o.startsAt <= now) continue;
      if (scheduled.some((c) => c.seriesId === s.id && c.occurrence === o.occurrence)) continue;
      const daysLeft = localDate(now, s.timezone).until(localDate(o.startsAt, s.timezone), {
        largestUnit: 'days',
      }).days;
      seriesDue.push({
        seriesId: s.id,
        title: s.title,
        agencyName,
        occurrence: o.occurrence,
        startsAt: o.startsAt,
        daysLeft,
        moved: o.state === 'moved',
      });
    }
  }
  seriesDue.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const withSeries = new Set(series.map((s) => s.series.agencyId));

  // Signalling meetings of agencies without a series: two months after the last one, unless the
  // next is booked.
  const signalling = [];
  const meetingRows = rows.filter((r) => r.kind === 'signalling_meeting' && !withSeries.has(r.agencyId));
  for (const rowsOfAgency of groupBy(meetingRows, (r) => r.agencyId).values()) {
    if (rowsOfAgency.some((r) => upcoming(r, now))) continue;
    const last = latest(rowsOfAgency.filter((r) => heldBy(r, now)));
    if (!last) continue;
    const dueBy = localDate(last.startsAt!, last.timezone).add({ months: SIGNALLING_MONTHS });
    const daysLeft = localDate(now, last.timezone).until(dueBy, { largestUnit: 'days' }).days;
    if (daysLeft > DASHBOARD_WARN_DAYS) continue;
    signalling.push({
      agencyName: last.agencyName,
      lastConferenceId: last.id,
      lastHeldAt: last.startsAt!,
      dueBy: dueBy.toString(),
      daysLeft,
      status: daysLeft < 0 ? ('overdue' as const) : ('due_soon' as const),
    });
  }
  signalling.sort((a, b) => a.daysLeft - b.daysLeft);

  // Conferences about a case, held, with no letter recorded as sent. Internal case discussions and
  // signalling meetings (no case) owe no written feedback.
  const unsent = await ctx.db
    .select({
      conferenceId: conference.id,
      kind: conference.kind,
      caseRef: conference.caseRef,
      startsAt: conference.startsAt,
      agencyName: agency.name,
      drafts: sql<number>`(select count(*)::int from ${feedbackLetter} fl
        where fl.conference_id = ${conference.id} and fl.status = 'draft')`,
    })
    .from(conference)
    .innerJoin(agency, eq(agency.id, conference.agencyId))
    .where(
      and(
        inArray(conference.agencyId, agencies),
        inArray(conference.kind, ['case_conference', 'family_conference', 'care_plan_review']),
        isNotNull(conference.caseRef),
        sql`(${conference.status} = 'held' or (${conference.status} = 'scheduled' and ${conference.endsAt} < ${now.toISOString()}::timestamptz))`,
        sql`not exists (select 1 from ${feedbackLetter} fl
          where fl.conference_id = ${conference.id} and fl.status = 'sent')`,
      ),
    )
    .orderBy(desc(conference.startsAt))
    .limit(200);

  const listed = new Set([
    ...reviews.map((r) => r.lastConferenceId),
    ...signalling.map((s) => s.lastConferenceId),
    ...unsent.map((u) => u.conferenceId),
  ]);
  await audit(ctx, [
    ...[...listed].map((id) => ({
      action: 'conference.dashboard',
      outcome: 'allowed' as const,
      resourceType: 'conference',
      resourceId: id,
    })),
    ...[...new Set(seriesDue.map((d) => d.seriesId))].map((id) => ({
      action: 'conference.dashboard',
      outcome: 'allowed' as const,
      resourceType: 'conference_series',
      resourceId: id,
    })),
  ]);
  return {
    reviews,
    signalling,
    seriesDue,
    unsentLetters: unsent.map((u) => ({ ...u, caseRef: u.caseRef!, heldAt: u.startsAt! })),
  };
}
