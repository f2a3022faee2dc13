import { z } from 'zod';
import { timeZoneSchema } from './common';

/** The largest calendar file availability.importIcs accepts (a year of a busy calendar is ~300 kB). */
export const icsImportMaxBytes = 1024 * 1024;

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** An .ics file for the slot finder; only its start and end times are kept. */
export const importIcsInput = z.object({
  fileName: z.string().trim().min(1).max(300),
  content: z
    .string()
    .min(1, 'the calendar file is empty')
    .max(icsImportMaxBytes, { message: 'the calendar file is larger than 1 MB', abort: true })
    .refine((text) => utf8Length(text) <= icsImportMaxBytes, 'the calendar file is larger than 1 MB'),
  /** The zone all-day events and floating times are read in; default the user's working-hours zone. */
  timeZone: timeZoneSchema.optional(),
});
