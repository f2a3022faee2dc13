// The working-hours form as plain data: what the screen edits (one range per weekday, or a day
// off) and how it becomes availability.setWorkingHours input and back.
import type { ValidationIssue } from '@caremap/ui';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

export interface DayRow {
  works: boolean;
  start: string;
  end: string;
}
export interface HoursForm {
  timeZone: string;
  days: Record<Weekday, DayRow>;
}
type Stored = { timeZone: string; hours: Partial<Record<Weekday, Array<{ start: string; end: string }>>> };

/** The saved week, or Monday-Friday 08:00-16:00 (what the slot finder assumes) when there is none. */
export function formFromStored(stored: Stored | null, defaultZone: string): HoursForm {
  const days = {} as Record<Weekday, DayRow>;
  for (const day of weekdays) {
    // Saved: a weekday left out is a day off. Not saved: the assumed Monday-Friday.
    const ranges = stored ? (stored.hours[day] ?? []) : day === 'sat' || day === 'sun' ? [] : undefined;
    days[day] =
      ranges === undefined
        ? { works: true, start: '08:00', end: '16:00' }
        : ranges.length === 0
          ? { works: false, start: '08:00', end: '16:00' }
          : // One range per day on this screen: a split day shows from its first start to its last end.
            { works: true, start: ranges[0]!.start, end: ranges[ranges.length - 1]!.end };
  }
  return { timeZone: stored?.timeZone ?? defaultZone, days };
}

export function inputFromForm(form: HoursForm) {
  const hours: Partial<Record<Weekday, Array<{ start: string; end: string }>>> = {};
  for (const day of weekdays) {
    const row = form.days[day];
    if (row.works) hours[day] = [{ start: row.start, end: row.end }];
  }
  return { timeZone: form.timeZone, hours };
}

/** What is wrong with a field of the form; the screen says it in the user's language. */
export type HoursProblem = 'errZone' | 'errTime' | 'errEndBeforeStart';

/**
 * zod issues of workingHoursInput (from the browser's check or the server's answer) per field id:
 * `timeZone`, `mon.start`, `mon.end`, …
 */
export function hoursProblems(issues: ReadonlyArray<ValidationIssue>): Record<string, HoursProblem> {
  const out: Record<string, HoursProblem> = {};
  for (const issue of issues) {
    const path = issue.path.map(String);
    const [key, problem]: [string, HoursProblem] =
      path[0] === 'hours' && path.length >= 4
        ? [`${path[1]}.${path[3]}`, issue.code === 'custom' ? 'errEndBeforeStart' : 'errTime']
        : ['timeZone', 'errZone'];
    if (!(key in out)) out[key] = problem;
  }
  return out;
}

/** Weekday names in the UI language, from Intl (2024-01-01 was a Monday). */
export function weekdayName(day: Weekday, locale: string): string {
  const date = new Date(Date.UTC(2024, 0, 1 + weekdays.indexOf(day), 12));
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(date);
}
