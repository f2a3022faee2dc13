import { describe, expect, it } from 'vitest';
import { findSlots } from './find-slots';
import { feasibleStarts } from './slots';
import {
  type SlotParticipant,
  type SlotRoom,
  type SlotSearch,
  SlotSearchInputError,
  type TimeRange,
  type Weekday,
} from './types';

const weekdays = (range: TimeRange, days: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri']) =>
  Object.fromEntries(days.map((d) => [d, [range]]));
const office = weekdays({ start: '08:00', end: '16:00' });

function person(id: string, extra: Partial<SlotParticipant> = {}): SlotParticipant {
  return {
    id,
    agencyId: 'welfare',
    attendance: 'required',
    timeZone: 'Europe/Budapest',
    workingHours: office,
    busy: [],
    ...extra,
  };
}
const online: SlotRoom = { id: 'online', capacity: null, busy: [] };

function search(extra: Partial<SlotSearch>): SlotSearch {
  return {
    window: { from: '2026-11-30T00:00:00Z', to: '2026-12-05T00:00:00Z' },
    durationMinutes: 60,
    participants: [person('case-manager')],
    rooms: [online],
    ...extra,
  };
}

describe('a week with the daylight-saving change in Budapest', () => {
  // Summer time starts on Sunday 29 March 2026; Istanbul keeps UTC+3 all year.
  const budapest = person('case-manager');
  const istanbul = person('interpreter', {
    timeZone: 'Europe/Istanbul',
    workingHours: weekdays({ start: '09:00', end: '17:00' }),
  });
  const week = search({
    window: { from: '2026-03-27T00:00:00Z', to: '2026-04-01T00:00:00Z' },
    participants: [budapest, istanbul],
  });

  it('keeps 08:00 Budapest time as the first start before and after the change', () => {
    const starts = feasibleStarts(week).map((s) => s.start);
    expect(starts[0]).toBe('2026-03-27T07:00:00.000Z'); // Friday 08:00 CET
    const monday = starts.filter((s) => s.startsWith('2026-03-30'));
    expect(monday[0]).toBe('2026-03-30T06:00:00.000Z'); // Monday 08:00 CEST
    // Istanbul's 17:00 is 14:00 UTC on both days, so the last one-hour start is 13:00 UTC.
    expect(monday.at(-1)).toBe('2026-03-30T13:00:00.000Z');
    expect(starts.some((s) => s.startsWith('2026-03-28') || s.startsWith('2026-03-29'))).toBe(false);
  });

  it('proposes Monday 08:00 local when Friday is taken', () => {
    const busyFriday = {
      ...budapest,
      busy: [{ start: '2026-03-27T00:00:00+01:00', end: '2026-03-28T00:00:00+01:00' }],
    };
    const { proposals } = findSlots({ ...week, participants: [busyFriday, istanbul], wanted: 1 });
    expect(proposals).toEqual([
      {
        start: '2026-03-30T06:00:00.000Z',
        end: '2026-03-30T07:00:00.000Z',
        roomId: 'online',
        absentOptional: [],
        ifNeedBe: [],
        score: 1,
      },
    ]);
  });
});

describe("a family member's poll answers", () => {
  // Monday 30 Nov 2026, Budapest (UTC+1). The poll offered 08:00, 09:00 and 10:00 local.
  const mother = person('mother', { agencyId: 'family' });
  const at = (hour: number) => ({
    start: `2026-11-30T${String(hour - 1).padStart(2, '0')}:00:00Z`,
    end: `2026-11-30T${String(hour).padStart(2, '0')}:00:00Z`,
  });

  it('"no" takes the time away; "if need be" ranks the time after times without such answers', () => {
    const answered = {
      ...mother,
      busy: [at(8)], // no at 08:00
      ifNeedBe: [at(9)], // if need be at 09:00
    };
    const { proposals } = findSlots(
      search({
        window: { from: '2026-11-30T07:00:00Z', to: '2026-11-30T10:00:00Z' },
        participants: [person('case-manager'), answered],
        granularityMinutes: 60,
        wanted: 2,
      }),
    );
    expect(proposals.map((p) => [p.start, p.ifNeedBe])).toEqual([
      ['2026-11-30T09:00:00.000Z', []],
      ['2026-11-30T08:00:00.000Z', ['mother']],
    ]);
  });

  it('"if need be" still counts the person as present, so a required person with it is proposed', () => {
    const { proposals } = findSlots(
      search({
        window: { from: '2026-11-30T08:00:00Z', to: '2026-11-30T09:00:00Z' },
        participants: [{ ...mother, ifNeedBe: [at(9)] }],
        wanted: 1,
      }),
    );
    expect(proposals).toMatchObject([{ start: '2026-11-30T08:00:00.000Z', ifNeedBe: ['mother'] }]);
  });

  it('a meeting only touching an "if need be" time is not a soft cost', () => {
    const { proposals } = findSlots(
      search({
        window: { from: '2026-11-30T08:00:00Z', to: '2026-11-30T09:00:00Z' },
        participants: [{ ...mother, ifNeedBe: [at(8), at(10)] }],
        wanted: 1,
      }),
    );
    expect(proposals).toMatchObject([{ start: '2026-11-30T08:00:00.000Z', ifNeedBe: [] }]);
  });

  it('names the field of a bad "if need be" instant', () => {
    expect(() =>
      findSlots(search({ participants: [{ ...mother, ifNeedBe: [{ start: 'Monday', end: 'x' }] }] })),
    ).toThrow(/ifNeedBe of mother/);
  });
});

describe('an agency with nobody free on Tuesdays and Thursdays', () => {
  // The case manager works part-time, Tuesdays and Thursdays; both police officers are on patrol then.
  const patrol = (id: string) =>
    person(id, {
      agencyId: 'police',
      attendance: 'optional',
      busy: [
        { start: '2026-12-01T00:00:00+01:00', end: '2026-12-02T00:00:00+01:00' },
        { start: '2026-12-03T00:00:00+01:00', end: '2026-12-04T00:00:00+01:00' },
      ],
    });
  const s = search({
    window: { from: '2026-11-30T00:00:00Z', to: '2026-12-03T23:00:00Z' },
    participants: [
      person('case-manager', { workingHours: weekdays({ start: '08:00', end: '16:00' }, ['tue', 'thu']) }),
      patrol('officer-1'),
      patrol('officer-2'),
    ],
    quorum: [{ kind: 'agency', agencyId: 'police', atLeast: 1 }],
  });

  it('proposes nothing and names the police quorum as the blocker', () => {
    const result = findSlots(s);
    expect(result.proposals).toEqual([]);
    expect(result.explanation?.blockers).toEqual([
      // Making the case manager optional would also help: the officers are free on other days.
      { kind: 'required_participant', participantId: 'case-manager', freeMinutes: 960 },
      { kind: 'agency_quorum', agencyId: 'police', needed: 1, bestAvailable: 0 },
    ]);
    expect(result.explanation?.relaxations).toContainEqual({
      kind: 'drop_quorum_rule',
      rule: { kind: 'agency', agencyId: 'police', atLeast: 1 },
      proposals: 3,
    });
  });

  it('says that extending the deadline into next week helps, once an officer is free then', () => {
    const nextWeekFree = {
      ...s,
      participants: s.participants.map((p) =>
        p.id === 'officer-1' ? { ...p, busy: p.busy.slice(0, 1) } : p,
      ),
    };
    // Officer 1 is free on Thursday 3 Dec, but the deadline cuts it at 00:00 Budapest time.
    const result = findSlots({
      ...nextWeekFree,
      window: { from: s.window.from, to: '2026-12-02T23:00:00Z' },
    });
    expect(result.proposals).toEqual([]);
    expect(result.explanation?.relaxations).toContainEqual({
      kind: 'extend_deadline',
      days: 1,
      proposals: 3,
    });
  });
});

describe('rooms', () => {
  const team = [person('a'), person('b'), person('c', { attendance: 'optional' })];
  const hall: SlotRoom = {
    id: 'hall',
    capacity: 6,
    busy: [{ start: '2026-11-30T08:00:00+01:00', end: '2026-11-30T10:00:00+01:00' }],
  };
  const small: SlotRoom = { id: 'small', capacity: 2, busy: [] };

  it('skips a booked hall and a room too small for everyone who can come', () => {
    const { proposals } = findSlots(search({ participants: team, rooms: [hall, small], wanted: 1 }));
    expect(proposals[0]).toMatchObject({ start: '2026-11-30T09:00:00.000Z', roomId: 'hall' });
  });

  it('uses the small room when only two can come', () => {
    const busyC = {
      ...team[2]!,
      busy: [{ start: '2026-11-30T08:00:00+01:00', end: '2026-11-30T09:00:00+01:00' }],
    };
    const { proposals } = findSlots(
      search({ participants: [team[0]!, team[1]!, busyC], rooms: [hall, small], wanted: 1 }),
    );
    // Same time, but the optional colleague's absence ranks this below a full meeting at 10:00.
    expect(proposals[0]).toMatchObject({
      start: '2026-11-30T09:00:00.000Z',
      roomId: 'hall',
      absentOptional: [],
    });
  });

  it('explains a week without a free room and offers an online meeting', () => {
    const booked: SlotRoom = {
      ...hall,
      busy: [{ start: '2026-11-01T00:00:00Z', end: '2027-01-01T00:00:00Z' }],
    };
    const result = findSlots(search({ participants: team, rooms: [booked] }));
    expect(result.proposals).toEqual([]);
    expect(result.explanation).toEqual({
      blockers: [{ kind: 'no_room' }],
      relaxations: [{ kind: 'add_online_room', proposals: 3 }],
    });
  });
});

describe('an interpreter pool', () => {
  const family = person('mother', {
    agencyId: 'family',
    timeZone: 'Europe/Istanbul',
    workingHours: weekdays({ start: '10:00', end: '18:00' }),
  });
  const interpreter = (id: string, hours: TimeRange) =>
    person(id, { agencyId: 'interpreters', attendance: 'optional', workingHours: weekdays(hours) });

  it('needs one interpreter of the pool, not all of them', () => {
    const s = search({
      participants: [
        person('case-manager'),
        family,
        interpreter('i-1', { start: '13:00', end: '16:00' }),
        interpreter('i-2', { start: '08:00', end: '10:00' }),
      ],
      interpreter: { participantIds: ['i-1', 'i-2'] },
      wanted: 3,
    });
    const { proposals } = findSlots(s);
    // Monday: the mother is free from 08:00 Budapest (10:00 Istanbul); i-2 until 10:00, i-1 from 13:00.
    expect(proposals.map((p) => [p.start, p.absentOptional])).toEqual([
      ['2026-11-30T07:00:00.000Z', ['i-1']],
      ['2026-11-30T08:00:00.000Z', ['i-1']],
      ['2026-11-30T12:00:00.000Z', ['i-2']],
    ]);
  });

  it('says so when no interpreter is ever free', () => {
    const away = interpreter('i-1', { start: '06:00', end: '07:00' });
    const result = findSlots(
      search({
        participants: [person('case-manager'), family, away],
        interpreter: { participantIds: ['i-1'] },
      }),
    );
    expect(result.explanation?.blockers).toEqual([{ kind: 'no_interpreter' }]);
    expect(result.explanation?.relaxations).toEqual([{ kind: 'drop_interpreter', proposals: 3 }]);
  });
});

describe('ranking and explanations', () => {
  it('prefers a later time when an optional participant can come', () => {
    const gp = person('gp', {
      agencyId: 'gp',
      attendance: 'optional',
      workingHours: weekdays({ start: '14:00', end: '16:00' }),
    });
    const { proposals } = findSlots(search({ participants: [person('case-manager'), gp], wanted: 2 }));
    expect(proposals.map((p) => [p.start, p.score])).toEqual([
      ['2026-11-30T13:00:00.000Z', 1],
      ['2026-11-30T14:00:00.000Z', 1],
    ]);
  });

  it('names a required participant without time and what making them optional gives', () => {
    const booked = person('head-teacher', {
      agencyId: 'school',
      busy: [{ start: '2026-11-30T00:00:00Z', end: '2026-12-04T15:00:00Z' }],
    });
    const result = findSlots(search({ participants: [person('case-manager'), booked] }));
    expect(result.proposals).toEqual([]);
    expect(result.explanation?.blockers).toEqual([
      { kind: 'required_participant', participantId: 'head-teacher', freeMinutes: 0 },
    ]);
    expect(result.explanation?.relaxations).toEqual([
      { kind: 'make_optional', participantId: 'head-teacher', proposals: 3 },
      { kind: 'extend_deadline', days: 3, proposals: 3 },
    ]);
  });

  it('says the window is too short for the meeting', () => {
    const result = findSlots(
      search({ window: { from: '2026-11-30T08:00:00Z', to: '2026-11-30T08:30:00Z' } }),
    );
    expect(result.explanation?.blockers).toContainEqual({
      kind: 'window_too_short',
      windowMinutes: 30,
      durationMinutes: 60,
    });
  });

  it('refuses an unknown time zone and an unknown pool member by name', () => {
    expect(() => findSlots(search({ participants: [person('x', { timeZone: 'Europe/Atlantis' })] }))).toThrow(
      new SlotSearchInputError('timeZone', 'unknown time zone "Europe/Atlantis"'),
    );
    expect(() => findSlots(search({ interpreter: { participantIds: ['nobody'] } }))).toThrow(
      /interpreter: no participant "nobody"/,
    );
    expect(() => findSlots(search({ window: { from: '2026-11-30', to: '2026-12-01T00:00:00Z' } }))).toThrow(
      /window.from/,
    );
  });
});
