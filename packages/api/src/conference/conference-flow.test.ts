// The organiser's path through conference.create -> propose -> book -> reschedule -> cancel, with
// every invitation's .ics read back by ical.js (a second, independent parser), and the refusals.
import { schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { TRPCError } from '@trpc/server';
import { and, asc, eq, inArray } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addConferenceWorld,
  DAY,
  eightParticipants,
  mondayAfter,
  signedIn,
} from '../../test/conference-world';
import { makeWorld } from '../../test/fixtures';
import { AppCodeError } from '../errors';

const t = useTestDatabase();
let world: Awaited<ReturnType<typeof makeWorld>>;
let extra: Awaited<ReturnType<typeof addConferenceWorld>>;
beforeAll(async () => {
  world = await makeWorld(t.current.db);
  extra = await addConferenceWorld(t.current.db, world);
});

const as = (local: string) => signedIn(t.current.db, local);
const from = mondayAfter(7);
/** Two weeks from `start`: the deadline of a conference searched from `start`. */
const twoWeeksFrom = (start: Date) => new Date(start.getTime() + 14 * DAY);

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  const cause = error.cause instanceof AppCodeError ? error.cause : undefined;
  return {
    code: error.code,
    appCode: cause?.appCode,
    details: cause?.details as Record<string, unknown>,
    message: error.message,
  };
}

async function createCaseConference(caseRef: string, overrides: Record<string, unknown> = {}) {
  const organiser = await as('organiser');
  return organiser.conference.create({
    kind: 'case_conference',
    caseRef,
    title: 'School absences and a worried neighbour', // case content: must never reach an e-mail
    agencyId: world.agencies.welfare.id,
    timezone: 'Europe/Budapest',
    durationMinutes: 90,
    scheduleBy: new Date(from.getTime() + 14 * DAY),
    participants: eightParticipants(world, extra),
    quorum: [
      { kind: 'agency', agencyId: extra.agencies.police.id, atLeast: 1 },
      { kind: 'pool', participants: [6], atLeast: 1 },
    ],
    candidateRoomIds: [extra.rooms.a.id, extra.rooms.b.id],
    interpreterRequired: true,
    locationNote: 'Second floor, ring the bell',
    ...overrides,
  });
}

const outboxOf = (conferenceId: string) =>
  t.current.db
    .select()
    .from(schema.outboxMessage)
    .where(eq(schema.outboxMessage.conferenceId, conferenceId))
    .orderBy(asc(schema.outboxMessage.createdAt), asc(schema.outboxMessage.recipientAddress));

/** What ical.js reads from one .ics: method, UID, SEQUENCE, start/end as instants and as local wall time. */
function readIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  const attendee = vevent.getFirstProperty('attendee')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    tzid: event.startDate.zone?.tzid,
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    localStart: `${String(event.startDate.hour).padStart(2, '0')}:${String(event.startDate.minute).padStart(2, '0')}`,
    // The URI scheme is case-insensitive (RFC 3986): compare lower-cased.
    organizer: String(vevent.getFirstPropertyValue('organizer')).toLowerCase(),
    attendee: String(attendee.getFirstValue()).toLowerCase(),
    partstat: attendee.getParameter('partstat'),
    hasVtimezone: calendar
      .getAllSubcomponents('vtimezone')
      .some((c) => c.getFirstPropertyValue('tzid') === event.startDate.zone?.tzid),
  };
}

/** HH:MM of an instant in a zone, by Intl (not by the code under test). */
const wallTime = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    d,
  );

describe('conference scheduling, end to end through the router', () => {
  let conferenceId: string;
  let booked: { startsAt: Date; endsAt: Date };

  it('creates a draft conference with 8 participants from 5 agencies', async () => {
    const created = await createCaseConference('HU-TST-2026-0100');
    conferenceId = created.id;
    expect(created.participantIds).toHaveLength(8);
    const detail = await (await as('organiser')).conference.get({ conferenceId });
    expect(detail.status).toBe('draft');
    expect(detail.startsAt).toBeNull();
    expect(new Set(detail.participants.map((p) => p.agencyId).filter(Boolean)).size).toBe(5);
    expect(detail.participants.map((p) => p.kind)).toEqual([
      'user',
      'user',
      'user',
      'contact',
      'contact',
      'contact',
      'external',
      'external',
    ]);
    // The pool rule was given by position; it is stored with the family member's participant id.
    expect(detail.quorum).toContainEqual({
      kind: 'pool',
      participantIds: [created.participantIds[6]],
      atLeast: 1,
    });
  });

  it('proposes at least three ranked times inside office hours in Budapest, before the deadline', async () => {
    const { proposals, explanation } = await (await as('organiser')).conference.propose({
      conferenceId,
      from,
    });
    expect(explanation).toBeUndefined();
    expect(proposals.length).toBeGreaterThanOrEqual(3);
    for (const p of proposals) {
      expect(p.endsAt.getTime() - p.startsAt.getTime()).toBe(90 * 60_000);
      expect(p.startsAt.getTime()).toBeGreaterThanOrEqual(from.getTime());
      expect(p.endsAt.getTime()).toBeLessThanOrEqual(from.getTime() + 14 * DAY);
      expect(wallTime(p.startsAt, 'Europe/Budapest') >= '08:00').toBe(true);
      expect(wallTime(p.endsAt, 'Europe/Budapest') <= '16:00').toBe(true);
      expect(p.roomId).toBe(extra.rooms.a.id); // Room B holds 4, too few for everyone
    }
    // Best first: never a worse score before a better one.
    const scores = proposals.map((p) => p.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('books a proposal: room and required people held, one e-mail per participant, each with an .ics ical.js reads right', async () => {
    const organiser = await as('organiser');
    const [first] = (await organiser.conference.propose({ conferenceId, from })).proposals;
    const result = await organiser.conference.book({
      conferenceId,
      startsAt: first!.startsAt,
      roomId: first!.roomId,
    });
    booked = { startsAt: result.startsAt, endsAt: result.endsAt };
    expect(result).toMatchObject({ status: 'scheduled', sequence: 0, messages: 8 });

    const bookings = await t.current.db
      .select()
      .from(schema.booking)
      .where(eq(schema.booking.conferenceId, conferenceId));
    expect(bookings.map((b) => b.resourceKind).sort()).toEqual(['person', 'person', 'person', 'room']);

    const mails = await outboxOf(conferenceId);
    expect(mails).toHaveLength(8);
    expect(new Set(mails.map((m) => m.recipientAddress)).size).toBe(8);
    const detail = await organiser.conference.get({ conferenceId });
    for (const mail of mails) {
      expect(mail.status).toBe('pending');
      const ics = readIcs(mail.ics!);
      expect(ics).toMatchObject({
        method: 'REQUEST',
        uid: detail.icalUid,
        sequence: 0,
        tzid: 'Europe/Budapest',
        partstat: 'NEEDS-ACTION',
        hasVtimezone: true,
      });
      expect(ics.start.getTime()).toBe(booked.startsAt.getTime());
      expect(ics.end.getTime()).toBe(booked.endsAt.getTime());
      expect(ics.localStart).toBe(wallTime(booked.startsAt, 'Europe/Budapest'));
      expect(ics.attendee).toBe(`mailto:${mail.recipientAddress}`);
      expect(ics.organizer).toBe('mailto:organiser@test.caremap.eu');
      // Logistics and the case_ref only: the title (case content) is in neither part.
      expect(mail.textBody).toContain('HU-TST-2026-0100');
      expect(mail.textBody + mail.ics + mail.subject).not.toContain('School absences');
      expect(mail.textBody).toMatch(
        /http:\/\/localhost:3000\/conferences\/respond\?token=[A-Za-z0-9_-]{43}&response=accepted/,
      );
    }
    const byAddress = (a: string) => mails.find((m) => m.recipientAddress === a)!;
    expect(byAddress('partner@test.caremap.eu')).toMatchObject({ recipientLanguage: 'hu' });
    expect(byAddress('partner@test.caremap.eu').textBody).toContain('Időpont');
    expect(byAddress('health.contact@example.org').textBody).toContain('Kdy');
    expect(byAddress('family@example.org').textBody).toContain('Ne zaman');
    expect(byAddress('gp.contact@example.org').textBody).toContain('When');
  });

  it('lets an invitee answer through the link, and shows the answer to the organiser', async () => {
    const mail = (await outboxOf(conferenceId)).find((m) => m.recipientAddress === 'family@example.org')!;
    const token = /token=([A-Za-z0-9_-]{43})/.exec(mail.textBody)![1]!;
    const anonymous = await (await import('../../test/fixtures'))
      .callerFor(t.current.db, '10.1.1.1')
      .caller();
    const answer = await anonymous.invitation.respond({ token, response: 'accepted' });
    expect(answer.partstat).toBe('accepted');
    expect(answer.conference).toMatchObject({ caseRef: 'HU-TST-2026-0100', timezone: 'Europe/Budapest' });
    expect(Object.keys(answer.conference)).not.toContain('title');
    const detail = await (await as('organiser')).conference.get({ conferenceId });
    expect(detail.participants.find((p) => p.displayName === 'Family Member')!.partstat).toBe('accepted');

    const wrong = await failure(
      anonymous.invitation.respond({
        token: `${token.slice(0, 42)}${token[42] === 'A' ? 'B' : 'A'}`,
        response: 'declined',
      }),
    );
    expect(wrong).toMatchObject({ code: 'NOT_FOUND', appCode: 'invitation_invalid' });
    const malformed = await failure(anonymous.invitation.respond({ token: 'short', response: 'declined' }));
    expect(malformed.code).toBe('BAD_REQUEST');
  });

  it('reschedules: same UID, SEQUENCE 1, everyone asked again, the old links replaced', async () => {
    const organiser = await as('organiser');
    const before = await outboxOf(conferenceId);
    const oldToken = /token=([A-Za-z0-9_-]{43})/.exec(
      before.find((m) => m.recipientAddress === 'family@example.org')!.textBody,
    )![1]!;
    const later = (
      await organiser.conference.propose({ conferenceId, from: new Date(booked.endsAt.getTime() + DAY) })
    ).proposals[0]!;
    const result = await organiser.conference.reschedule({
      conferenceId,
      startsAt: later.startsAt,
      roomId: later.roomId,
    });
    expect(result.sequence).toBe(1);
    const mails = (await outboxOf(conferenceId)).filter((m) => !before.some((b) => b.id === m.id));
    expect(mails).toHaveLength(8);
    for (const mail of mails) {
      const ics = readIcs(mail.ics!);
      expect(ics).toMatchObject({
        method: 'REQUEST',
        uid: result.icalUid,
        sequence: 1,
        partstat: 'NEEDS-ACTION',
      });
      expect(ics.start.getTime()).toBe(later.startsAt.getTime());
    }
    const anonymous = await (await import('../../test/fixtures'))
      .callerFor(t.current.db, '10.1.1.2')
      .caller();
    expect(
      await failure(anonymous.invitation.respond({ token: oldToken, response: 'accepted' })),
    ).toMatchObject({ appCode: 'invitation_invalid' });
    const bookings = await t.current.db
      .select()
      .from(schema.booking)
      .where(eq(schema.booking.conferenceId, conferenceId));
    expect(new Set(bookings.map((b) => b.startsAt.getTime()))).toEqual(new Set([later.startsAt.getTime()]));
  });

  it('cancels: METHOD:CANCEL with SEQUENCE 2 to everyone, bookings released, links answer "expired"', async () => {
    const organiser = await as('organiser');
    const before = await outboxOf(conferenceId);
    const token = /token=([A-Za-z0-9_-]{43})/.exec(before.at(-1)!.textBody)![1]!;
    const result = await organiser.conference.cancel({ conferenceId });
    expect(result).toMatchObject({ status: 'cancelled', sequence: 2, releasedBookings: 4, messages: 8 });
    const mails = (await outboxOf(conferenceId)).filter((m) => !before.some((b) => b.id === m.id));
    expect(mails).toHaveLength(8);
    const uid = before.map((m) => readIcs(m.ics!).uid)[0];
    for (const mail of mails) {
      expect(mail.icsMethod).toBe('CANCEL');
      const ics = readIcs(mail.ics!);
      expect(ics).toMatchObject({ method: 'CANCEL', uid, sequence: 2 });
      expect(mail.textBody).not.toContain('token=');
    }
    expect(
      await t.current.db.select().from(schema.booking).where(eq(schema.booking.conferenceId, conferenceId)),
    ).toEqual([]);
    const anonymous = await (await import('../../test/fixtures'))
      .callerFor(t.current.db, '10.1.1.3')
      .caller();
    expect(await failure(anonymous.invitation.respond({ token, response: 'accepted' }))).toMatchObject({
      appCode: 'invitation_expired',
    });
  });
});

describe('a booking that loses the race', () => {
  it('answers CONFLICT with fresh proposals, and writes neither bookings nor e-mails', async () => {
    const window = { candidateRoomIds: [extra.rooms.a.id], scheduleBy: twoWeeksFrom(mondayAfter(30)) };
    const first = await createCaseConference('HU-TST-2026-0201', window);
    const second = await createCaseConference('HU-TST-2026-0202', window);
    const organiser = await as('organiser');
    const slot = (await organiser.conference.propose({ conferenceId: first.id, from: mondayAfter(30) }))
      .proposals[0]!;
    await organiser.conference.book({ conferenceId: first.id, startsAt: slot.startsAt, roomId: slot.roomId });
    const lost = await failure(
      organiser.conference.book({ conferenceId: second.id, startsAt: slot.startsAt, roomId: slot.roomId }),
    );
    expect(lost).toMatchObject({ code: 'CONFLICT', appCode: 'booking_conflict' });
    const fresh = lost.details.proposals as Array<{ startsAt: Date; endsAt: Date }>;
    expect(fresh.length).toBeGreaterThanOrEqual(3);
    for (const p of fresh) {
      const overlaps =
        p.startsAt < new Date(slot.startsAt.getTime() + 90 * 60_000) && p.endsAt > slot.startsAt;
      expect(overlaps).toBe(false);
    }
    expect(
      await t.current.db.select().from(schema.booking).where(eq(schema.booking.conferenceId, second.id)),
    ).toEqual([]);
    expect(await outboxOf(second.id)).toEqual([]);
    const [still] = await t.current.db
      .select()
      .from(schema.conference)
      .where(eq(schema.conference.id, second.id));
    expect(still).toMatchObject({ status: 'draft', startsAt: null });
  });
});

describe('explanations', () => {
  it('names the required participant who is never free, and what relaxing helps', async () => {
    // The colleague works Saturdays only: no weekday proposal can include them.
    await t.current.db.insert(schema.workingHours).values({
      userId: world.colleagues.colleague,
      timeZone: 'Europe/Budapest',
      hours: { sat: [{ start: '09:00', end: '12:00' }] },
    });
    const created = await createCaseConference('HU-TST-2026-0301', {
      interpreterRequired: false,
      scheduleBy: twoWeeksFrom(mondayAfter(60)),
    });
    const { proposals, explanation } = await (await as('organiser')).conference.propose({
      conferenceId: created.id,
      from: mondayAfter(60),
    });
    expect(proposals.length).toBeLessThan(3);
    expect(explanation!.blockers).toContainEqual(
      expect.objectContaining({ kind: 'required_participant', participantId: created.participantIds[1] }),
    );
    expect(explanation!.relaxations).toContainEqual(
      expect.objectContaining({ kind: 'make_optional', participantId: created.participantIds[1] }),
    );
    await t.current.db
      .delete(schema.workingHours)
      .where(eq(schema.workingHours.userId, world.colleagues.colleague));
  });

  it('counts busy blocks and other conferences (booked or not) as busy', async () => {
    const monday = mondayAfter(90);
    const created = await createCaseConference('HU-TST-2026-0302', {
      interpreterRequired: false,
      scheduleBy: twoWeeksFrom(monday),
    });
    // The partner (required) is busy all Monday and Tuesday.
    await t.current.db.insert(schema.busyBlock).values({
      userId: world.users.partner,
      startsAt: monday,
      endsAt: new Date(monday.getTime() + 2 * DAY),
    });
    // ... and on Wednesday in another agency's conference that has no booking rows.
    const [other] = await t.current.db
      .insert(schema.conference)
      .values({
        kind: 'case_discussion',
        caseRef: 'HU-TST-2026-0303',
        title: 'Other meeting',
        startsAt: new Date(monday.getTime() + 2 * DAY),
        endsAt: new Date(monday.getTime() + 3 * DAY),
        timezone: 'Europe/Budapest',
        organiserUserId: world.colleagues.otherOrganiser,
        agencyId: world.agencies.otherWelfare.id,
      })
      .returning();
    await t.current.db
      .insert(schema.conferenceParticipant)
      .values({ conferenceId: other!.id, userId: world.users.partner, agencyId: world.agencies.school.id });
    const { proposals } = await (await as('organiser')).conference.propose({
      conferenceId: created.id,
      from: monday,
    });
    expect(proposals.length).toBeGreaterThanOrEqual(3);
    for (const p of proposals)
      expect(p.startsAt.getTime()).toBeGreaterThanOrEqual(monday.getTime() + 3 * DAY);
  });
});

describe('who may see and change a conference', () => {
  let conferenceId: string;
  beforeAll(async () => {
    conferenceId = (await createCaseConference('HU-TST-2026-0401')).id;
  });

  it("shows it to a participant (without invitees' addresses) and to the organiser (with them)", async () => {
    const asPartner = await (await as('partner')).conference.get({ conferenceId });
    expect(asPartner.canEdit).toBe(false);
    expect(asPartner.participants[3]).not.toHaveProperty('email');
    const asOrganiser = await (await as('organiser')).conference.get({ conferenceId });
    expect(asOrganiser.participants[3]).toMatchObject({ email: 'police.contact@example.org' });
    // The colleague organises at the same agency and takes part: may see and edit.
    expect((await (await as('colleague')).conference.get({ conferenceId })).canEdit).toBe(true);
  });

  it("refuses networkers, coordinators and another agency's organiser who are not in it, and audits the refusal", async () => {
    for (const local of ['networker', 'coordinator', 'other-organiser']) {
      const refused = await failure((await as(local)).conference.get({ conferenceId }));
      expect(refused, local).toMatchObject({ code: 'NOT_FOUND', appCode: 'not_found' });
    }
    const denied = await t.current.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.resourceId, conferenceId), eq(schema.auditLog.outcome, 'denied')));
    expect(denied.map((d) => d.actorUserId).sort()).toEqual(
      [world.users.networker, world.users.coordinator, world.colleagues.otherOrganiser].sort(),
    );
  });

  it('refuses a participant who is not an organiser of its agency to propose, book or cancel', async () => {
    const partner = await as('partner');
    expect((await failure(partner.conference.propose({ conferenceId }))).code).toBe('FORBIDDEN');
    const other = await as('other-organiser');
    expect((await failure(other.conference.propose({ conferenceId }))).code).toBe('NOT_FOUND');
    expect(
      (
        await failure(
          other.conference.book({
            conferenceId,
            startsAt: new Date(Date.now() + 30 * DAY),
            roomId: extra.rooms.a.id,
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect((await failure(other.conference.cancel({ conferenceId }))).code).toBe('NOT_FOUND');
    const [still] = await t.current.db
      .select()
      .from(schema.conference)
      .where(eq(schema.conference.id, conferenceId));
    expect(still!.status).toBe('draft');
  });

  it('refuses to create a conference for another agency', async () => {
    const refused = await failure(
      (await as('organiser')).conference.create({
        kind: 'case_discussion',
        caseRef: 'HU-TST-2026-0402',
        title: 'x',
        agencyId: world.agencies.otherWelfare.id,
        timezone: 'Europe/Budapest',
        durationMinutes: 60,
        scheduleBy: new Date(Date.now() + 10 * DAY),
        participants: [{ kind: 'user', userId: world.users.organiser }],
        online: true,
      }),
    );
    expect(refused).toMatchObject({ code: 'FORBIDDEN', appCode: 'forbidden' });
  });

  it('names the field of a bad input', async () => {
    const organiser = await as('organiser');
    const bad = await organiser.conference
      .create({
        kind: 'case_conference',
        caseRef: 'Kovács Anna', // a name, not a pseudonymous code
        title: 'x',
        agencyId: world.agencies.welfare.id,
        timezone: 'Europe/Nowhere',
        durationMinutes: 60,
        scheduleBy: new Date(Date.now() + 10 * DAY),
        participants: [{ kind: 'external', displayName: 'Family' }],
        online: true,
      })
      .catch((e: unknown) => e as TRPCError);
    expect(bad).toBeInstanceOf(TRPCError);
    const issues = ((bad as TRPCError).cause as unknown as { issues: Array<{ path: unknown[] }> }).issues.map(
      (i) => i.path.join('.'),
    );
    expect(issues).toEqual(expect.arrayContaining(['caseRef', 'timezone', 'participants.0.email']));
  });
});

describe('conference.outbox', () => {
  it("lists the organiser's agency's e-mails and hides them from another agency; an administrator sees delivery state only", async () => {
    const created = await createCaseConference('HU-TST-2026-0501', {
      candidateRoomIds: [extra.rooms.b.id],
      online: true,
      interpreterRequired: false,
      scheduleBy: twoWeeksFrom(mondayAfter(120)),
    });
    const organiser = await as('organiser');
    const slot = (await organiser.conference.propose({ conferenceId: created.id, from: mondayAfter(120) }))
      .proposals[0]!;
    await organiser.conference.book({
      conferenceId: created.id,
      startsAt: slot.startsAt,
      roomId: slot.roomId,
    });
    const mine = await organiser.conference.outbox({ conferenceId: created.id });
    expect(mine.total).toBe(8);
    expect(mine.items[0]!.subject).toContain('HU-TST-2026-0501');
    // Not yet delivered to the local outbox: no body shown.
    expect(mine.items[0]!.textBody).toBeNull();
    const others = await (await as('other-organiser')).conference.outbox({ conferenceId: created.id });
    expect(others.total).toBe(0);
    const admin = await (await as('admin')).conference.outbox({ conferenceId: created.id });
    expect(admin.total).toBe(8);
    for (const item of admin.items)
      expect([item.subject, item.textBody, item.ics]).toEqual([null, null, null]);
    expect(await failure((await as('partner')).conference.outbox({}))).toMatchObject({ code: 'FORBIDDEN' });
    const ids = mine.items.map((i) => i.id);
    expect(
      await t.current.db.select().from(schema.outboxMessage).where(inArray(schema.outboxMessage.id, ids)),
    ).toHaveLength(8);
  });
});
