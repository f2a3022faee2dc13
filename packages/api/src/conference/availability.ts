// The database side of "finding a time": read everything the pure slot finder needs (working hours,
// busy blocks, other conferences' bookings, rooms) into its plain-data input, call it, and map its
// answer back to our ids. The finder itself (@caremap/scheduling) knows no database.
import { type Database, schema } from '@caremap/db';
import {
  findSlots,
  type QuorumRule,
  type SlotParticipant,
  type SlotRoom,
  type SlotSearch,
  type SlotSearchResult,
} from '@caremap/scheduling';
import { and, eq, gt, inArray, lt, ne } from 'drizzle-orm';
import type { ConferenceRow } from './access';

const {
  booking,
  busyBlock,
  conference,
  conferenceParticipant,
  conferencePoll,
  conferencePollAnswer,
  conferencePollInvite,
  conferencePollOption,
  room,
  workingHours,
} = schema;

/** The online meeting as the finder sees it: a room without a capacity limit. */
export const ONLINE_ROOM = 'online';
/** Invitations need notice: without an explicit `from`, proposals start a day from now. */
export const MIN_NOTICE_MS = 24 * 3600_000;
/** Horizon when the organiser gave no deadline. */
const DEFAULT_WINDOW_DAYS = 42;
/**
 * People whose week CareMap does not know (contacts, externals, users who entered no working hours)
 * are assumed to be available in office hours in the conference's zone; their poll answers
 * (poll.handler.ts) narrow that: "no" is busy, "if need be" a soft cost.
 */
export const DEFAULT_WORKING_HOURS: SlotParticipant['workingHours'] = {
  mon: [{ start: '08:00', end: '16:00' }],
  tue: [{ start: '08:00', end: '16:00' }],
  wed: [{ start: '08:00', end: '16:00' }],
  thu: [{ start: '08:00', end: '16:00' }],
  fri: [{ start: '08:00', end: '16:00' }],
};

export interface ProposalOut {
  startsAt: Date;
  endsAt: Date;
  /** null: the online meeting. */
  roomId: string | null;
  roomName: string | null;
  /** participant ids (conference_participant.id) of optional invitees who cannot come. */
  absentOptional: string[];
  /** participant ids who answered the poll "if need be" for a time this proposal overlaps. */
  ifNeedBe: string[];
  score: number;
}

export interface ProposeResult {
  proposals: ProposalOut[];
  explanation?: SlotSearchResult['explanation'];
  window: { from: Date; to: Date };
}

export async function slotSearchFor(
  db: Database,
  conf: ConferenceRow,
  options: { from?: Date | undefined; wanted?: number; now?: Date },
): Promise<{ search: SlotSearch; roomNames: Map<string, string> }> {
  const now = options.now ?? new Date();
  const from = new Date(Math.max(now.getTime(), options.from?.getTime() ?? now.getTime() + MIN_NOTICE_MS));
  const to = conf.scheduleBy ?? new Date(from.getTime() + DEFAULT_WINDOW_DAYS * 86_400_000);

  const people = await db
    .select({
      id: conferenceParticipant.id,
      userId: conferenceParticipant.userId,
      agencyId: conferenceParticipant.agencyId,
      attendance: conferenceParticipant.attendance,
      role: conferenceParticipant.role,
      timeZone: workingHours.timeZone,
      hours: workingHours.hours,
    })
    .from(conferenceParticipant)
    .leftJoin(workingHours, eq(workingHours.userId, conferenceParticipant.userId))
    .where(eq(conferenceParticipant.conferenceId, conf.id))
    .orderBy(conferenceParticipant.position, conferenceParticipant.createdAt, conferenceParticipant.id);
  const userIds = people.flatMap((p) => (p.userId ? [p.userId] : []));

  // Busy: other conferences' bookings of these people, and their own busy blocks, inside the window.
  const busyByUser = new Map<string, Array<{ start: string; end: string }>>();
  const addBusy = (userId: string, startsAt: Date, endsAt: Date) => {
    const list = busyByUser.get(userId) ?? [];
    list.push({ start: startsAt.toISOString(), end: endsAt.toISOString() });
    busyByUser.set(userId, list);
  };
  // Everything below depends only on the people and the window: read at once (on PostgreSQL the
  // statements run side by side over the pool; PGlite queues them on its one connection).
  const noBusy = Promise.resolve(
    [] as Array<{ userId: string | null; startsAt: Date | null; endsAt: Date | null }>,
  );
  const roomIds = conf.candidateRoomIds;
  /** Other conferences' bookings of these people or rooms that overlap the window. */
  const bookedIn = (kind: 'person' | 'room', ids: string[]) =>
    ids.length
      ? db
          .select({ resourceId: booking.resourceId, startsAt: booking.startsAt, endsAt: booking.endsAt })
          .from(booking)
          .where(
            and(
              eq(booking.resourceKind, kind),
              inArray(booking.resourceId, ids),
              ne(booking.conferenceId, conf.id),
              lt(booking.startsAt, to),
              gt(booking.endsAt, from),
            ),
          )
      : Promise.resolve([]);
  const [booked, attending, blocks, polled, roomRows, roomBookings] = await Promise.all([
    bookedIn('person', userIds),
    // Scheduled conferences they take part in, booked or not (optional invitees are not booked,
    // and conferences from before booking existed have no booking rows).
    userIds.length
      ? db
          .select({
            userId: conferenceParticipant.userId,
            startsAt: conference.startsAt,
            endsAt: conference.endsAt,
          })
          .from(conferenceParticipant)
          .innerJoin(conference, eq(conference.id, conferenceParticipant.conferenceId))
          .where(
            and(
              inArray(conferenceParticipant.userId, userIds),
              ne(conference.id, conf.id),
              eq(conference.status, 'scheduled'),
              lt(conference.startsAt, to),
              gt(conference.endsAt, from),
            ),
          )
      : noBusy,
    userIds.length
      ? db
          .select({ userId: busyBlock.userId, startsAt: busyBlock.startsAt, endsAt: busyBlock.endsAt })
          .from(busyBlock)
          .where(
            and(inArray(busyBlock.userId, userIds), lt(busyBlock.startsAt, to), gt(busyBlock.endsAt, from)),
          )
      : noBusy,
    // The poll's answers: "no" takes the time away, "if need be" makes it a soft cost.
    db
      .select({
        participantId: conferencePollInvite.participantId,
        answer: conferencePollAnswer.answer,
        startsAt: conferencePollOption.startsAt,
        endsAt: conferencePollOption.endsAt,
      })
      .from(conferencePollAnswer)
      .innerJoin(conferencePollInvite, eq(conferencePollInvite.id, conferencePollAnswer.inviteId))
      .innerJoin(conferencePollOption, eq(conferencePollOption.id, conferencePollAnswer.optionId))
      .innerJoin(conferencePoll, eq(conferencePoll.id, conferencePollOption.pollId))
      .where(and(eq(conferencePoll.conferenceId, conf.id), ne(conferencePollAnswer.answer, 'yes'))),
    roomIds.length
      ? db
          .select({ id: room.id, name: room.name, capacity: room.capacity })
          .from(room)
          .where(inArray(room.id, roomIds))
      : Promise.resolve([]),
    bookedIn('room', roomIds),
  ]);
  for (const b of booked) addBusy(b.resourceId, b.startsAt, b.endsAt);
  for (const b of [...attending, ...blocks]) addBusy(b.userId!, b.startsAt!, b.endsAt!);

  const pollTimes = (participantId: string, answer: 'no' | 'if_need_be') =>
    polled
      .filter((a) => a.participantId === participantId && a.answer === answer)
      .map((a) => ({ start: a.startsAt.toISOString(), end: a.endsAt.toISOString() }));

  const participants: SlotParticipant[] = people.map((p) => ({
    id: p.id,
    // Externals represent no agency: a key of their own, so no agency rule counts them.
    agencyId: p.agencyId ?? `external:${p.id}`,
    attendance: p.attendance,
    timeZone: p.timeZone ?? conf.timezone,
    workingHours: p.hours ?? DEFAULT_WORKING_HOURS,
    busy: [...(p.userId ? (busyByUser.get(p.userId) ?? []) : []), ...pollTimes(p.id, 'no')],
    ifNeedBe: pollTimes(p.id, 'if_need_be'),
  }));

  const rooms: SlotRoom[] = roomIds.flatMap((id) => {
    const r = roomRows.find((row) => row.id === id);
    if (!r) return [];
    return [
      {
        id: r.id,
        capacity: r.capacity,
        busy: roomBookings
          .filter((b) => b.resourceId === id)
          .map((b) => ({ start: b.startsAt.toISOString(), end: b.endsAt.toISOString() })),
      },
    ];
  });
  if (conf.online) rooms.push({ id: ONLINE_ROOM, capacity: null, busy: [] });

  const interpreters = people.filter((p) => p.role === 'interpreter').map((p) => p.id);
  const search: SlotSearch = {
    window: { from: from.toISOString(), to: to.toISOString() },
    durationMinutes: conf.durationMinutes,
    participants,
    quorum: conf.quorum as QuorumRule[],
    rooms,
    ...(conf.interpreterRequired ? { interpreter: { participantIds: interpreters } } : {}),
    wanted: options.wanted ?? 3,
  };
  return { search, roomNames: new Map(roomRows.map((r) => [r.id, r.name])) };
}

/** Ranked proposals for the conference, or the finder's explanation of what blocks them. */
export async function proposeTimes(
  db: Database,
  conf: ConferenceRow,
  options: { from?: Date | undefined; wanted?: number; now?: Date } = {},
): Promise<ProposeResult> {
  const { search, roomNames } = await slotSearchFor(db, conf, options);
  const result = findSlots(search);
  return {
    proposals: result.proposals.map((p) => ({
      startsAt: new Date(p.start),
      endsAt: new Date(p.end),
      roomId: p.roomId === ONLINE_ROOM ? null : p.roomId,
      roomName: p.roomId === ONLINE_ROOM ? null : (roomNames.get(p.roomId) ?? null),
      absentOptional: p.absentOptional,
      ifNeedBe: p.ifNeedBe,
      score: p.score,
    })),
    ...(result.explanation ? { explanation: result.explanation } : {}),
    window: { from: new Date(search.window.from), to: new Date(search.window.to) },
  };
}
