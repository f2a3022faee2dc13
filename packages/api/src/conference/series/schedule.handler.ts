// series.schedule: the conference of one occurrence, made by the same conference.create every other
// conference goes through (the series' title, zone, length, invitees and room), linked to the
// occurrence, and booked at the occurrence's time by conference.book (bookings, invitations in the
// outbox). When the room or a required person is taken then, the conference stays a draft and the
// organiser picks another time on its page from the finder's proposals.

import type { seriesScheduleInput } from '@caremap/validators';
import { conferenceCreateInput } from '@caremap/validators';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import { AppCodeError, appError } from '../../errors';
import { bookOrReschedule } from '../book.handler';
import { createConference } from '../create.handler';
import { conferencesOfSeries } from './read.handler';
import { type Ctx, exceptionsOf, seriesFor, upcomingOccurrences } from './shared';

/** Proposals for a meeting that could not be booked at its time may run this long after it. */
const DEADLINE_AFTER_DAYS = 14;

const isUniqueViolation = (error: unknown): boolean => {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
};

export async function scheduleOccurrence(
  ctx: Ctx,
  input: z.output<typeof seriesScheduleInput>,
  now = new Date(),
) {
  const series = await seriesFor(ctx, input.seriesId, 'series.schedule');
  const occurrences = upcomingOccurrences(series, await exceptionsOf(ctx, series.id), now, 60);
  const occ = occurrences.find((o) => o.occurrence === input.occurrence);
  if (!occ || occ.state === 'skipped') {
    throw appError(
      'BAD_REQUEST',
      'invalid_state',
      occ ? 'occurrence: this meeting is skipped; restore it first' : 'occurrence: no such upcoming meeting',
      { field: 'occurrence' },
    );
  }
  if (occ.startsAt.getTime() <= now.getTime()) {
    throw appError('BAD_REQUEST', 'invalid_state', 'occurrence: this meeting has already started', {
      field: 'occurrence',
    });
  }
  const existing = (await conferencesOfSeries(ctx, [series.id])).find((c) => c.occurrence === occ.occurrence);
  if (existing) return { conferenceId: existing.id, created: false, booked: existing.status !== 'draft' };

  const create = conferenceCreateInput.parse({
    kind: 'signalling_meeting',
    title: series.title,
    agencyId: series.agencyId,
    timezone: series.timezone,
    durationMinutes: Math.round((occ.endsAt.getTime() - occ.startsAt.getTime()) / 60_000),
    scheduleBy: new Date(occ.endsAt.getTime() + DEADLINE_AFTER_DAYS * 86_400_000),
    participants: series.participants,
    candidateRoomIds: series.roomId ? [series.roomId] : [],
    online: series.online,
    locationNote: series.locationNote ?? undefined,
  });
  let conferenceId: string;
  try {
    ({ id: conferenceId } = await createConference(ctx, create, {
      seriesId: series.id,
      seriesOccurrence: occ.occurrence,
    }));
  } catch (error) {
    // Two clicks at once: the unique index let one conference through; answer with that one.
    if (!isUniqueViolation(error)) throw error;
    const winner = (await conferencesOfSeries(ctx, [series.id])).find((c) => c.occurrence === occ.occurrence);
    if (!winner) throw error;
    return { conferenceId: winner.id, created: false, booked: winner.status !== 'draft' };
  }
  try {
    await bookOrReschedule(ctx, { conferenceId, startsAt: occ.startsAt, roomId: series.roomId }, 'book');
  } catch (error) {
    if (
      error instanceof TRPCError &&
      error.cause instanceof AppCodeError &&
      error.cause.appCode === 'booking_conflict'
    ) {
      return { conferenceId, created: true, booked: false };
    }
    throw error;
  }
  return { conferenceId, created: true, booked: true };
}
