// A phase's time slot is edited as local wall time in the conference's zone (datetime-local
// inputs carry no zone) and stored as instants; Temporal does the DST-correct conversion.
import { Temporal } from 'temporal-polyfill';

/** `YYYY-MM-DDTHH:MM` on the clock of `timeZone` at `instant`, for a datetime-local input. */
export function toWallTime(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' });
}

/** The instant of a datetime-local value on the clock of `timeZone`; null when empty or invalid. */
export function fromWallTime(value: string, timeZone: string): Date | null {
  if (!value) return null;
  try {
    const zoned = Temporal.PlainDateTime.from(value).toZonedDateTime(timeZone, { disambiguation: 'later' });
    return new Date(zoned.epochMilliseconds);
  } catch {
    return null;
  }
}
