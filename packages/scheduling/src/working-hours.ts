import { Temporal } from 'temporal-polyfill';
import { normalize, type Span } from './intervals';
import { SlotSearchInputError, type TimeRange, type Weekday } from './types';

const MINUTE = 60_000;
const DAY = 86_400_000;
// 1970-01-01 was a Thursday; index by (epochDay + 4) mod 7.
const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** `[start, end, offsetMs]`: a stretch of time in which a zone's UTC offset does not change. */
type OffsetSegment = readonly [start: number, end: number, offset: number];

// Time-zone rules do not change while the process runs, so segments are memoised; the finder
// stays a pure function. Transitions come from Temporal's own lookup, not from sampling.
const segmentCache = new Map<string, OffsetSegment[]>();

function offsetSegments(timeZone: string, from: number, to: number): OffsetSegment[] {
  const key = `${timeZone}|${from}|${to}`;
  const cached = segmentCache.get(key);
  if (cached) return cached;
  let zdt: Temporal.ZonedDateTime;
  try {
    zdt = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(timeZone);
  } catch {
    throw new SlotSearchInputError('timeZone', `unknown time zone "${timeZone}"`);
  }
  const out: OffsetSegment[] = [];
  let start = from;
  for (;;) {
    const offset = zdt.offsetNanoseconds / 1e6;
    const next = zdt.getTimeZoneTransition('next');
    const at = next ? next.epochMilliseconds : Number.POSITIVE_INFINITY;
    if (!next || at >= to) {
      out.push([start, to, offset]);
      break;
    }
    out.push([start, at, offset]);
    start = at;
    zdt = next;
  }
  if (segmentCache.size > 1000) segmentCache.clear();
  segmentCache.set(key, out);
  return out;
}

/** `'HH:MM'` to minutes after local midnight; `'24:00'` allowed as an end. */
export function parseClock(value: string, field: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  if (!m || Number(m[2]) > 59 || minutes > 24 * 60) {
    throw new SlotSearchInputError(field, `"${value}" is not a time of day (HH:MM)`);
  }
  return minutes;
}

type DayRanges = Partial<Record<Weekday, TimeRange[]>>;

/**
 * The instants in `[from, to)` whose local wall-clock time in `timeZone` falls in the working
 * hours of that local weekday. Within one offset segment local time is UTC plus a constant, so
 * each local day's range maps to one UTC span: the work is per day and range, not per minute.
 */
export function workingSpans(timeZone: string, hours: DayRanges, from: number, to: number): Span[] {
  const parsed = new Map<Weekday, [number, number][]>();
  for (const [day, ranges] of Object.entries(hours) as [Weekday, TimeRange[]][]) {
    if (!WEEKDAYS.includes(day)) throw new SlotSearchInputError('workingHours', `unknown weekday "${day}"`);
    parsed.set(
      day,
      ranges.map((r) => {
        const s = parseClock(r.start, 'workingHours');
        const e = parseClock(r.end, 'workingHours');
        if (e <= s)
          throw new SlotSearchInputError('workingHours', `${r.start}-${r.end} ends before it starts`);
        return [s * MINUTE, e * MINUTE];
      }),
    );
  }
  const out: Span[] = [];
  for (const [a, b, offset] of offsetSegments(timeZone, from, to)) {
    const firstDay = Math.floor((a + offset) / DAY);
    const lastDay = Math.floor((b - 1 + offset) / DAY);
    for (let day = firstDay; day <= lastDay; day++) {
      const ranges = parsed.get(WEEKDAYS[(((day + 4) % 7) + 7) % 7]!);
      if (!ranges) continue;
      const midnight = day * DAY - offset;
      for (const [s, e] of ranges) {
        const start = Math.max(a, midnight + s);
        const end = Math.min(b, midnight + e);
        if (end > start) out.push([start, end]);
      }
    }
  }
  return normalize(out);
}
