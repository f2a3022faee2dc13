// Busy times from an iCalendar file (RFC 5545), read by ical.js: recurring events expanded (RRULE,
// RDATE, EXDATE, RECURRENCE-ID overrides), times read in their VTIMEZONE / TZID, all-day and
// floating times on the user's own clock. Only start and end leave this module: no summary,
// description, location or attendee is ever read, so no personal content reaches the database.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';

export type IcsProblemCode =
  /** Not an iCalendar file at all (no BEGIN:VCALENDAR). */
  | 'not_calendar'
  /** A line the iCalendar grammar does not allow (`line` says which). */
  | 'syntax'
  /** A BEGIN:… without its END:… (`line` is the BEGIN). */
  | 'unterminated'
  /** A date, time, duration or rule that cannot be read (`line`, `detail` = property). */
  | 'bad_value'
  /** An event without DTSTART (`line` is its BEGIN:VEVENT). */
  | 'missing_start'
  /** A TZID with neither a VTIMEZONE in the file nor an IANA name (`detail` = the TZID). */
  | 'unknown_timezone'
  /** More busy times in the range than we keep, or a rule that repeats too often to expand. */
  | 'too_many';

/** Why a file was refused; `line` is 1-based in the file as uploaded. */
export class IcsProblem extends Error {
  constructor(
    readonly problem: IcsProblemCode,
    readonly line?: number,
    readonly detail?: string,
  ) {
    super(`${problem}${line ? ` at line ${line}` : ''}${detail ? ` (${detail})` : ''}`);
    this.name = 'IcsProblem';
  }
}

export interface BusyTimesOptions {
  /** The range kept: occurrences are clipped to `[from, to)`, those outside are dropped. */
  from: Date;
  to: Date;
  /** IANA zone that all-day dates and floating times (no TZID, no Z) are read in. */
  floatingZone: string;
  /** At most this many busy times (default 2000). */
  maxBusyTimes?: number;
}

export interface BusyTimes {
  busy: Array<{ startsAt: Date; endsAt: Date }>;
  /** Occurrences in the range not kept: free (TRANSP:TRANSPARENT), cancelled, or without length. */
  skipped: number;
}

/** How many recurrence steps one file may take in all (a FREQ=MINUTELY since 1970 would not end). */
const MAX_STEPS = 50_000;
const DAY = 86_400_000;
const DATE_PROPERTIES = ['dtstart', 'dtend', 'duration', 'rrule', 'rdate', 'exdate', 'recurrence-id'];

/** Parses `content`; throws IcsProblem (nothing else) when the file cannot be read as a whole. */
export function busyTimesFromIcs(content: string, options: BusyTimesOptions): BusyTimes {
  const lines = content.split(/\r\n|\n|\r/);
  const calendars = parseCalendars(content, lines);
  const eventLines = beginLines(lines, 'VEVENT');
  const events = calendars.flatMap((c) => c.getAllSubcomponents('vevent'));
  events.forEach((event, k) => {
    checkValues(event, lines, eventLines[k]);
  });
  // Index the events by UID so overrides (RECURRENCE-ID) relate only to their own series.
  const overrides = new Map<string, ICAL.Component[]>();
  for (const event of events) {
    if (!event.hasProperty('recurrence-id')) continue;
    const uid = String(event.getFirstPropertyValue('uid') ?? '');
    overrides.set(uid, [...(overrides.get(uid) ?? []), event]);
  }
  const masters = new Set(
    events
      .filter((e) => !e.hasProperty('recurrence-id'))
      .map((e) => String(e.getFirstPropertyValue('uid') ?? '')),
  );

  const from = options.from.getTime();
  const to = options.to.getTime();
  const max = options.maxBusyTimes ?? 2000;
  const out: BusyTimes = { busy: [], skipped: 0 };
  const instant = (time: ICAL.Time) => toEpochMs(time, options.floatingZone);
  let steps = 0;

  events.forEach((component, k) => {
    const uid = String(component.getFirstPropertyValue('uid') ?? '');
    // An override is expanded with its series; one whose series is not in the file stands alone.
    if (component.hasProperty('recurrence-id') && masters.has(uid)) return;
    const series = new ICAL.Event(component, {
      strictExceptions: true,
      exceptions: component.hasProperty('recurrence-id') ? [] : (overrides.get(uid) ?? []),
    });
    const length = exactLength(component, options.floatingZone);
    const expansion = series.iterator();
    for (;;) {
      let next: ICAL.Time | undefined;
      try {
        next = expansion.next();
      } catch {
        throw new IcsProblem('bad_value', propertyLine(lines, eventLines[k], 'RRULE'), 'RRULE');
      }
      if (!next) break;
      if (++steps > MAX_STEPS) throw new IcsProblem('too_many', eventLines[k]);
      const at = instant(next);
      if (at >= to) break;
      // Long before the range: not worth the details (an override moved that far is not followed).
      if (at + (length ?? 0) + DAY < from) continue;
      const details = series.getOccurrenceDetails(next);
      const start = instant(details.startDate);
      // RFC 5545 3.8.5.3: with DTEND every occurrence lasts the same exact time; ical.js adds it
      // to the wall clock, which is an hour off for an occurrence spanning a DST change.
      const end = details.item === series && length !== undefined ? start + length : instant(details.endDate);
      if (end <= from || start >= to) continue;
      if (!isBusy(details.item.component) || end <= start) {
        out.skipped++;
        continue;
      }
      if (out.busy.length >= max) throw new IcsProblem('too_many', undefined, String(max));
      out.busy.push({ startsAt: new Date(Math.max(start, from)), endsAt: new Date(Math.min(end, to)) });
      if (!series.isRecurring()) break;
    }
  });
  out.busy.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return out;
}

function parseCalendars(content: string, lines: string[]): ICAL.Component[] {
  if (!/^BEGIN:VCALENDAR/im.test(content)) throw new IcsProblem('not_calendar');
  let jcal: unknown;
  try {
    jcal = ICAL.parse(content);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/began but did not end/.test(message)) throw new IcsProblem('unterminated', unclosedBegin(lines));
    const line = quotedLine(lines, message);
    // ical.js decodes rules while parsing: those errors are values, not grammar.
    if (error instanceof ICAL.parse.ParserError || line === undefined) throw new IcsProblem('syntax', line);
    throw new IcsProblem('bad_value', line, /^[A-Za-z-]+/.exec(lines[line - 1]!)?.[0]?.toUpperCase());
  }
  const roots = (Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : (jcal as unknown[])) ?? [];
  const calendars = roots
    .map((root) => new ICAL.Component(root as never))
    .filter((c) => c.name === 'vcalendar');
  if (calendars.length === 0) throw new IcsProblem('not_calendar');
  return calendars;
}

/** Reads every date-like value once, so a bad one is named with its line before anything is kept. */
function checkValues(event: ICAL.Component, lines: string[], beginLine: number | undefined) {
  if (!event.hasProperty('dtstart')) throw new IcsProblem('missing_start', beginLine);
  for (const property of event.getAllProperties()) {
    const tzid = property.getParameter('tzid');
    if (typeof tzid === 'string' && !event.getTimeZoneByID(tzid) && !ICAL.TimezoneService.has(tzid)) {
      // RFC 5545 wants a VTIMEZONE per TZID; many exporters rely on the IANA name instead. The
      // registered zones are IANA data, the same for every file, so sharing them is safe.
      // The library maps some Windows names to a fixed offset under another TZID: not taken.
      const known = isZone(tzid) ? getVtimezoneComponent(tzid) : null;
      if (!known?.includes(`\nTZID:${tzid}\n`)) {
        throw new IcsProblem('unknown_timezone', propertyLine(lines, beginLine, property.name), tzid);
      }
      ICAL.TimezoneService.register(new ICAL.Component(ICAL.parse(known) as never));
    }
  }
  for (const name of DATE_PROPERTIES) {
    for (const property of event.getAllProperties(name)) {
      try {
        for (const v of property.getValues()) if (v instanceof ICAL.Time && !v.isDate) checkTime(v);
      } catch {
        throw new IcsProblem('bad_value', propertyLine(lines, beginLine, name), name.toUpperCase());
      }
    }
  }
}

function checkTime(time: ICAL.Time) {
  if (
    !Number.isInteger(time.year) ||
    time.month < 1 ||
    time.month > 12 ||
    time.day < 1 ||
    time.day > 31 ||
    time.hour > 23 ||
    time.minute > 59
  ) {
    throw new Error('out of range');
  }
}

/**
 * The exact length of an event with a timed DTEND, or a DURATION without days and weeks (those are
 * nominal: a day is a calendar day, ical.js adds them on the wall clock). Undefined: leave it to ical.js.
 */
function exactLength(event: ICAL.Component, floatingZone: string): number | undefined {
  const start = event.getFirstPropertyValue('dtstart');
  const end = event.getFirstPropertyValue('dtend');
  const duration = event.getFirstPropertyValue('duration');
  if (!(start instanceof ICAL.Time) || start.isDate) return undefined;
  if (end instanceof ICAL.Time) return toEpochMs(end, floatingZone) - toEpochMs(start, floatingZone);
  if (duration instanceof ICAL.Duration && duration.days === 0 && duration.weeks === 0) {
    return duration.toSeconds() * 1000;
  }
  return undefined;
}

/** An occurrence blocks time unless it is free (TRANSP:TRANSPARENT) or cancelled. */
function isBusy(component: ICAL.Component): boolean {
  const transp = String(component.getFirstPropertyValue('transp') ?? '').toUpperCase();
  const status = String(component.getFirstPropertyValue('status') ?? '').toUpperCase();
  return transp !== 'TRANSPARENT' && status !== 'CANCELLED';
}

/** A time as an instant: zoned and UTC times by ical.js, all-day and floating on `floatingZone`. */
function toEpochMs(time: ICAL.Time, floatingZone: string): number {
  if (!time.isDate && time.zone && time.zone !== ICAL.Timezone.localTimezone) {
    return time.toUnixTime() * 1000;
  }
  return Temporal.PlainDateTime.from({
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.isDate ? 0 : time.hour,
    minute: time.isDate ? 0 : time.minute,
    second: time.isDate ? 0 : time.second,
  })
    .toZonedDateTime(floatingZone)
    .toInstant().epochMilliseconds;
}

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// Line numbers for the error message only; the parsing itself is ical.js's.

/** 1-based numbers of the `BEGIN:<name>` lines, in file order. */
function beginLines(lines: string[], name: string): number[] {
  const begin = `BEGIN:${name}`;
  const out: number[] = [];
  lines.forEach((line, i) => {
    if (line.trim().toUpperCase() === begin) out.push(i + 1);
  });
  return out;
}

/** The line of `property` inside the component that starts at `beginLine`. */
function propertyLine(lines: string[], beginLine: number | undefined, property: string): number | undefined {
  if (!beginLine) return undefined;
  const name = property.toUpperCase();
  for (let i = beginLine; i < lines.length; i++) {
    const line = lines[i]!.toUpperCase();
    if (line.startsWith('END:VEVENT')) break;
    if (line.startsWith(`${name}:`) || line.startsWith(`${name};`)) return i + 1;
  }
  return beginLine;
}

/**
 * ical.js ends a grammar error with the offending (unfolded) line or its parameters in quotes, and
 * quotes the bad value of a rule; find where that text is in the file.
 */
function quotedLine(lines: string[], message: string): number | undefined {
  const whole = /(?: in '|\) ")(.+)['"]$/s.exec(message)?.[1];
  const quoted = whole
    ? [whole]
    : [...message.matchAll(/'([^']+)'|"([^"]+)"/g)]
        .map((m) => (m[1] ?? m[2])!)
        .sort((a, b) => b.length - a.length);
  for (const text of quoted) {
    const head = text.slice(0, 40);
    const index = lines.findIndex((line) => line.includes(head));
    if (index >= 0) return index + 1;
  }
  return undefined;
}

/** The BEGIN whose END is missing, read the way ical.js reads it (an END closes the innermost). */
function unclosedBegin(lines: string[]): number | undefined {
  const open: Array<{ name: string; line: number }> = [];
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim().toUpperCase();
    if (line.startsWith('BEGIN:')) open.push({ name: line.slice(6), line: i + 1 });
    else if (line.startsWith('END:')) {
      const top = open.pop();
      if (top && top.name !== line.slice(4)) return top.line;
    }
  }
  return open.at(-1)?.line;
}
