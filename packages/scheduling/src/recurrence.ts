import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';
import { SchedulingInputError } from './types';

/**
 * Recurring meeting series (signalling meetings), expanded in the series' own IANA time zone so
 * that every occurrence keeps its local wall time across DST changes (13:00 in Budapest stays
 * 13:00, whether that is 11:00Z or 12:00Z). Rule semantics are RFC 5545's: DTSTART is always the
 * first occurrence and counts towards COUNT. Known divergence from RFC 5545 §3.3.10: a generated
 * local time that falls into a DST gap (e.g. 02:30 on the last Sunday of March) is omitted by
 * rrule-temporal instead of being shifted forward; meetings are not held at those hours.
 */

/** Signalling meetings recur every two months by default (same day of month as `dtstart`). */
export const SIGNALLING_MEETING_DEFAULT_RRULE = 'FREQ=MONTHLY;INTERVAL=2';

/** Query window: ISO instants, half-open `[from, to)`. */
export interface InstantRange {
  from: string;
  to: string;
}

export interface RecurrenceOverride {
  /** Local date (`YYYY-MM-DD`) of the occurrence being moved, as the rule generates it. */
  originalDate: string;
  /** New local wall time, `YYYY-MM-DDTHH:MM`, in the series' time zone. */
  start: string;
  /** New length; defaults to the series' `durationMinutes`. */
  durationMinutes?: number;
}

export interface RecurringSeries {
  /** Local wall time of the first occurrence, `YYYY-MM-DDTHH:MM`, in `timeZone`. */
  dtstart: string;
  /** IANA zone, e.g. `Europe/Budapest`. */
  timeZone: string;
  durationMinutes: number;
  /** RFC 5545 RRULE value, e.g. `FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU` (an `RRULE:` prefix is allowed). */
  rrule: string;
  /** Local dates (`YYYY-MM-DD`) whose occurrence is cancelled (EXDATE). */
  exdates?: readonly string[];
  /** Occurrences moved to another time (RECURRENCE-ID overrides). */
  overrides?: readonly RecurrenceOverride[];
}

export interface Occurrence {
  /** ISO UTC instants. */
  start: string;
  end: string;
  /** Local wall time the rule generated (`YYYY-MM-DDTHH:MM`): the RECURRENCE-ID of this occurrence. */
  recurrenceId: string;
  /** True when an override moved this occurrence. */
  moved: boolean;
}

/** Bad series or range input; `field` names the part, e.g. `rrule.BYDAY` or `overrides[0].start`. */
export class RecurrenceInputError extends SchedulingInputError {}

const FREQS = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
/** Numeric list parts: [min, max, zero allowed, negative allowed]. */
const NUMERIC_PARTS: Record<string, readonly [number, number, boolean]> = {
  BYSECOND: [0, 60, true],
  BYMINUTE: [0, 59, true],
  BYHOUR: [0, 23, true],
  BYMONTHDAY: [-31, 31, false],
  BYYEARDAY: [-366, 366, false],
  BYWEEKNO: [-53, 53, false],
  BYMONTH: [1, 12, false],
  BYSETPOS: [-366, 366, false],
};
const KNOWN_PARTS = new Set([
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYDAY',
  'WKST',
  ...Object.keys(NUMERIC_PARTS),
]);
const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UNTIL_VALUE = /^\d{8}(T\d{6}Z?)?$/;
/** Guard against unbounded expansions (e.g. FREQ=MINUTELY over years). */
const MAX_OCCURRENCES = 10_000;

/**
 * Parses and validates an RRULE value; throws {@link RecurrenceInputError} naming the part
 * (`rrule.FREQ`, `rrule.BYDAY`, ...). Returns the parts, upper-cased, in input order.
 */
export function parseRrule(rrule: string): Map<string, string> {
  const body = rrule.trim().replace(/^RRULE:/i, '');
  if (body === '') throw new RecurrenceInputError('rrule', 'empty rule');
  const parts = new Map<string, string>();
  for (const piece of body.split(';')) {
    const eq = piece.indexOf('=');
    if (eq <= 0) throw new RecurrenceInputError('rrule', `"${piece}" is not NAME=VALUE`);
    const name = piece.slice(0, eq).trim().toUpperCase();
    const value = piece
      .slice(eq + 1)
      .trim()
      .toUpperCase();
    if (!KNOWN_PARTS.has(name)) throw new RecurrenceInputError(`rrule.${name}`, 'unknown rule part');
    if (parts.has(name)) throw new RecurrenceInputError(`rrule.${name}`, 'given twice');
    if (value === '') throw new RecurrenceInputError(`rrule.${name}`, 'empty value');
    parts.set(name, value);
  }
  const freq = parts.get('FREQ');
  if (freq === undefined) throw new RecurrenceInputError('rrule.FREQ', 'required');
  if (!FREQS.includes(freq)) {
    throw new RecurrenceInputError('rrule.FREQ', `"${freq}" is not one of ${FREQS.join(', ')}`);
  }
  for (const name of ['INTERVAL', 'COUNT']) {
    const v = parts.get(name);
    if (v !== undefined && !/^[1-9]\d*$/.test(v)) {
      throw new RecurrenceInputError(`rrule.${name}`, `"${v}" is not a positive integer`);
    }
  }
  const until = parts.get('UNTIL');
  if (until !== undefined && !UNTIL_VALUE.test(until)) {
    throw new RecurrenceInputError('rrule.UNTIL', `"${until}" is not YYYYMMDD or YYYYMMDDTHHMMSSZ`);
  }
  if (until !== undefined && parts.has('COUNT')) {
    throw new RecurrenceInputError('rrule.COUNT', 'COUNT and UNTIL must not both be given');
  }
  const wkst = parts.get('WKST');
  if (wkst !== undefined && !DAYS.includes(wkst)) {
    throw new RecurrenceInputError('rrule.WKST', `"${wkst}" is not one of ${DAYS.join(', ')}`);
  }
  const byday = parts.get('BYDAY');
  if (byday !== undefined) {
    for (const token of byday.split(',')) {
      const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(token);
      const ordinal = m?.[1] === undefined ? undefined : Number(m[1]);
      if (
        !m ||
        !DAYS.includes(m[2] as string) ||
        ordinal === 0 ||
        (ordinal !== undefined && Math.abs(ordinal) > 53)
      ) {
        throw new RecurrenceInputError('rrule.BYDAY', `"${token}" is not a weekday like TU, 2TU or -1FR`);
      }
      if (ordinal !== undefined && freq !== 'MONTHLY' && freq !== 'YEARLY') {
        throw new RecurrenceInputError(
          'rrule.BYDAY',
          `"${token}": an ordinal weekday needs FREQ=MONTHLY or YEARLY`,
        );
      }
    }
  }
  for (const [name, [min, max, zeroOk]] of Object.entries(NUMERIC_PARTS)) {
    const v = parts.get(name);
    if (v === undefined) continue;
    for (const token of v.split(',')) {
      const n = /^[+-]?\d+$/.test(token) ? Number(token) : Number.NaN;
      if (Number.isNaN(n) || n < min || n > max || (n === 0 && !zeroOk)) {
        throw new RecurrenceInputError(`rrule.${name}`, `"${token}" is out of range ${min}..${max}`);
      }
    }
  }
  return parts;
}

function wallTime(value: string, field: string): Temporal.PlainDateTime {
  if (!WALL_TIME.test(value)) throw new RecurrenceInputError(field, `"${value}" is not YYYY-MM-DDTHH:MM`);
  try {
    return Temporal.PlainDateTime.from(value, { overflow: 'reject' });
  } catch {
    throw new RecurrenceInputError(field, `"${value}" is not a valid date and time`);
  }
}

function localDate(value: string, field: string): string {
  if (!LOCAL_DATE.test(value)) throw new RecurrenceInputError(field, `"${value}" is not YYYY-MM-DD`);
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' }).toString();
  } catch {
    throw new RecurrenceInputError(field, `"${value}" is not a valid date`);
  }
}

function instant(value: string, field: string): Temporal.Instant {
  try {
    return Temporal.Instant.from(value);
  } catch {
    throw new RecurrenceInputError(field, `"${value}" is not an ISO instant with offset or Z`);
  }
}

function duration(minutes: number, field: string): number {
  if (!Number.isInteger(minutes) || minutes <= 0) {
    throw new RecurrenceInputError(field, 'must be a positive whole number of minutes');
  }
  return minutes;
}

const wall = (z: Temporal.ZonedDateTime): string => z.toPlainDateTime().toString({ smallestUnit: 'minute' });

/**
 * Occurrences of `series` that overlap `range` (`start < range.to` and `end > range.from`),
 * sorted by start, as UTC instants. Cancelled dates are dropped; moved occurrences appear at their
 * new time (whether or not their original time is in the range).
 */
export function expandRecurrence(series: RecurringSeries, range: InstantRange): Occurrence[] {
  const start = wallTime(series.dtstart, 'dtstart');
  const minutes = duration(series.durationMinutes, 'durationMinutes');
  try {
    start.toZonedDateTime(series.timeZone);
  } catch {
    throw new RecurrenceInputError('timeZone', `unknown time zone "${series.timeZone}"`);
  }
  const from = instant(range.from, 'range.from');
  const to = instant(range.to, 'range.to');
  if (Temporal.Instant.compare(from, to) >= 0)
    throw new RecurrenceInputError('range', 'from must be before to');
  const body = [...parseRrule(series.rrule)].map(([k, v]) => `${k}=${v}`).join(';');

  const skipped = new Set((series.exdates ?? []).map((d, i) => localDate(d, `exdates[${i}]`)));
  const moved = new Map<string, { start: Temporal.ZonedDateTime; minutes: number }>();
  (series.overrides ?? []).forEach((o, i) => {
    const date = localDate(o.originalDate, `overrides[${i}].originalDate`);
    if (moved.has(date))
      throw new RecurrenceInputError(`overrides[${i}].originalDate`, `${date} is moved twice`);
    const to = wallTime(o.start, `overrides[${i}].start`).toZonedDateTime(series.timeZone);
    moved.set(date, {
      start: to,
      minutes: duration(o.durationMinutes ?? minutes, `overrides[${i}].durationMinutes`),
    });
  });

  let rule: RRuleTemporal<Temporal.ZonedDateTime>;
  try {
    rule = new RRuleTemporal({
      rruleString: `DTSTART;TZID=${series.timeZone}:${start.toString({ smallestUnit: 'second' }).replace(/[-:]/g, '')}\nRRULE:${body}`,
      temporal: Temporal,
      includeDtstart: true,
      maxIterations: MAX_OCCURRENCES,
    });
  } catch (e) {
    throw new RecurrenceInputError('rrule', e instanceof Error ? e.message : String(e));
  }

  const out: Occurrence[] = [];
  const push = (s: Temporal.ZonedDateTime, length: number, recurrenceId: string, isMoved: boolean) => {
    const e = s.add({ minutes: length });
    if (
      Temporal.Instant.compare(s.toInstant(), to) < 0 &&
      Temporal.Instant.compare(e.toInstant(), from) > 0
    ) {
      out.push({
        start: s.toInstant().toString(),
        end: e.toInstant().toString(),
        recurrenceId,
        moved: isMoved,
      });
    }
  };

  const generated = rule.between(
    new Date(from.epochMilliseconds - minutes * 60_000),
    new Date(to.epochMilliseconds),
    true,
  );
  if (generated.length > MAX_OCCURRENCES) {
    throw new RecurrenceInputError('range', `more than ${MAX_OCCURRENCES} occurrences; narrow the range`);
  }
  for (const occ of generated) {
    const date = occ.toPlainDate().toString();
    if (skipped.has(date) || moved.has(date)) continue;
    push(occ, minutes, wall(occ), false);
  }
  // A moved occurrence shows up at its new time even when its original time is outside the range,
  // so look its original up on its own day.
  let i = 0;
  for (const [date, m] of moved) {
    const day = Temporal.PlainDate.from(date).toZonedDateTime(series.timeZone);
    const original = rule.between(
      new Date(day.epochMilliseconds),
      new Date(day.add({ days: 1 }).epochMilliseconds - 1),
      true,
    )[0];
    if (original === undefined) {
      throw new RecurrenceInputError(`overrides[${i}].originalDate`, `the rule has no occurrence on ${date}`);
    }
    if (!skipped.has(date)) push(m.start, m.minutes, wall(original), true);
    i++;
  }
  return out.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}
