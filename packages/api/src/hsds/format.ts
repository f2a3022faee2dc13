// Small value rules of HSDS 3.0 output: no `null` (absent fields are left out), RFC 3339 date-times,
// HH:MM times, and the schedule's time zone as the UTC offset number the schema asks for.

export type HsdsObject = Record<string, unknown>;

/** The object without its null/undefined fields: HSDS 3.0 forbids `null` for optional fields. */
export function compact<T extends Record<string, unknown>>(fields: T): HsdsObject {
  const out: HsdsObject = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== null && value !== undefined) out[key] = value;
  }
  return out;
}

/** RFC 3339 date-time in UTC (`2026-05-04T08:00:00.000Z`). */
export const dateTime = (value: Date | string | null | undefined): string | undefined =>
  value == null ? undefined : new Date(value).toISOString();

/** `09:00:00` -> `09:00` (HSDS: HH:MM); seconds stay when they are not zero. */
export function clockTime(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const [h, m, s] = value.split(':');
  return s && Number(s) !== 0 ? `${h}:${m}:${s.slice(0, 2)}` : `${h}:${m}`;
}

/** HSDS `phone.extension` is a number; a non-numeric extension has no place in 3.0 and is left out. */
export const phoneExtension = (value: string | null | undefined): number | undefined =>
  value && /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : undefined;

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * HSDS 3.0 `schedule.timezone` is "the timezone ... expressed as a UTC offset" (a number of hours);
 * we store an IANA zone. A zone with summer time has no single offset, so we emit the offset in force
 * at `at` (the moment of the response or export): correct for "open now" readers, and it changes
 * with the clocks. An unknown zone is left out rather than guessed.
 */
export function utcOffsetHours(zone: string | null | undefined, at: Date): number | undefined {
  if (!zone) return undefined;
  let format = offsetFormats.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    } catch {
      return undefined;
    }
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  if (name === 'GMT') return 0;
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (!match) return undefined;
  const hours = Number(match[2]) + Number(match[3]) / 60;
  return match[1] === '-' ? -hours : hours;
}
