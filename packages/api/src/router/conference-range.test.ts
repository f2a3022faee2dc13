// conference.inRange: the week and month calendar's rows. Same visibility and audit as
// conference.upcoming (one query, conference/list.handler.ts); here the range's edges and limit.
import { schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { TRPCError } from '@trpc/server';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, makeWorld, PASSWORD } from '../../test/fixtures';

const t = useTestDatabase();
let world: Awaited<ReturnType<typeof makeWorld>>;

// The week of Monday 24 March 2031 in Budapest (UTC+1; summer time starts on Sunday 30 March).
const WEEK_FROM = new Date('2031-03-23T23:00:00Z');
const WEEK_TO = new Date('2031-03-30T22:00:00Z');
const ids: Record<string, string> = {};

beforeAll(async () => {
  world = await makeWorld(t.current.db);
  const { welfare, otherWelfare, school } = world.agencies;
  const { organiser, partner } = world.users;
  const at = async (
    key: string,
    startsAt: string,
    endsAt: string,
    agencyId: string,
    participants: Array<{ userId: string; agencyId: string }>,
  ) => {
    const [row] = await t.current.db
      .insert(schema.conference)
      .values({
        kind: 'care_plan_review',
        caseRef: `HU-RNG-2031-${key}`,
        title: `Review ${key}`,
        startsAt: new Date(startsAt),
        endsAt: new Date(endsAt),
        timezone: 'Europe/Budapest',
        organiserUserId: agencyId === welfare.id ? organiser : world.colleagues.otherOrganiser,
        agencyId,
      })
      .returning();
    await t.current.db
      .insert(schema.conferenceParticipant)
      .values(participants.map((p) => ({ conferenceId: row!.id, ...p })));
    ids[key] = row!.id;
  };
  const mine = [{ userId: organiser, agencyId: welfare.id }];
  // Sunday evening to Monday morning across the week's start: overlaps it, so it is shown.
  await at('0001', '2031-03-23T20:00:00Z', '2031-03-24T00:30:00Z', welfare.id, mine);
  // Ends exactly when the week starts: does not overlap [from, to).
  await at('0002', '2031-03-23T21:00:00Z', '2031-03-23T23:00:00Z', welfare.id, mine);
  // Inside the week.
  await at('0003', '2031-03-26T09:00:00Z', '2031-03-26T10:00:00Z', welfare.id, mine);
  // Starts exactly when the next week starts: not this week's.
  await at('0004', '2031-03-30T22:00:00Z', '2031-03-30T23:00:00Z', welfare.id, mine);
  // Another agency's, inside the week; the partner takes part, the organiser does not.
  await at('0005', '2031-03-27T09:00:00Z', '2031-03-27T10:00:00Z', otherWelfare.id, [
    { userId: world.colleagues.otherOrganiser, agencyId: otherWelfare.id },
    { userId: partner, agencyId: school.id },
  ]);
});

async function signedIn(role: string) {
  const session = callerFor(t.current.db);
  await (await session.caller()).auth.login({ email: `${role}@test.caremap.eu`, password: PASSWORD });
  return session.caller();
}

const caseRefs = async (role: string, from: Date, to: Date) =>
  (await (await signedIn(role)).conference.inRange({ from, to })).items.map((c) => c.caseRef);

describe('conference.inRange', () => {
  it('lists the conferences overlapping the week, one running over its start included, soonest first', async () => {
    expect(await caseRefs('organiser', WEEK_FROM, WEEK_TO)).toEqual(['HU-RNG-2031-0001', 'HU-RNG-2031-0003']);
  });

  it('puts a conference starting at the end of the range into the next range, not this one', async () => {
    const nextWeekTo = new Date('2031-04-06T22:00:00Z');
    expect(await caseRefs('organiser', WEEK_TO, nextWeekTo)).toEqual(['HU-RNG-2031-0004']);
  });

  it("shows no other agency's conference to an organiser, and shows it to the partner who takes part", async () => {
    expect(await caseRefs('organiser', WEEK_FROM, WEEK_TO)).not.toContain('HU-RNG-2031-0005');
    expect(await caseRefs('partner', WEEK_FROM, WEEK_TO)).toEqual(['HU-RNG-2031-0005']);
    expect(await caseRefs('other-organiser', WEEK_FROM, WEEK_TO)).toEqual(['HU-RNG-2031-0005']);
    // Networkers of the organiser's agency attend none of them.
    expect(await caseRefs('networker', WEEK_FROM, WEEK_TO)).toEqual([]);
  });

  it('returns what the list returns for each conference, with its time, kind and zone', async () => {
    const { items } = await (await signedIn('organiser')).conference.inRange({
      from: WEEK_FROM,
      to: WEEK_TO,
    });
    expect(items[1]).toEqual({
      id: ids['0003'],
      kind: 'care_plan_review',
      caseRef: 'HU-RNG-2031-0003',
      title: 'Review 0003',
      startsAt: new Date('2031-03-26T09:00:00Z'),
      endsAt: new Date('2031-03-26T10:00:00Z'),
      timezone: 'Europe/Budapest',
      status: 'scheduled',
      agencyName: 'Welfare Centre',
      participantCount: 1,
    });
  });

  it('audits every conference it lists as read by the caller', async () => {
    const reads = () =>
      t.current.db
        .select()
        .from(schema.auditLog)
        .where(
          and(
            eq(schema.auditLog.action, 'conference.read'),
            eq(schema.auditLog.actorUserId, world.users.partner),
            inArray(schema.auditLog.resourceId, [ids['0005']!, ids['0003']!]),
          ),
        );
    const count = async (id: string) => (await reads()).filter((r) => r.resourceId === id).length;
    const before = { listed: await count(ids['0005']!), other: await count(ids['0003']!) };
    await caseRefs('partner', WEEK_FROM, WEEK_TO);
    // The conference the partner saw, once more; the organiser's own one, which they did not see, never.
    expect({ listed: await count(ids['0005']!), other: await count(ids['0003']!) }).toEqual({
      listed: before.listed + 1,
      other: 0,
    });
  });

  it('takes a range of up to 45 days and refuses a longer one, naming the field', async () => {
    const from = new Date('2031-03-01T00:00:00Z');
    const fortyFive = new Date(from.getTime() + 45 * 86_400_000);
    expect(await caseRefs('organiser', from, fortyFive)).toEqual(
      expect.arrayContaining(['HU-RNG-2031-0001', 'HU-RNG-2031-0003', 'HU-RNG-2031-0004']),
    );
    const caller = await signedIn('organiser');
    const error = await caller.conference
      .inRange({ from, to: new Date(fortyFive.getTime() + 60_000) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).message).toContain('to must be at most 45 days after from');
    const backwards = await caller.conference
      .inRange({ from: WEEK_TO, to: WEEK_FROM })
      .catch((e: unknown) => e);
    expect((backwards as TRPCError).message).toContain('to must be after from');
  });

  it('asks an anonymous caller to sign in', async () => {
    const error = await (await callerFor(t.current.db).caller()).conference
      .inRange({ from: WEEK_FROM, to: WEEK_TO })
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('UNAUTHORIZED');
  });
});
