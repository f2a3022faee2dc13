import { describe, expect, it } from 'vitest';
import {
  byDay,
  dayOfInstant,
  daysOf,
  monthWeeks,
  parseDay,
  rangeOf,
  startOfDay,
  step,
  today,
  weekDays,
  weekStart,
} from './dates';

const day = (s: string) => parseDay(s)!;
const strings = (days: { toString(): string }[]) => days.map(String);
const HOUR = 3_600_000;

describe('calendar dates', () => {
  it('reads only real yyyy-mm-dd days from the URL', () => {
    expect(String(parseDay('2026-12-07'))).toBe('2026-12-07');
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('2026-13-01')).toBeNull();
    expect(parseDay('7.12.2026')).toBeNull();
    expect(parseDay('')).toBeNull();
    expect(parseDay(null)).toBeNull();
  });

  it('starts the week on Monday, whichever day is given', () => {
    expect(String(weekStart(day('2026-12-07')))).toBe('2026-12-07'); // a Monday
    expect(String(weekStart(day('2026-12-13')))).toBe('2026-12-07'); // its Sunday
    expect(strings(weekDays(day('2026-12-10')))).toEqual([
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
      '2026-12-12',
      '2026-12-13',
    ]);
  });

  it('shows a month as whole weeks from the week of the 1st to the week of the last day', () => {
    // December 2026: Tuesday 1st to Thursday 31st, five rows from Monday 30 November to Sunday 3 January.
    const december = monthWeeks(day('2026-12-19'));
    expect(december).toHaveLength(5);
    expect(december.every((w) => w.length === 7)).toBe(true);
    expect(String(december[0]![0])).toBe('2026-11-30');
    expect(String(december.at(-1)![6])).toBe('2027-01-03');
    // February 2027 starts on a Monday and has 28 days: exactly four rows.
    expect(strings(monthWeeks(day('2027-02-10')).map((w) => w[0]!))).toEqual([
      '2027-02-01',
      '2027-02-08',
      '2027-02-15',
      '2027-02-22',
    ]);
    // August 2026 starts on a Saturday and ends on a Monday: six rows.
    expect(monthWeeks(day('2026-08-01'))).toHaveLength(6);
  });

  it('moves by a week from Monday to Monday across a year end', () => {
    expect(String(step('week', day('2026-12-31'), 1))).toBe('2027-01-04');
    expect(String(step('week', day('2027-01-04'), -1))).toBe('2026-12-28');
  });

  it('moves by a month across a year end, keeping the day where the month has it', () => {
    expect(String(step('month', day('2026-12-07'), 1))).toBe('2027-01-07');
    expect(String(step('month', day('2027-01-31'), 1))).toBe('2027-02-28');
    expect(String(step('month', day('2027-01-15'), -1))).toBe('2026-12-15');
  });

  it('gives a week with the spring clock change its 167 hours, from local midnight to local midnight', () => {
    // Summer time starts in Central Europe on Sunday 29 March 2026.
    const { from, to } = rangeOf('week', day('2026-03-25'), 'Europe/Prague');
    expect(from.toISOString()).toBe('2026-03-22T23:00:00.000Z'); // Monday 00:00 CET
    expect(to.toISOString()).toBe('2026-03-29T22:00:00.000Z'); // next Monday 00:00 CEST
    expect((to.getTime() - from.getTime()) / HOUR).toBe(167);
    // The week after starts where this one ended.
    expect(rangeOf('week', step('week', day('2026-03-25'), 1), 'Europe/Prague').from).toEqual(to);
  });

  it('gives a week with the autumn clock change its 169 hours', () => {
    // Back to winter time on Sunday 25 October 2026.
    const { from, to } = rangeOf('week', day('2026-10-21'), 'Europe/Budapest');
    expect(from.toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect(to.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect((to.getTime() - from.getTime()) / HOUR).toBe(169);
  });

  it('covers a month view from its first Monday to the Monday after its last Sunday, in the zone', () => {
    const { from, to } = rangeOf('month', day('2026-12-19'), 'Europe/Istanbul');
    expect(from.toISOString()).toBe('2026-11-29T21:00:00.000Z'); // 30 November 00:00 at UTC+3
    expect(to.toISOString()).toBe('2027-01-03T21:00:00.000Z');
    expect(daysOf('month', day('2026-12-19'))).toHaveLength(35);
  });

  it('knows which day it is in the user zone, not in UTC', () => {
    const lateEvening = new Date('2026-12-06T23:30:00Z'); // Monday 00:30 in Budapest
    expect(String(today('Europe/Budapest', lateEvening))).toBe('2026-12-07');
    expect(String(today('UTC', lateEvening))).toBe('2026-12-06');
    expect(String(dayOfInstant(lateEvening, 'Europe/Istanbul'))).toBe('2026-12-07');
  });

  it('puts each conference on the days it overlaps in the user zone, one past midnight on both', () => {
    const zone = 'Europe/Budapest';
    const at = (start: string, end: string, id: string) => ({
      id,
      startsAt: new Date(start),
      endsAt: new Date(end),
    });
    const items = [
      at('2026-03-28T08:00:00Z', '2026-03-28T09:00:00Z', 'saturday'),
      // Saturday 23:00 CET to Sunday 01:00 CET (02:00 CEST: the clock jumps that night).
      at('2026-03-28T22:00:00Z', '2026-03-29T00:30:00Z', 'overnight'),
      // Ends at Monday's midnight exactly: Sunday's only.
      at('2026-03-29T20:00:00Z', '2026-03-29T22:00:00Z', 'sunday-evening'),
    ];
    const week = byDay(items, weekDays(day('2026-03-23')), zone);
    expect([...week.keys()]).toEqual(['2026-03-28', '2026-03-29']);
    expect(week.get('2026-03-28')!.map((c) => c.id)).toEqual(['saturday', 'overnight']);
    expect(week.get('2026-03-29')!.map((c) => c.id)).toEqual(['overnight', 'sunday-evening']);
    expect(startOfDay(day('2026-03-30'), zone).toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});
