// The availability poll through the router: the organiser sends proposed times to the externals,
// a family member answers through the link without signing in, and the next proposals respect it.
import { schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { TRPCError } from '@trpc/server';
import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addConferenceWorld,
  DAY,
  eightParticipants,
  mondayAfter,
  signedIn,
} from '../../test/conference-world';
import { callerFor, makeWorld } from '../../test/fixtures';
import { AppCodeError } from '../errors';

const t = useTestDatabase();
let world: Awaited<ReturnType<typeof makeWorld>>;
let extra: Awaited<ReturnType<typeof addConferenceWorld>>;
beforeAll(async () => {
  world = await makeWorld(t.current.db);
  extra = await addConferenceWorld(t.current.db, world);
});

const as = (local: string) => signedIn(t.current.db, local);
let clientNo = 0;
const anonymous = () => callerFor(t.current.db, `10.44.0.${++clientNo}`).caller();
const from = mondayAfter(7);

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return { code: error.code, appCode: error.cause instanceof AppCodeError ? error.cause.appCode : undefined };
}

async function draft(caseRef: string) {
  const organiser = await as('organiser');
  return organiser.conference.create({
    kind: 'family_conference',
    caseRef,
    title: 'Family worries the neighbours reported', // case content: never on the poll page or e-mail
    agencyId: world.agencies.welfare.id,
    timezone: 'Europe/Budapest',
    durationMinutes: 60,
    scheduleBy: new Date(from.getTime() + 14 * DAY),
    participants: eightParticipants(world, extra),
    online: true,
  });
}

const pollMails = (conferenceId: string) =>
  t.current.db
    .select()
    .from(schema.outboxMessage)
    .where(and(eq(schema.outboxMessage.conferenceId, conferenceId), isNull(schema.outboxMessage.ics)));
const tokenOf = (text: string) => /poll\?token=([A-Za-z0-9_-]{43})&lang=(\w\w)/.exec(text)!;
const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) =>
  a.startsAt < b.endsAt && b.startsAt < a.endsAt;

describe('the availability poll for external participants', () => {
  let conferenceId: string;
  let times: Array<{ startsAt: Date; endsAt: Date }>;
  let familyToken: string;

  it('sends one e-mail per external, in their language, with a link whose token is stored only as a hash', async () => {
    conferenceId = (await draft('HU-POLL-2026-0001')).id;
    const organiser = await as('organiser');
    const proposals = (await organiser.conference.propose({ conferenceId, from })).proposals;
    times = proposals.slice(0, 3).map((p) => ({ startsAt: p.startsAt, endsAt: p.endsAt }));
    const sent = await organiser.poll.send({ conferenceId, times });
    expect(sent.sent).toBe(2); // the family member and the interpreter; contacts only when asked
    const mails = await pollMails(conferenceId);
    expect(mails.map((m) => m.recipientAddress).sort()).toEqual([
      'family@example.org',
      'interpreter@example.org',
    ]);
    for (const mail of mails) {
      expect(mail.recipientLanguage).toBe('tr');
      expect(mail.textBody).toContain('Önerilen zamanlar');
      expect(mail.textBody).toContain('HU-POLL-2026-0001');
      expect(mail.textBody + mail.subject).not.toContain('neighbours');
      expect(tokenOf(mail.textBody)[2]).toBe('tr');
    }
    familyToken = tokenOf(mails.find((m) => m.recipientAddress === 'family@example.org')!.textBody)[1]!;
    const invites = await t.current.db.select().from(schema.conferencePollInvite);
    expect(invites.some((i) => i.tokenHash === familyToken)).toBe(false);
    expect(invites.every((i) => /^[A-Za-z0-9_-]{43}$/.test(i.tokenHash))).toBe(true);
  });

  it("shows the family member only that conference's times, without signing in", async () => {
    const view = await (await anonymous()).poll.view({ token: familyToken });
    expect(view).toMatchObject({
      kind: 'family_conference',
      timezone: 'Europe/Budapest',
      language: 'tr',
      open: true,
    });
    expect(view.name).toBe('Family Member');
    expect(view.times.map((x) => x.startsAt.getTime())).toEqual(times.map((x) => x.startsAt.getTime()));
    expect(view.times.every((x) => x.answer === null)).toBe(true);
    expect(JSON.stringify(view)).not.toContain('neighbours');
    expect(JSON.stringify(view)).not.toContain('HU-POLL');
  });

  it('takes answers and lets them be changed; the organiser sees them per time', async () => {
    const caller = await anonymous();
    const view = await caller.poll.view({ token: familyToken });
    const [first, second, third] = view.times;
    await caller.poll.answer({
      token: familyToken,
      name: 'Ayşe K.',
      answers: [
        { optionId: first!.optionId, answer: 'yes' },
        { optionId: second!.optionId, answer: 'yes' },
      ],
    });
    // Changed before the deadline: the first time is a "no" now, the second "if need be".
    await caller.poll.answer({
      token: familyToken,
      name: 'Ayşe K.',
      answers: [
        { optionId: first!.optionId, answer: 'no' },
        { optionId: second!.optionId, answer: 'if_need_be' },
        { optionId: third!.optionId, answer: 'yes' },
      ],
    });
    const again = await caller.poll.view({ token: familyToken });
    expect(again.name).toBe('Ayşe K.');
    expect(again.times.map((x) => x.answer)).toEqual(['no', 'if_need_be', 'yes']);

    const results = await (await as('organiser')).poll.results({ conferenceId });
    const family = results.poll!.invitees.find((i) => i.displayName === 'Family Member')!;
    expect(family.respondentName).toBe('Ayşe K.');
    expect(
      results.poll!.times.map((x) => x.answers.find((a) => a.participantId === family.participantId)!.answer),
    ).toEqual(['no', 'if_need_be', 'yes']);
  });

  it('feeds the finder: "no" removes that time for the family member, "if need be" ranks it lower', async () => {
    const organiser = await as('organiser');
    const { proposals } = await organiser.conference.propose({ conferenceId, from, wanted: 10 });
    expect(proposals.some((p) => overlaps(p, times[0]!))).toBe(false);
    const detail = await organiser.conference.get({ conferenceId });
    const familyId = detail.participants.find((p) => p.displayName === 'Family Member')!.id;
    const soft = proposals.filter((p) => p.ifNeedBe.includes(familyId));
    for (const p of soft) expect(overlaps(p, times[1]!)).toBe(true);
    // Ranking: proposals without an "if need be" attendee come before those with one.
    const firstSoft = proposals.findIndex((p) => p.ifNeedBe.length > 0);
    if (firstSoft >= 0) expect(proposals.slice(firstSoft).every((p) => p.ifNeedBe.length > 0)).toBe(true);
  });

  it('answers a wrong token with poll_invalid, and a time of another poll with unknown_reference', async () => {
    const caller = await anonymous();
    const wrong = `${familyToken.slice(0, 42)}${familyToken[42] === 'A' ? 'B' : 'A'}`;
    expect(await failure(caller.poll.view({ token: wrong }))).toMatchObject({
      code: 'NOT_FOUND',
      appCode: 'poll_invalid',
    });
    expect(await failure(caller.poll.view({ token: 'short' }))).toMatchObject({ code: 'BAD_REQUEST' });
    const other = (await draft('HU-POLL-2026-0002')).id;
    const organiser = await as('organiser');
    const otherTimes = (await organiser.conference.propose({ conferenceId: other, from })).proposals.slice(
      0,
      1,
    );
    await organiser.poll.send({
      conferenceId: other,
      times: otherTimes.map((p) => ({ startsAt: p.startsAt, endsAt: p.endsAt })),
    });
    const otherToken = tokenOf((await pollMails(other))[0]!.textBody)[1]!;
    const otherOption = (await caller.poll.view({ token: otherToken })).times[0]!.optionId;
    expect(
      await failure(
        caller.poll.answer({
          token: familyToken,
          name: 'X',
          answers: [{ optionId: otherOption, answer: 'yes' }],
        }),
      ),
    ).toMatchObject({ appCode: 'unknown_reference' });
  });

  it('closes at the deadline: the page still shows the answers, changes are refused', async () => {
    await t.current.db
      .update(schema.conferencePoll)
      .set({ deadline: new Date(Date.now() - 1000) })
      .where(eq(schema.conferencePoll.conferenceId, conferenceId));
    const caller = await anonymous();
    const view = await caller.poll.view({ token: familyToken });
    expect(view.open).toBe(false);
    expect(
      await failure(
        caller.poll.answer({
          token: familyToken,
          name: 'Ayşe K.',
          answers: [{ optionId: view.times[0]!.optionId, answer: 'yes' }],
        }),
      ),
    ).toMatchObject({ appCode: 'poll_closed' });
  });

  it("refuses the poll to anyone but the agency's organisers, and a poll without externals", async () => {
    // The partner takes part in the conference (reads it) but schedules none; another agency's
    // organiser schedules, but not this conference (NOT_FOUND: nothing learnt about it).
    for (const [who, code] of [
      ['partner', 'FORBIDDEN'],
      ['other-organiser', 'NOT_FOUND'],
    ] as const) {
      const caller = await as(who);
      expect(await failure(caller.poll.results({ conferenceId }))).toMatchObject({ code });
      expect(await failure(caller.poll.send({ conferenceId, times }))).toMatchObject({ code });
    }
    const organiser = await as('organiser');
    const internal = await organiser.conference.create({
      kind: 'case_discussion',
      caseRef: 'HU-POLL-2026-0003',
      title: 'Internal',
      agencyId: world.agencies.welfare.id,
      timezone: 'Europe/Budapest',
      durationMinutes: 60,
      scheduleBy: new Date(from.getTime() + 14 * DAY),
      participants: [{ kind: 'user', userId: world.users.organiser }],
      online: true,
    });
    expect(await failure(organiser.poll.send({ conferenceId: internal.id, times }))).toMatchObject({
      appCode: 'no_poll_recipients',
    });
  });
});
