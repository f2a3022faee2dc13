// The week and month calendar's dates: pure functions over Temporal (temporal-polyfill, the library
// @caremap/scheduling and the API already use), so weeks, months and days in a time zone come from
// a maintained implementation of the calendar rules, with no hand-kept day or offset arithmetic.
// Weeks start on Monday (ISO 8601, as in Hungary, Czechia and Türkiye). A day is the user's day: it
// starts at their local midnight, so a week with a clock change is 167 or 169 hours long.
import { Temporal } from 'temporal-polyfill';

export type CalendarView = 'week' | 'month';
export type Day = Temporal.PlainDate;

/** A day from `yyyy-mm-dd` (the URL's `date`), or null when it is not a real date. */
export function parseDay(value: string | null | undefined): Day | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' });
  } catch {
    return null;
  }
}

/** Today on the clock of `timeZone`. */
export function today(timeZone: string, now: Date = new Date()): Day {
  return dayOfInstant(now, timeZone);
}

/** The day an instant falls on, on the clock of `timeZone`. */
export function dayOfInstant(instant: Date, timeZone: string): Day {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
}

/** The Monday of the week `day` is in. */
export function weekStart(day: Day): Day {
  return day.subtract({ days: day.dayOfWeek - 1 });
}

/** The seven days, Monday to Sunday, of the week `day` is in. */
export function weekDays(day: Day): Day[] {
  const monday = weekStart(day);
  return Array.from({ length: 7 }, (_, i) => monday.add({ days: i }));
}

/**
 * The month `day` is in as whole weeks, Monday to Sunday: from the week of the 1st to the week of
 * the last day, so four to six rows of seven, with the neighbouring months' days at either end.
 */
export function monthWeeks(day: Day): Day[][] {
  const first = day.with({ day: 1 });
  const last = day.with({ day: day.daysInMonth });
  const weeks: Day[][] = [];
  for (let monday = weekStart(first); Temporal.PlainDate.compare(monday, last) <= 0; ) {
    weeks.push(weekDays(monday));
    monday = monday.add({ weeks: 1 });
  }
  return weeks;
}

/** The days a view shows around `day`: a week, or the month's whole weeks. */
export function daysOf(view: CalendarView, day: Day): Day[] {
  return view === 'week' ? weekDays(day) : monthWeeks(day).flat();
}

/**
 * The day one period before (-1) or after (+1): a week on, or a month on, keeping the day of the
 * month where the next month has it (31 January + 1 month = 28 or 29 February).
 */
export function step(view: CalendarView, day: Day, by: -1 | 1): Day {
  return view === 'week' ? weekStart(day).add({ weeks: by }) : day.add({ months: by });
}

/** The local midnight that starts `day` in `timeZone` (the first instant of the day if a clock change skips midnight). */
export function startOfDay(day: Day, timeZone: string): Date {
  return new Date(day.toZonedDateTime({ timeZone }).epochMilliseconds);
}

/** The instants [from, to) a view covers around `day`, for `conference.inRange`. */
export function rangeOf(view: CalendarView, day: Day, timeZone: string): { from: Date; to: Date } {
  const days = daysOf(view, day);
  return {
    from: startOfDay(days[0]!, timeZone),
    to: startOfDay(days.at(-1)!.add({ days: 1 }), timeZone),
  };
}

/** The same calendar day? */
export function sameDay(a: Day, b: Day): boolean {
  return Temporal.PlainDate.compare(a, b) === 0;
}

/**
 * Conferences by the day they take place on, in `timeZone`: every day a conference overlaps (one
 * running past midnight shows on both days), in the order given. Days with none are left out.
 */
export function byDay<T extends { startsAt: Date; endsAt: Date }>(
  items: readonly T[],
  days: readonly Day[],
  timeZone: string,
): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const day of days) {
    const from = startOfDay(day, timeZone).getTime();
    const to = startOfDay(day.add({ days: 1 }), timeZone).getTime();
    const on = items.filter((c) => c.startsAt.getTime() < to && c.endsAt.getTime() > from);
    if (on.length) out.set(day.toString(), on);
  }
  return out;
}

/** A plain `Date` at noon UTC of `day`, for Intl to format as a date (day, weekday, month) in UTC. */
export function dayForIntl(day: Day): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day, 12));
}
