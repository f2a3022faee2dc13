import type { SlotParticipant, SlotRoom, SlotSearch, Weekday } from '../src/types';

/** Small seeded PRNG (mulberry32) so every run measures the same calendars. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGENCIES = ['welfare', 'school', 'police', 'gp', 'health-visitor'];
const ZONES = ['Europe/Budapest', 'Europe/Prague', 'Europe/Istanbul'];
const WEEK: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const HOUR = 3_600_000;

/**
 * 15 participants from 5 agencies in three zones over 6 weeks that cross the end of summer time
 * (25 Oct 2026): about two busy blocks per person per working day, a quorum per agency, a pool,
 * an interpreter pool and four rooms, one of them online.
 */
export function benchSearch(seed = 16): SlotSearch {
  const rnd = random(seed);
  const from = Date.parse('2026-10-12T00:00:00Z');
  const to = from + 42 * 24 * HOUR;
  const busy = () => {
    const out: { start: string; end: string }[] = [];
    for (let day = 0; day < 42; day++) {
      for (let k = 0; k < 2; k++) {
        const start = from + day * 24 * HOUR + (6 + Math.floor(rnd() * 40) / 4) * HOUR;
        out.push({
          start: new Date(start).toISOString(),
          end: new Date(start + (0.5 + Math.floor(rnd() * 3) / 2) * HOUR).toISOString(),
        });
      }
    }
    return out;
  };
  const participants: SlotParticipant[] = Array.from({ length: 15 }, (_, i) => ({
    id: `p${i}`,
    agencyId: AGENCIES[i % AGENCIES.length]!,
    attendance: i < 5 ? 'required' : 'optional',
    timeZone: ZONES[i % ZONES.length]!,
    workingHours: Object.fromEntries(
      WEEK.filter(() => rnd() > 0.1).map((d) => [
        d,
        [{ start: rnd() > 0.5 ? '08:00' : '07:30', end: rnd() > 0.5 ? '16:00' : '17:30' }],
      ]),
    ),
    busy: busy(),
  }));
  const rooms: SlotRoom[] = [
    { id: 'conference-room', capacity: 12, busy: busy() },
    { id: 'meeting-room', capacity: 8, busy: busy() },
    { id: 'family-room', capacity: 16, busy: busy() },
    { id: 'online', capacity: null, busy: [] },
  ];
  return {
    window: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    durationMinutes: 90,
    granularityMinutes: 15,
    participants,
    quorum: [
      ...AGENCIES.slice(1).map((agencyId) => ({ kind: 'agency' as const, agencyId, atLeast: 1 })),
      { kind: 'pool', participantIds: ['p5', 'p10', 'p12'] },
    ],
    rooms,
    interpreter: { participantIds: ['p13', 'p14'] },
    wanted: 3,
  };
}
