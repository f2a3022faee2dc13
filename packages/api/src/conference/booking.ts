// Booking a conference: its room and its people, for one time range, all or nothing. PostgreSQL's
// EXCLUDE constraint `booking_no_overlap` (migration 0007) is what prevents double booking, also
// between concurrent writers; this module only writes, and turns the refusal into a typed error.
import { type Database, pgErrorOf, schema } from '@caremap/db';
import type { BookingResourceKind } from '@caremap/db/schema';
import { and, eq, gt, inArray, lt, ne, or } from 'drizzle-orm';

const { booking, conference, room, appUser } = schema;

export interface BookConferenceInput {
  conferenceId: string;
  /** Omitted when the conference needs no room of ours. */
  roomId?: string | undefined;
  /** app_user ids of the people who must be there; each is booked like a room. */
  personIds: readonly string[];
  startsAt: Date;
  /** Exclusive: a booking ending at 10:00 leaves 10:00 free for the next one. */
  endsAt: Date;
  /**
   * More writes that must commit with the booking or not at all (the conference's new state, the
   * invitation e-mails in the outbox). Runs inside the transaction after the bookings are written;
   * it may run again when a vanished clash makes the booking retry.
   */
  within?: (tx: Database) => Promise<void>;
}

export interface BookedResource {
  kind: BookingResourceKind;
  id: string;
}

export interface Clash extends BookedResource {
  /** The conference that already holds this resource at an overlapping time. */
  conferenceId: string;
  startsAt: Date;
  endsAt: Date;
}

/** Another conference holds one of the requested resources at an overlapping time; nothing was written. */
export class BookingConflict extends Error {
  /** The first clash (rooms before people); `clashes` lists every resource that is taken. */
  readonly resource: Clash;
  constructor(readonly clashes: readonly [Clash, ...Clash[]]) {
    const [first] = clashes;
    super(
      `${first.kind} ${first.id} is already booked by conference ${first.conferenceId} ` +
        `from ${first.startsAt.toISOString()} to ${first.endsAt.toISOString()}`,
    );
    this.name = 'BookingConflict';
    this.resource = first;
  }
}

/** The input names something that does not exist, or a time range that is empty. */
export class BookingRefused extends Error {
  constructor(
    readonly reason: 'empty_time_range' | 'unknown_conference' | 'unknown_room' | 'unknown_person',
    message: string,
  ) {
    super(message);
    this.name = 'BookingRefused';
  }
}

const EXCLUSION_VIOLATION = '23P01';
// A clash can vanish between our rollback and our look-up (the other conference was released):
// the resources are then free, so try again rather than report a conflict nobody can see.
const ATTEMPTS = 3;

/**
 * Books the room and the people of one conference for [startsAt, endsAt) and moves the conference
 * to that time, in one transaction. Booking again replaces the conference's earlier bookings
 * (rescheduling). Throws `BookingConflict` naming the taken resource, or `BookingRefused`.
 */
export async function bookConference(db: Database, input: BookConferenceInput): Promise<BookedResource[]> {
  const { conferenceId, startsAt, endsAt } = input;
  if (!(endsAt.getTime() > startsAt.getTime())) {
    throw new BookingRefused('empty_time_range', 'a booking must end after it starts');
  }
  // One global order (rooms first, then people by id) for every writer, so two transactions that
  // want the same resources wait for each other instead of deadlocking.
  const resources: BookedResource[] = [
    ...(input.roomId ? [{ kind: 'room' as const, id: input.roomId }] : []),
    ...[...new Set(input.personIds)].sort().map((id) => ({ kind: 'person' as const, id })),
  ];

  for (let attempt = 1; ; attempt++) {
    try {
      await db.transaction(async (tx) => {
        const moved = await tx
          .update(conference)
          .set({ startsAt, endsAt })
          .where(eq(conference.id, conferenceId))
          .returning({ id: conference.id });
        if (moved.length === 0) {
          throw new BookingRefused('unknown_conference', `conference ${conferenceId} does not exist`);
        }
        if (input.roomId) {
          const found = await tx.select({ id: room.id }).from(room).where(eq(room.id, input.roomId));
          if (found.length === 0)
            throw new BookingRefused('unknown_room', `room ${input.roomId} does not exist`);
        }
        const personIds = resources.filter((r) => r.kind === 'person').map((r) => r.id);
        if (personIds.length > 0) {
          const found = await tx
            .select({ id: appUser.id })
            .from(appUser)
            .where(inArray(appUser.id, personIds));
          const missing = personIds.find((id) => !found.some((f) => f.id === id));
          if (missing) throw new BookingRefused('unknown_person', `person ${missing} does not exist`);
        }
        await tx.delete(booking).where(eq(booking.conferenceId, conferenceId));
        if (resources.length > 0) {
          await tx.insert(booking).values(
            resources.map((r) => ({
              conferenceId,
              resourceKind: r.kind,
              resourceId: r.id,
              startsAt,
              endsAt,
            })),
          );
        }
        if (input.within) await input.within(tx as unknown as Database);
      });
      return resources;
    } catch (error) {
      if (pgErrorOf(error)?.code !== EXCLUSION_VIOLATION) throw error;
      // Rolled back: look up, outside the failed transaction, who holds what we asked for.
      const clashes = await clashesWith(db, conferenceId, resources, startsAt, endsAt);
      if (clashes.length > 0) throw new BookingConflict(clashes as [Clash, ...Clash[]]);
      if (attempt >= ATTEMPTS) throw error;
    }
  }
}

/** Cancels a conference's bookings, freeing its room and its people for that time. */
export async function releaseConference(db: Database, conferenceId: string): Promise<number> {
  // Works inside a caller's transaction too (cancel: status, bookings and e-mails together).
  const released = await db
    .delete(booking)
    .where(eq(booking.conferenceId, conferenceId))
    .returning({ id: booking.id });
  return released.length;
}

async function clashesWith(
  db: Database,
  conferenceId: string,
  resources: readonly BookedResource[],
  startsAt: Date,
  endsAt: Date,
): Promise<Clash[]> {
  if (resources.length === 0) return [];
  const rows = await db
    .select({
      kind: booking.resourceKind,
      id: booking.resourceId,
      conferenceId: booking.conferenceId,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
    })
    .from(booking)
    .where(
      and(
        ne(booking.conferenceId, conferenceId),
        or(...resources.map((r) => and(eq(booking.resourceKind, r.kind), eq(booking.resourceId, r.id)))),
        // Half-open ranges [starts, ends) overlap exactly when each starts before the other ends.
        lt(booking.startsAt, endsAt),
        gt(booking.endsAt, startsAt),
      ),
    );
  const rank = (c: Clash) => resources.findIndex((r) => r.kind === c.kind && r.id === c.id);
  return rows.sort((a, b) => rank(a) - rank(b));
}
