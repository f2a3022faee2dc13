// `pnpm bench`: finding a time and booking it, through the API, on PGlite and on PostgreSQL.
//   - conference.propose for a case conference of 8 participants from 5 agencies (quorum, two
//     rooms, an interpreter) over calendars already holding 160 booked conferences, against its
//     two halves measured alone in the same run: the SQL reads that build the finder's input
//     (slotSearchFor) and the pure finder on that input (findSlots);
//   - conference.book (bookings, conference state and 8 invitation e-mails in one transaction)
//     against a bare insert of the same booking rows;
//   - 100 concurrent overlapping bookings of one room: how long until all have an answer, and
//     how many won (must be 1).
// Figures only; nothing here asserts a time.
//   pnpm --filter @caremap/api exec tsx bench/conference.bench.ts   (BENCH_ONLY, BENCH_DATABASE_URL)
import { type DatabaseHandle, openDatabase, schema, selectRows } from '@caremap/db';
import { forEachBenchDatabase } from '@caremap/db/bench';
import { findSlots } from '@caremap/scheduling';
import { eq, sql } from 'drizzle-orm';
import { slotSearchFor } from '../src/conference/availability';
import { BookingConflict, bookConference } from '../src/conference/booking';
import { addConferenceWorld, DAY, eightParticipants, mondayAfter, signedIn } from '../test/conference-world';
import { makeWorld } from '../test/fixtures';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const HOUR = 3600_000;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
async function timed(rounds: number, run: (i: number) => Promise<unknown> | unknown) {
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await run(i);
    out.push(performance.now() - t0);
  }
  return { p50: pct(out, 0.5), p95: pct(out, 0.95) };
}
const row = (label: string, r: { p50: number; p95: number }, extra = '') =>
  console.log(`  ${label.padEnd(34)} p50 ${ms(r.p50).padStart(9)}  p95 ${ms(r.p95).padStart(9)}${extra}`);

async function benchOn(handle: DatabaseHandle, label: string) {
  const db = handle.db;
  const world = await makeWorld(db);
  const extra = await addConferenceWorld(db, world);
  const from = mondayAfter(7);
  const organiser = await signedIn(db, 'organiser');

  // Busy calendars: 160 conferences already booked over the six weeks searched, four a day at
  // 08:00, 11:00, 14:00 and 16:30 for the organiser, a colleague and the partner in turn, a third
  // of them in one of the two rooms (a busy child welfare centre).
  const people = [world.users.organiser, world.colleagues.colleague, world.users.partner];
  const rooms = [extra.rooms.a.id, extra.rooms.b.id];
  const hours = [8, 11, 14, 16.5];
  for (let i = 0; i < 160; i++) {
    const day = Math.floor(i / 4);
    const start = new Date(from.getTime() + day * DAY + (hours[i % 4]! - 1) * HOUR); // Budapest = UTC+1
    const [conf] = await db
      .insert(schema.conference)
      .values({
        kind: 'case_conference',
        caseRef: `HU-BENCH-${String(i).padStart(4, '0')}`,
        title: 'Bench load',
        startsAt: start,
        endsAt: new Date(start.getTime() + HOUR),
        timezone: 'Europe/Budapest',
        organiserUserId: world.users.organiser,
        agencyId: world.agencies.welfare.id,
      })
      .returning();
    await bookConference(db, {
      conferenceId: conf!.id,
      roomId: i % 3 === 0 ? rooms[i % 2] : undefined,
      personIds: [people[i % 3]!],
      startsAt: start,
      endsAt: new Date(start.getTime() + HOUR),
    }).catch((error: unknown) => {
      if (!(error instanceof BookingConflict)) throw error;
    });
  }

  const create = (caseRef: string) =>
    organiser.conference.create({
      kind: 'case_conference',
      caseRef,
      title: 'Bench conference',
      agencyId: world.agencies.welfare.id,
      timezone: 'Europe/Budapest',
      durationMinutes: 90,
      scheduleBy: new Date(from.getTime() + 42 * DAY),
      participants: eightParticipants(world, extra),
      quorum: [
        { kind: 'agency', agencyId: extra.agencies.police.id, atLeast: 1 },
        { kind: 'pool', participants: [6], atLeast: 1 },
      ],
      candidateRoomIds: rooms,
      interpreterRequired: true,
    });
  const { id } = await create('HU-BENCH-2026-0001');
  const [conf] = await db.select().from(schema.conference).where(eq(schema.conference.id, id));
  const options = { from };

  console.log(`\n${label}: 8 participants, 5 agencies, quorum, 2 rooms, interpreter; 160 booked conferences`);
  await organiser.conference.propose({ conferenceId: id, from }); // warm
  const api = await timed(ROUNDS, () => organiser.conference.propose({ conferenceId: id, from }));
  const reads = await timed(ROUNDS, () => slotSearchFor(db, conf!, options));
  const { search } = await slotSearchFor(db, conf!, options);
  const finder = await timed(ROUNDS, () => findSlots(search));
  const answer = await organiser.conference.propose({ conferenceId: id, from });
  const proposals = answer.proposals;
  if (!proposals.length) console.log('  no proposals:', JSON.stringify(answer.explanation).slice(0, 600));
  row('conference.propose (API)', api, `  (${proposals.length} proposals)`);
  row('  its SQL reads alone', reads);
  row('  the pure finder alone', finder);
  console.log(
    `  API p95 / (reads + finder) p95    ${(api.p95 / (reads.p95 + finder.p95)).toFixed(2)}  (target: p95 <= 100 ms on PostgreSQL)`,
  );

  // Booking: each round a fresh conference booked at its first proposal (distinct times, so no
  // conflicts), against the bare insert of as many booking rows.
  const fresh = await Promise.all(
    Array.from({ length: ROUNDS }, async (_, i) => {
      const made = await create(`HU-BENCH-2026-1${String(i).padStart(3, '0')}`);
      return made.id;
    }),
  );
  // Each booked at its own first proposal (the people are busier every round, as in real life).
  const bookMs: number[] = [];
  for (const conferenceId of fresh) {
    const first = (await organiser.conference.propose({ conferenceId, from })).proposals[0]!;
    const t0 = performance.now();
    await organiser.conference.book({ conferenceId, startsAt: first.startsAt, roomId: first.roomId });
    bookMs.push(performance.now() - t0);
  }
  const book = { p50: pct(bookMs, 0.5), p95: pct(bookMs, 0.95) };
  const booked = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from booking where conference_id = ${fresh[0]!}::uuid`,
  );
  const perBooking = Number(booked[0]?.n ?? 0);
  const bare = await timed(ROUNDS, (i) =>
    db.transaction(async (tx) => {
      const start = new Date(from.getTime() + 80 * DAY + i * 2 * HOUR);
      await tx.insert(schema.booking).values(
        Array.from({ length: perBooking }, (_, k) => ({
          conferenceId: id,
          resourceKind: 'room' as const,
          resourceId: k === 0 ? extra.rooms.a.id : extra.rooms.b.id,
          startsAt: new Date(start.getTime() + k * 30 * 60_000),
          endsAt: new Date(start.getTime() + k * 30 * 60_000 + 10 * 60_000),
        })),
      );
    }),
  );
  row('conference.book commit (API)', book, `  (${perBooking} bookings + 8 e-mails each)`);
  row('  bare insert of the booking rows', bare);
  console.log(`  API p95 / bare p95                ${(book.p95 / bare.p95).toFixed(2)}`);

  // 100 concurrent overlapping bookings of one room, over a pool of 20 connections on PostgreSQL.
  const wide =
    handle.kind === 'postgres' && !handle.location.includes('***')
      ? await openDatabase({ databaseUrl: handle.location, maxConnections: 20 })
      : handle;
  try {
    const [room] = await db
      .insert(schema.room)
      .values({ agencyId: world.agencies.welfare.id, name: 'Contended room', capacity: 12 })
      .returning();
    const base = new Date(from.getTime() + 100 * DAY + 9 * HOUR);
    const contenders = await db
      .insert(schema.conference)
      .values(
        Array.from({ length: 100 }, (_, i) => ({
          kind: 'case_conference' as const,
          caseRef: `HU-BENCH-RACE-${String(i).padStart(3, '0')}`,
          title: 'Race',
          startsAt: base,
          endsAt: new Date(base.getTime() + HOUR),
          timezone: 'Europe/Budapest',
          organiserUserId: world.users.organiser,
          agencyId: world.agencies.welfare.id,
        })),
      )
      .returning();
    const t0 = performance.now();
    const outcomes = await Promise.allSettled(
      contenders.map((c, i) =>
        bookConference(wide.db, {
          conferenceId: c.id,
          roomId: room!.id,
          personIds: [],
          startsAt: new Date(base.getTime() + i * 60_000),
          endsAt: new Date(base.getTime() + 3 * HOUR),
        }),
      ),
    );
    const took = performance.now() - t0;
    const won = outcomes.filter((o) => o.status === 'fulfilled').length;
    const conflicts = outcomes.filter(
      (o) => o.status === 'rejected' && o.reason instanceof BookingConflict,
    ).length;
    const [overlaps] = await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from booking a join booking b on a.id < b.id
            and a.resource_kind = b.resource_kind and a.resource_id = b.resource_id
            and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')`,
    );
    console.log(
      `  100-way contention for one room    ${ms(took)} until all answered; won ${won} (must be 1), clear conflicts ${conflicts}, overlapping bookings after: ${overlaps?.n}`,
    );
  } finally {
    if (wide !== handle) await wide.close();
  }
}

await forEachBenchDatabase(benchOn);
