// The .ics reader on its own (no database): real calendar files, fixed dates, fixed ranges.
import { describe, expect, it } from 'vitest';
import { busyTimesFromIcs, IcsProblem } from './busy-times';

const PRAGUE_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Prague',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];
const calendar = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//CareMap//EN', ...lines, 'END:VCALENDAR', ''].join(
    '\r\n',
  );
const event = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];

const march2027 = { from: new Date('2027-03-22T00:00:00Z'), to: new Date('2027-04-05T00:00:00Z') };
const read = (ics: string, range = march2027, floatingZone = 'Europe/Prague') =>
  busyTimesFromIcs(ics, { ...range, floatingZone });
const iso = (r: ReturnType<typeof read>) =>
  r.busy.map((b) => `${b.startsAt.toISOString()}/${b.endsAt.toISOString()}`);
const problemOf = (ics: string) => {
  try {
    read(ics);
  } catch (e) {
    if (e instanceof IcsProblem) return { problem: e.problem, line: e.line, detail: e.detail };
    throw e;
  }
  throw new Error('expected the file to be refused');
};

describe('busy times from an .ics file', () => {
  it('keeps 09:00 on the Prague clock across the change to summer time (VTIMEZONE in the file)', () => {
    const ics = calendar(
      ...PRAGUE_VTIMEZONE,
      ...event(
        'UID:team-meeting@example.org',
        'DTSTAMP:20270101T000000Z',
        'DTSTART;TZID=Europe/Prague:20270325T090000',
        'DTEND;TZID=Europe/Prague:20270325T100000',
        'RRULE:FREQ=DAILY;COUNT=5',
        'SUMMARY:Private: family matter',
      ),
    );
    // 25-28 March are CET (UTC+1); 29 March (after the change on the 28th at 02:00) is CEST.
    expect(iso(read(ics))).toEqual([
      '2027-03-25T08:00:00.000Z/2027-03-25T09:00:00.000Z',
      '2027-03-26T08:00:00.000Z/2027-03-26T09:00:00.000Z',
      '2027-03-27T08:00:00.000Z/2027-03-27T09:00:00.000Z',
      '2027-03-28T07:00:00.000Z/2027-03-28T08:00:00.000Z',
      '2027-03-29T07:00:00.000Z/2027-03-29T08:00:00.000Z',
    ]);
  });

  it('reads an IANA TZID without a VTIMEZONE, and an event that spans the change itself', () => {
    const ics = calendar(
      ...event(
        'UID:night-shift@example.org',
        'DTSTART;TZID=Europe/Prague:20270327T220000',
        'DTEND;TZID=Europe/Prague:20270328T060000',
      ),
    );
    // 22:00 CET -> 06:00 CEST is seven hours, not eight.
    expect(iso(read(ics))).toEqual(['2027-03-27T21:00:00.000Z/2027-03-28T04:00:00.000Z']);
  });

  it('expands a weekly rule, leaves out its EXDATE and moves an overridden occurrence', () => {
    const ics = calendar(
      ...PRAGUE_VTIMEZONE,
      ...event(
        'UID:weekly@example.org',
        'DTSTART;TZID=Europe/Prague:20270301T140000',
        'DTEND;TZID=Europe/Prague:20270301T153000',
        'RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270412T235959Z',
        'EXDATE;TZID=Europe/Prague:20270329T140000',
      ),
      ...event(
        'UID:weekly@example.org',
        'RECURRENCE-ID;TZID=Europe/Prague:20270322T140000',
        'DTSTART;TZID=Europe/Prague:20270323T080000',
        'DTEND;TZID=Europe/Prague:20270323T090000',
      ),
    );
    const wide = { from: new Date('2027-03-01T00:00:00Z'), to: new Date('2027-04-20T00:00:00Z') };
    expect(iso(read(ics, wide))).toEqual([
      '2027-03-01T13:00:00.000Z/2027-03-01T14:30:00.000Z',
      '2027-03-08T13:00:00.000Z/2027-03-08T14:30:00.000Z',
      '2027-03-15T13:00:00.000Z/2027-03-15T14:30:00.000Z',
      '2027-03-23T07:00:00.000Z/2027-03-23T08:00:00.000Z', // moved from Monday 22nd
      // 29 March: EXDATE
      '2027-04-05T12:00:00.000Z/2027-04-05T13:30:00.000Z', // summer time
      '2027-04-12T12:00:00.000Z/2027-04-12T13:30:00.000Z',
    ]);
  });

  it('blocks an all-day event from midnight to midnight on the user’s clock', () => {
    const ics = calendar(
      ...event('UID:leave@example.org', 'DTSTART;VALUE=DATE:20270324', 'DTEND;VALUE=DATE:20270326'),
      ...event('UID:holiday@example.org', 'DTSTART;VALUE=DATE:20270329'),
    );
    expect(iso(read(ics))).toEqual([
      '2027-03-23T23:00:00.000Z/2027-03-25T23:00:00.000Z',
      '2027-03-28T22:00:00.000Z/2027-03-29T22:00:00.000Z',
    ]);
    expect(iso(read(ics, march2027, 'Europe/Istanbul'))[0]).toBe(
      '2027-03-23T21:00:00.000Z/2027-03-25T21:00:00.000Z',
    );
  });

  it('ignores free (transparent) and cancelled events and cancelled occurrences, and counts them', () => {
    const ics = calendar(
      ...event(
        'UID:free@example.org',
        'DTSTART:20270323T080000Z',
        'DTEND:20270323T090000Z',
        'TRANSP:TRANSPARENT',
      ),
      ...event(
        'UID:off@example.org',
        'DTSTART:20270324T080000Z',
        'DTEND:20270324T090000Z',
        'STATUS:CANCELLED',
      ),
      ...event(
        'UID:daily@example.org',
        'DTSTART:20270325T120000Z',
        'DURATION:PT30M',
        'RRULE:FREQ=DAILY;COUNT=3',
        'TRANSP:OPAQUE',
      ),
      ...event(
        'UID:daily@example.org',
        'RECURRENCE-ID:20270326T120000Z',
        'DTSTART:20270326T120000Z',
        'DURATION:PT30M',
        'STATUS:CANCELLED',
      ),
    );
    const result = read(ics);
    expect(iso(result)).toEqual([
      '2027-03-25T12:00:00.000Z/2027-03-25T12:30:00.000Z',
      '2027-03-27T12:00:00.000Z/2027-03-27T12:30:00.000Z',
    ]);
    expect(result.skipped).toBe(3);
  });

  it('keeps only the range, clipping what crosses its edges', () => {
    const ics = calendar(
      ...event('UID:before@example.org', 'DTSTART:20270301T080000Z', 'DTEND:20270301T090000Z'),
      ...event('UID:edge@example.org', 'DTSTART:20270321T220000Z', 'DTEND:20270322T020000Z'),
      ...event(
        'UID:forever@example.org',
        'DTSTART:20200106T080000Z',
        'DTEND:20200106T083000Z',
        'RRULE:FREQ=WEEKLY',
      ),
    );
    expect(iso(read(ics))).toEqual([
      '2027-03-22T00:00:00.000Z/2027-03-22T02:00:00.000Z',
      '2027-03-22T08:00:00.000Z/2027-03-22T08:30:00.000Z',
      '2027-03-29T08:00:00.000Z/2027-03-29T08:30:00.000Z',
    ]);
  });

  it('names the problem of a broken file, with its line', () => {
    expect(problemOf('Subject,Start Date\nTeam,2027-03-25\n')).toMatchObject({ problem: 'not_calendar' });
    expect(
      problemOf(calendar(...event('UID:x', 'DTSTART:20270325T080000Z', 'this line has no colon'))),
    ).toEqual({
      problem: 'syntax',
      line: 7,
      detail: undefined,
    });
    // The unclosed quote is in the second of two lines that begin alike.
    expect(
      problemOf(calendar(...event('UID:x', 'DTSTART;VALUE=DATE:20270325', 'DTEND;VALUE="DATE:20270326'))),
    ).toEqual({ problem: 'syntax', line: 7, detail: undefined });
    expect(
      problemOf(['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART:20270325T080000Z', 'END:VCALENDAR'].join('\n')),
    ).toMatchObject({ problem: 'unterminated', line: 2 });
    expect(problemOf(calendar(...event('UID:x', 'DTSTART:2027-03-25 08:00')))).toEqual({
      problem: 'bad_value',
      line: 6,
      detail: 'DTSTART',
    });
    expect(
      problemOf(calendar(...event('UID:x', 'DTSTART:20270325T080000Z', 'RRULE:FREQ=SOMETIMES'))),
    ).toMatchObject({
      problem: 'bad_value',
      line: 7,
      detail: 'RRULE',
    });
    expect(
      problemOf(calendar(...event('UID:x', 'DTSTART;TZID=Central Europe Standard Time:20270325T080000'))),
    ).toEqual({ problem: 'unknown_timezone', line: 6, detail: 'Central Europe Standard Time' });
    expect(problemOf(calendar(...event('UID:x', 'SUMMARY:no start')))).toEqual({
      problem: 'missing_start',
      line: 4,
      detail: undefined,
    });
  });

  it('refuses a rule that repeats too often to expand', () => {
    const ics = calendar(
      ...event('UID:x', 'DTSTART:19700101T000000Z', 'DURATION:PT1M', 'RRULE:FREQ=MINUTELY'),
    );
    expect(problemOf(ics)).toMatchObject({ problem: 'too_many' });
  });
});
