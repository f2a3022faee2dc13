import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForceProposals, bruteForceStarts } from '../test/brute-force';
import { findSlots } from './find-slots';
import { feasibleStarts } from './slots';
import type {
  Interval,
  QuorumRule,
  SlotParticipant,
  SlotRoom,
  SlotSearch,
  TimeRange,
  Weekday,
} from './types';

const MIN = 60_000;
// Zones with and without daylight saving, on different dates, and with :30 and :45 offsets.
const ZONES = ['Europe/Budapest', 'Europe/Prague', 'Europe/Istanbul', 'America/New_York', 'Asia/Kathmandu'];
// Windows start a few days before a transition: EU 29 Mar / 25 Oct 2026, US 8 Mar / 1 Nov 2026.
const ANCHORS = [
  '2026-03-27T00:00:00Z',
  '2026-10-23T00:00:00Z',
  '2026-03-06T00:00:00Z',
  '2026-10-30T00:00:00Z',
];
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const AGENCIES = ['school', 'police', 'gp'];

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
// Any 5-minute boundary of the day, nights included, so DST gaps and repeats are hit.
const range: fc.Arbitrary<TimeRange> = fc
  .tuple(fc.integer({ min: 0, max: 287 }), fc.integer({ min: 1, max: 288 }))
  .filter(([a, b]) => a < b)
  .map(([a, b]) => ({ start: hhmm(a * 5), end: hhmm(b * 5) }));
const hours = fc
  .tuple(...WEEKDAYS.map(() => fc.array(range, { maxLength: 2 })))
  .map((perDay) =>
    Object.fromEntries(WEEKDAYS.map((d, i) => [d, perDay[i]!]).filter(([, r]) => r!.length > 0)),
  );
const busy = (from: number, spanMinutes: number): fc.Arbitrary<Interval[]> =>
  fc.array(
    fc
      .tuple(fc.integer({ min: -12, max: spanMinutes / 5 }), fc.integer({ min: 1, max: 72 }))
      .map(([s, len]) => ({
        start: new Date(from + s * 5 * MIN).toISOString(),
        end: new Date(from + (s + len) * 5 * MIN).toISOString(),
      })),
    { maxLength: 4 },
  );

const search: fc.Arbitrary<SlotSearch> = fc
  .record({
    anchor: fc.constantFrom(...ANCHORS),
    startOffset: fc.integer({ min: 0, max: 3 * 288 }),
    days: fc.integer({ min: 1, max: 4 }),
    durationMinutes: fc.integer({ min: 1, max: 24 }).map((n) => n * 5),
    granularityMinutes: fc.constantFrom(5, 15),
    wanted: fc.integer({ min: 1, max: 4 }),
    count: fc.integer({ min: 1, max: 5 }),
  })
  .chain((base) => {
    const from = Date.parse(base.anchor) + base.startOffset * 5 * MIN;
    const spanMinutes = base.days * 1440;
    const participant = (i: number): fc.Arbitrary<SlotParticipant> =>
      fc.record({
        id: fc.constant(`p${i}`),
        agencyId: fc.constantFrom(...AGENCIES),
        attendance: fc.constantFrom('required' as const, 'optional' as const, 'optional' as const),
        timeZone: fc.constantFrom(...ZONES),
        workingHours: hours,
        busy: busy(from, spanMinutes),
        // A poll's "if need be" answers: soft costs that reorder proposals without removing any.
        ifNeedBe: busy(from, spanMinutes),
      });
    const ids = Array.from({ length: base.count }, (_, i) => `p${i}`);
    const rule: fc.Arbitrary<QuorumRule> = fc.oneof(
      fc.record({
        kind: fc.constant('agency' as const),
        agencyId: fc.constantFrom(...AGENCIES),
        atLeast: fc.integer({ min: 1, max: 2 }),
      }),
      fc.record({
        kind: fc.constant('pool' as const),
        participantIds: fc.subarray(ids, { minLength: 1 }),
        atLeast: fc.integer({ min: 1, max: 2 }),
      }),
    );
    const room = (i: number): fc.Arbitrary<SlotRoom> =>
      fc.record({
        id: fc.constant(`r${i}`),
        capacity: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        busy: busy(from, spanMinutes),
      });
    return fc.record({
      window: fc.constant({
        from: new Date(from).toISOString(),
        to: new Date(from + spanMinutes * MIN).toISOString(),
      }),
      durationMinutes: fc.constant(base.durationMinutes),
      granularityMinutes: fc.constant(base.granularityMinutes),
      wanted: fc.constant(base.wanted),
      participants: fc.tuple(...ids.map((_, i) => participant(i))),
      quorum: fc.array(rule, { maxLength: 2 }),
      rooms: fc
        .integer({ min: 1, max: 3 })
        .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => room(i)))),
      interpreter: fc.option(fc.record({ participantIds: fc.subarray(ids, { minLength: 1 }) }), {
        nil: undefined,
      }),
    });
  });

describe('the slot finder agrees with a brute-force search over a 5-minute grid', () => {
  it('on random calendars across time zones and daylight-saving changes', () => {
    let withStarts = 0;
    let withSoft = 0;
    let runs = 0;
    fc.assert(
      fc.property(search, (s) => {
        const expected = bruteForceStarts(s).map((c) => ({
          start: new Date(c.start).toISOString(),
          roomId: c.roomId,
          absentOptional: c.absentOptional.length,
          ifNeedBe: c.ifNeedBe.length,
        }));
        expect(feasibleStarts(s)).toEqual(expected);
        runs++;
        if (expected.length > 0) withStarts++;
        if (expected.some((c) => c.ifNeedBe > 0)) withSoft++;
        const proposals = findSlots(s).proposals.map(({ score: _, ...p }) => p);
        expect(proposals).toEqual(bruteForceProposals(s));
      }),
      { numRuns: 200 },
    );
    // Guards the generator: a property that only ever compares two empty lists proves nothing.
    expect(withStarts / runs).toBeGreaterThan(0.3);
    expect(withSoft / runs).toBeGreaterThan(0.1);
    console.log(`property: ${withStarts} of ${runs} random calendars had feasible starts`);
  });
});
