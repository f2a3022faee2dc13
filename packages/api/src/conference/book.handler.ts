// conference.book, conference.reschedule and conference.cancel: the conference's time, its bookings
// and the e-mails that announce them change in ONE transaction, so an e-mail exists exactly when its
// change is committed, and a booking stands even when SMTP is down (the worker sends later).
import { schema } from '@caremap/db';
import type { conferenceBookInput } from '@caremap/validators';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../audit';
import type { Context, SessionUser } from '../context';
import { appError } from '../errors';
import { type ConferenceRow, conferenceFor } from './access';
import { proposeTimes } from './availability';
import { BookingConflict, BookingRefused, bookConference, releaseConference } from './booking';
import { enqueueConferenceMessages } from './outbox';

const { conference, conferenceParticipant } = schema;

type Ctx = Context & { user: SessionUser };
type BookInput = z.output<typeof conferenceBookInput>;

/** Required CareMap users are booked like rooms; optional ones and non-users are not held. */
async function requiredUserIds(ctx: Ctx, conferenceId: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ userId: conferenceParticipant.userId })
    .from(conferenceParticipant)
    .where(
      and(
        eq(conferenceParticipant.conferenceId, conferenceId),
        eq(conferenceParticipant.kind, 'user'),
        eq(conferenceParticipant.attendance, 'required'),
      ),
    );
  return rows.map((r) => r.userId!);
}

function checkRoom(conf: ConferenceRow, roomId: string | null) {
  if (roomId === null) {
    if (!conf.online) {
      throw appError('BAD_REQUEST', 'invalid_state', 'roomId: this conference is not online; choose a room', {
        field: 'roomId',
      });
    }
  } else if (!conf.candidateRoomIds.includes(roomId)) {
    throw appError('BAD_REQUEST', 'unknown_reference', "roomId: not one of the conference's rooms", {
      field: 'roomId',
    });
  }
}

export async function bookOrReschedule(ctx: Ctx, input: BookInput, mode: 'book' | 'reschedule') {
  const action = `conference.${mode}`;
  const conf = await conferenceFor(ctx, input.conferenceId, 'update', action);
  const expected = mode === 'book' ? 'draft' : 'scheduled';
  if (conf.status !== expected) {
    throw appError(
      'BAD_REQUEST',
      'invalid_state',
      mode === 'book'
        ? `the conference is ${conf.status}; only a draft can be booked (reschedule a scheduled one)`
        : `the conference is ${conf.status}; only a scheduled conference can be rescheduled`,
    );
  }
  checkRoom(conf, input.roomId);
  if (input.startsAt.getTime() <= Date.now()) {
    throw appError('BAD_REQUEST', 'invalid_state', 'startsAt: must be in the future', { field: 'startsAt' });
  }
  const startsAt = input.startsAt;
  const endsAt = new Date(startsAt.getTime() + conf.durationMinutes * 60_000);
  let messages = 0;
  try {
    await bookConference(ctx.db, {
      conferenceId: conf.id,
      roomId: input.roomId ?? undefined,
      personIds: await requiredUserIds(ctx, conf.id),
      startsAt,
      endsAt,
      within: async (tx) => {
        const [updated] = await tx
          .update(conference)
          .set({
            status: 'scheduled',
            roomId: input.roomId,
            // The first REQUEST goes out with SEQUENCE 0; every later change raises it.
            ...(mode === 'reschedule' ? { sequence: sql`${conference.sequence} + 1` } : {}),
          })
          // Still in the state we checked: a cancel or another booking in between wins, and this rolls back.
          .where(and(eq(conference.id, conf.id), eq(conference.status, expected)))
          .returning();
        if (!updated) {
          throw appError('CONFLICT', 'conflict', 'the conference was changed meanwhile; reload it');
        }
        messages = await enqueueConferenceMessages(tx, updated, {
          method: 'REQUEST',
          update: mode === 'reschedule',
          publicUrl: ctx.publicUrl,
        });
      },
    });
  } catch (error) {
    if (error instanceof BookingConflict) {
      // Somebody else took the room or a required person meanwhile: say which kind of resource (not
      // whose conference it is: that may be another agency's) and offer times that work now.
      const fresh = await proposeTimes(ctx.db, conf, {});
      await audit(ctx, {
        action,
        outcome: 'failure',
        resourceType: 'conference',
        resourceId: conf.id,
        details: { reason: 'booking_conflict', resource: error.resource.kind },
      });
      throw appError(
        'CONFLICT',
        'booking_conflict',
        `The ${error.resource.kind === 'room' ? 'room' : 'a required participant'} is already booked at that time; choose one of the fresh proposals`,
        {
          clashes: error.clashes.map((c) => ({ resourceKind: c.kind, resourceId: c.id })),
          proposals: fresh.proposals,
          ...(fresh.explanation ? { explanation: fresh.explanation } : {}),
        },
      );
    }
    if (error instanceof BookingRefused) {
      throw appError('BAD_REQUEST', 'unknown_reference', error.message);
    }
    throw error;
  }
  await audit(ctx, { action, outcome: 'success', resourceType: 'conference', resourceId: conf.id });
  const [after] = await ctx.db.select().from(conference).where(eq(conference.id, conf.id));
  return {
    id: conf.id,
    status: after!.status,
    startsAt: after!.startsAt!,
    endsAt: after!.endsAt!,
    roomId: after!.roomId,
    sequence: after!.sequence,
    icalUid: after!.icalUid,
    messages,
  };
}

export async function cancelConference(ctx: Ctx, conferenceId: string) {
  const conf = await conferenceFor(ctx, conferenceId, 'update', 'conference.cancel');
  if (conf.status !== 'scheduled' && conf.status !== 'draft') {
    throw appError(
      'BAD_REQUEST',
      'invalid_state',
      `the conference is ${conf.status}; it cannot be cancelled`,
    );
  }
  const wasScheduled = conf.status === 'scheduled';
  const result = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(conference)
      .set({ status: 'cancelled', sequence: sql`${conference.sequence} + 1` })
      .where(and(eq(conference.id, conf.id), eq(conference.status, conf.status)))
      .returning();
    if (!updated) throw appError('CONFLICT', 'conflict', 'the conference was changed meanwhile; reload it');
    const released = await releaseConference(tx as never, conf.id);
    // The accept/decline links stay known, so someone who clicks one later is told the conference
    // was cancelled (invitation_expired) rather than that the link is wrong; they change nothing.
    // Only people who got an invitation get a cancellation.
    const messages = wasScheduled
      ? await enqueueConferenceMessages(tx as never, updated, { method: 'CANCEL', publicUrl: ctx.publicUrl })
      : 0;
    return { updated, released, messages };
  });
  await audit(ctx, {
    action: 'conference.cancel',
    outcome: 'success',
    resourceType: 'conference',
    resourceId: conf.id,
  });
  return {
    id: conf.id,
    status: result.updated.status,
    sequence: result.updated.sequence,
    releasedBookings: result.released,
    messages: result.messages,
  };
}
