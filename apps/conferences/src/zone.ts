/** Time zones offered for a conference: those whose invitations carry a VTIMEZONE CareMap knows well. */
export const conferenceZones = ['Europe/Budapest', 'Europe/Prague', 'Europe/Istanbul'] as const;

/** The organiser's zone: the browser's, if it is one we offer; otherwise by the UI language. */
export function defaultZone(language: string): string {
  const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if ((conferenceZones as readonly string[]).includes(browser)) return browser;
  if (language === 'cs') return 'Europe/Prague';
  if (language === 'tr') return 'Europe/Istanbul';
  return 'Europe/Budapest';
}

/** The viewer's own zone (the browser's). */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Offset of `timeZone` from UTC at `instant`, in ms, read from Intl (no hand-kept tables). */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - instant;
}

/** 23:59 of the day `yyyy-mm-dd` on the clock of `timeZone`, as an instant. */
export function endOfDayIn(day: string, timeZone: string): Date {
  return wallClockIn(day, '23:59', timeZone);
}

/** `HH:MM` (24:00 = next midnight) of the day `yyyy-mm-dd` on the clock of `timeZone`, as an instant. */
export function wallClockIn(day: string, time: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  const wall = Date.UTC(y!, m! - 1, d!, h!, min!, 0);
  return new Date(wall - offsetAt(wall - offsetAt(wall, timeZone), timeZone));
}

/** yyyy-mm-dd of the day `days` from now, for a date input. */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
