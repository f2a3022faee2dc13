import { type Database, type DatabaseHandle, openDatabase, schema, selectRows } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld } from '../../test/fixtures';
import { BookingConflict, bookConference, releaseConference } from './booking';

const t = useTestDatabase();
let world: Awaited<ReturnType<typeof makeWorld>>;
// The test database's own pool has 4 connections on PostgreSQL; the contention test gets a pool of
// 20 so that many transactions really are open at once. PGlite has one connection whatever we do.
let wide: DatabaseHandle | undefined;
beforeAll(async () => {
  world = await makeWorld(t.current.db);
  const { kind, location } = t.current;
  if (kind === 'postgres' && !location.includes('***')) {
    wide = await openDatabase({ databaseUrl: location, maxConnections: 20 });
  }
});
afterAll(async () => {
  await wide?.close();
});

const HOUR = 3600_000;
const at = (iso: string) => new Date(iso);

async function newRoom(name: string) {
  const [room] = await t.current.db
    .insert(schema.room)
    .values({ agencyId: world.agencies.welfare.id, name, capacity: 12 })
    .returning();
  return room!;
}

async function newConferences(count: number, startsAt: Date) {
  return t.current.db
    .insert(schema.conference)
    .values(
      Array.from({ length: count }, (_, i) => ({
        kind: 'case_conference' as const,
        caseRef: `HU-BKG-${String(i).padStart(4, '0')}`,
        title: `Booking test ${i}`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + HOUR),
        timezone: 'Europe/Budapest',
        organiserUserId: world.users.organiser,
        agencyId: world.agencies.welfare.id,
      })),
    )
    .returning();
}

async function conflictOf(attempt: Promise<unknown>): Promise<BookingConflict> {
  const outcome = await attempt.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (outcome instanceof BookingConflict) return outcome;
  throw new Error(`expected a BookingConflict, got ${outcome === undefined ? 'success' : String(outcome)}`);
}

const bookingsOf = (db: Database, conferenceIds: string[]) =>
  db.select().from(schema.booking).where(inArray(schema.booking.conferenceId, conferenceIds));

/** Pairs of bookings of one resource whose times overlap: checked apart from the code under test. */
async function overlappingPairs(db: Database) {
  return selectRows<{ a: string; b: string }>(
    db,
    sql`select a.id as a, b.id as b from booking a join booking b
          on a.id < b.id and a.resource_kind = b.resource_kind and a.resource_id = b.resource_id
         and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')`,
  );
}

describe('bookConference', () => {
  it('lets exactly one of 100 concurrent overlapping bookings of a room through', async () => {
    const room = await newRoom('Room 100');
    const base = at('2031-03-03T09:00:00Z');
    const conferences = await newConferences(100, base);
    const db = wide?.db ?? t.current.db;
    // Attempt i starts i minutes after 09:00 and every one ends at 12:00: each pair overlaps.
    const outcomes = await Promise.allSettled(
      conferences.map((c, i) =>
        bookConference(db, {
          conferenceId: c.id,
          roomId: room.id,
          personIds: [],
          startsAt: new Date(base.getTime() + i * 60_000),
          endsAt: new Date(base.getTime() + 3 * HOUR),
        }),
      ),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(99);
    for (const error of lost) {
      expect(error).toBeInstanceOf(BookingConflict);
      expect((error as BookingConflict).resource).toMatchObject({ kind: 'room', id: room.id });
    }
    const booked = await bookingsOf(
      t.current.db,
      conferences.map((c) => c.id),
    );
    expect(booked).toHaveLength(1);
    // The losers' conferences kept their old time: their transactions left nothing behind.
    const winner = conferences[outcomes.findIndex((o) => o.status === 'fulfilled')]!;
    const losersStart = await t.current.db
      .select({ startsAt: schema.conference.startsAt })
      .from(schema.conference)
      .where(
        inArray(
          schema.conference.id,
          conferences.filter((c) => c !== winner).map((c) => c.id),
        ),
      );
    expect(losersStart).toHaveLength(99);
    expect(new Set(losersStart.map((r) => r.startsAt!.getTime()))).toEqual(new Set([base.getTime()]));
    expect(await overlappingPairs(t.current.db)).toEqual([]);
  });

  it('names the person who is already booked, and writes none of the second conference', async () => {
    const [roomA, roomB] = [await newRoom('Room A'), await newRoom('Room B')];
    const [first, second] = await newConferences(2, at('2031-04-07T08:00:00Z'));
    const person = world.users.partner;
    await bookConference(t.current.db, {
      conferenceId: first!.id,
      roomId: roomA.id,
      personIds: [world.users.organiser, person],
      startsAt: at('2031-04-07T09:00:00Z'),
      endsAt: at('2031-04-07T10:30:00Z'),
    });
    const conflict = await conflictOf(
      bookConference(t.current.db, {
        conferenceId: second!.id,
        roomId: roomB.id,
        personIds: [person, world.users.coordinator],
        startsAt: at('2031-04-07T10:00:00Z'),
        endsAt: at('2031-04-07T11:00:00Z'),
      }),
    );
    expect(conflict.resource).toMatchObject({ kind: 'person', id: person, conferenceId: first!.id });
    expect(conflict.clashes).toHaveLength(1);
    expect(await bookingsOf(t.current.db, [second!.id])).toEqual([]);
    expect(await bookingsOf(t.current.db, [first!.id])).toHaveLength(3);
    expect(await overlappingPairs(t.current.db)).toEqual([]);
  });

  it('allows back-to-back bookings of the same room and person', async () => {
    const room = await newRoom('Room back-to-back');
    const [early, late] = await newConferences(2, at('2031-05-05T08:00:00Z'));
    const both = { roomId: room.id, personIds: [world.users.organiser] };
    await bookConference(t.current.db, {
      conferenceId: early!.id,
      ...both,
      startsAt: at('2031-05-05T09:00:00Z'),
      endsAt: at('2031-05-05T10:00:00Z'),
    });
    await bookConference(t.current.db, {
      conferenceId: late!.id,
      ...both,
      startsAt: at('2031-05-05T10:00:00Z'),
      endsAt: at('2031-05-05T11:00:00Z'),
    });
    expect(await bookingsOf(t.current.db, [early!.id, late!.id])).toHaveLength(4);
    const [moved] = await t.current.db
      .select()
      .from(schema.conference)
      .where(eq(schema.conference.id, late!.id));
    expect(moved).toMatchObject({ startsAt: at('2031-05-05T10:00:00Z'), endsAt: at('2031-05-05T11:00:00Z') });
  });

  it('frees the room when a conference is released', async () => {
    const room = await newRoom('Room released');
    const [cancelled, next] = await newConferences(2, at('2031-06-02T08:00:00Z'));
    const slot = {
      roomId: room.id,
      personIds: [],
      startsAt: at('2031-06-02T09:00:00Z'),
      endsAt: at('2031-06-02T10:00:00Z'),
    };
    await bookConference(t.current.db, { conferenceId: cancelled!.id, ...slot });
    const conflict = await conflictOf(bookConference(t.current.db, { conferenceId: next!.id, ...slot }));
    expect(conflict.resource).toMatchObject({ kind: 'room', id: room.id, conferenceId: cancelled!.id });
    expect(await releaseConference(t.current.db, cancelled!.id)).toBe(1);
    await bookConference(t.current.db, { conferenceId: next!.id, ...slot });
    expect((await bookingsOf(t.current.db, [next!.id])).map((b) => b.resourceId)).toEqual([room.id]);
  });
});
