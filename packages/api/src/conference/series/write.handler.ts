// Creating and editing a signalling-meeting series, and its exceptions: skip one occurrence, move
// it, or restore it. Only the agency's organisers; every write audited. An edit names the version
// it started from (optimistic lock); exceptions the new rule no longer generates are dropped.
import { schema } from '@caremap/db';
import type {
  seriesCreateInput,
  seriesMoveInput,
  seriesSkipInput,
  seriesUpdateInput,
} from '@caremap/validators';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../../audit';
import { appError } from '../../errors';
import { agenciesWith } from '../../policy';
import {
  type Ctx,
  checkedRrule,
  exceptionsOf,
  expand,
  generatedOn,
  recurringOf,
  type SeriesRow,
  seriesAudit,
  seriesFor,
  storedWall,
} from './shared';

const { agency, appUser, conference, conferenceSeries, conferenceSeriesException, membership, room } = schema;

type CreateInput = z.output<typeof seriesCreateInput>;
type UpdateInput = z.output<typeof seriesUpdateInput>;
type Fields = Omit<CreateInput, 'agencyId'>;
const DAY = 86_400_000;

const badField = (field: string, message: string) =>
  appError('BAD_REQUEST', 'unknown_reference', `${field}: ${message}`, { field });

/** The rule, first meeting and zone expand (DTSTART exists in the zone); the references exist. */
async function checkedFields(ctx: Ctx, agencyId: string, input: Fields) {
  const rrule = checkedRrule(input.rrule);
  const probe = { ...input, rrule, dtstart: storedWall(input.dtstart) };
  // Expanding the first year catches what parsing cannot (a DTSTART in a DST gap, a rule that
  // never matches its own DTSTART's month day) with the field named.
  const near = Date.parse(`${input.dtstart}:00Z`);
  const first = expand(recurringOf(probe), new Date(near - DAY), new Date(near + 2 * 366 * DAY))[0];
  if (!first)
    throw appError('BAD_REQUEST', 'invalid_rrule', 'rrule: the rule has no occurrence', {
      field: 'rrule',
      part: null,
    });
  if (input.roomId) {
    const [r] = await ctx.db.select({ agencyId: room.agencyId }).from(room).where(eq(room.id, input.roomId));
    if (!r || r.agencyId !== agencyId) throw badField('roomId', "not one of the agency's rooms");
  }
  const userIds = input.participants.flatMap((p) => (p.kind === 'user' ? [p.userId] : []));
  const users = userIds.length
    ? await ctx.db
        .select({ id: appUser.id, disabledAt: appUser.disabledAt })
        .from(appUser)
        .where(inArray(appUser.id, userIds))
    : [];
  const memberships = userIds.length
    ? await ctx.db
        .select({ userId: membership.userId, agencyId: membership.agencyId })
        .from(membership)
        .where(inArray(membership.userId, userIds))
    : [];
  const agencyIds = input.participants.flatMap((p) => (p.agencyId ? [p.agencyId] : []));
  const known = new Set(
    agencyIds.length
      ? (await ctx.db.select({ id: agency.id }).from(agency).where(inArray(agency.id, agencyIds))).map(
          (a) => a.id,
        )
      : [],
  );
  input.participants.forEach((p, i) => {
    if (p.agencyId && !known.has(p.agencyId)) throw badField(`participants.${i}.agencyId`, 'no such agency');
    if (p.kind !== 'user') return;
    const user = users.find((u) => u.id === p.userId);
    if (!user || user.disabledAt) throw badField(`participants.${i}.userId`, 'no such user');
    const theirs = memberships.filter((m) => m.userId === p.userId).map((m) => m.agencyId);
    if (p.agencyId ? !theirs.includes(p.agencyId) : theirs.length === 0) {
      throw badField(`participants.${i}.agencyId`, 'the user is not a member of this agency');
    }
  });
  const twice = userIds.find((u, i) => userIds.indexOf(u) !== i);
  if (twice) throw badField('participants', 'a user is invited twice');
  return {
    title: input.title,
    rrule,
    timezone: input.timezone,
    dtstart: storedWall(input.dtstart),
    durationMinutes: input.durationMinutes,
    participants: input.participants,
    roomId: input.online ? null : input.roomId,
    online: input.online,
    locationNote: input.locationNote ?? null,
  };
}

export async function createSeries(ctx: Ctx, input: CreateInput) {
  if (!agenciesWith(ctx.user, 'conference', 'create').includes(input.agencyId)) {
    await audit(ctx, {
      action: 'series.create',
      outcome: 'denied',
      resourceType: 'conference_series',
      details: { reason: 'not_own_agency' },
    });
    throw appError('FORBIDDEN', 'forbidden', 'You may create series only for your own agency');
  }
  const values = await checkedFields(ctx, input.agencyId, input);
  const [row] = await ctx.db
    .insert(conferenceSeries)
    .values({ ...values, agencyId: input.agencyId, organiserUserId: ctx.user.userId })
    .returning();
  await seriesAudit(ctx, 'series.create', row!.id);
  return { id: row!.id, version: row!.version };
}

export async function updateSeries(ctx: Ctx, input: UpdateInput) {
  const current = await seriesFor(ctx, input.seriesId, 'series.update');
  const values = await checkedFields(ctx, current.agencyId, input);
  const result = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(conferenceSeries)
      .set(values)
      .where(and(eq(conferenceSeries.id, current.id), eq(conferenceSeries.version, input.expectedVersion)))
      .returning();
    if (!row) return undefined;
    // Exceptions of dates the new rule does not generate (or moved ones whose new time it now
    // generates anyway) would make the series unexpandable: they go.
    const exceptions = await exceptionsOf({ db: tx as never }, row.id);
    const stale = exceptions.filter((e) => !generatedOn(row, e.originalDate)).map((e) => e.id);
    if (stale.length)
      await tx.delete(conferenceSeriesException).where(inArray(conferenceSeriesException.id, stale));
    return { row, dropped: stale.length };
  });
  if (!result) {
    throw appError('CONFLICT', 'conflict', 'the series was changed meanwhile; reload it', {
      currentVersion: current.version,
    });
  }
  await seriesAudit(ctx, 'series.update', current.id, { droppedExceptions: result.dropped });
  return { id: current.id, version: result.row.version, droppedExceptions: result.dropped };
}

/** The occurrence on `originalDate` must exist and have no live conference (that is rescheduled instead). */
async function changeableOccurrence(ctx: Ctx, series: SeriesRow, originalDate: string) {
  const occ = generatedOn(series, originalDate);
  if (!occ) {
    throw appError(
      'BAD_REQUEST',
      'unknown_reference',
      `originalDate: the series has no meeting on ${originalDate}`,
      {
        field: 'originalDate',
      },
    );
  }
  const [booked] = await ctx.db
    .select({ id: conference.id })
    .from(conference)
    .where(
      and(
        eq(conference.seriesId, series.id),
        eq(conference.seriesOccurrence, occ.recurrenceId),
        ne(conference.status, 'cancelled'),
      ),
    );
  if (booked) {
    throw appError(
      'BAD_REQUEST',
      'invalid_state',
      'this meeting already has its conference: reschedule or cancel the conference instead',
      { conferenceId: booked.id },
    );
  }
  return occ;
}

async function putException(
  ctx: Ctx,
  series: SeriesRow,
  originalDate: string,
  exception: { kind: 'skipped'; movedTo: null } | { kind: 'moved'; movedTo: string },
) {
  await ctx.db
    .insert(conferenceSeriesException)
    .values({ seriesId: series.id, originalDate, ...exception, createdByUserId: ctx.user.userId })
    .onConflictDoUpdate({
      target: [conferenceSeriesException.seriesId, conferenceSeriesException.originalDate],
      set: { ...exception, createdByUserId: ctx.user.userId },
    });
}

export async function skipOccurrence(ctx: Ctx, input: z.output<typeof seriesSkipInput>) {
  const series = await seriesFor(ctx, input.seriesId, 'series.skip');
  await changeableOccurrence(ctx, series, input.originalDate);
  await putException(ctx, series, input.originalDate, { kind: 'skipped', movedTo: null });
  await seriesAudit(ctx, 'series.skip', series.id, { originalDate: input.originalDate });
  return { seriesId: series.id, originalDate: input.originalDate, state: 'skipped' as const };
}

export async function moveOccurrence(ctx: Ctx, input: z.output<typeof seriesMoveInput>) {
  const series = await seriesFor(ctx, input.seriesId, 'series.move');
  await changeableOccurrence(ctx, series, input.originalDate);
  const exceptions = (await exceptionsOf(ctx, series.id)).filter(
    (e) => e.originalDate !== input.originalDate,
  );
  const moved = { kind: 'moved' as const, movedTo: storedWall(input.startsAt) };
  // The new time must exist in the zone (not in a DST gap) and the series still expand.
  const probe = recurringOf(series, [...exceptions, { ...moved, originalDate: input.originalDate }]);
  try {
    expand(probe, new Date(`${input.originalDate}T00:00:00Z`), new Date(`${input.originalDate}T23:59:59Z`));
  } catch (error) {
    throw appError('BAD_REQUEST', 'unknown_reference', 'startsAt: not a time the meeting can be moved to', {
      field: 'startsAt',
      cause: error instanceof Error ? error.message : String(error),
    });
  }
  await putException(ctx, series, input.originalDate, moved);
  await seriesAudit(ctx, 'series.move', series.id, { originalDate: input.originalDate });
  return { seriesId: series.id, originalDate: input.originalDate, state: 'moved' as const };
}

export async function restoreOccurrence(ctx: Ctx, input: z.output<typeof seriesSkipInput>) {
  const series = await seriesFor(ctx, input.seriesId, 'series.restore');
  const removed = await ctx.db
    .delete(conferenceSeriesException)
    .where(
      and(
        eq(conferenceSeriesException.seriesId, series.id),
        eq(conferenceSeriesException.originalDate, input.originalDate),
      ),
    )
    .returning({ id: conferenceSeriesException.id });
  await seriesAudit(ctx, 'series.restore', series.id, { originalDate: input.originalDate });
  return { seriesId: series.id, originalDate: input.originalDate, restored: removed.length > 0 };
}
