// Inputs of the signalling-meeting series procedures (packages/api/src/router/series.ts). The RRULE
// is checked here for its shape only; its parts are validated by @caremap/scheduling's parser on
// the server, which names the part that is wrong (`rrule.BYDAY`).
import { z } from 'zod';
import { timeZoneSchema } from './common';
import { contactParticipantInput, userParticipantInput } from './conference';

/** Local wall time without an offset, `YYYY-MM-DDTHH:MM`, in the series' zone. */
export const wallTimeSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, {
    message: 'a local date and time, YYYY-MM-DDTHH:MM',
  });
const localDate = (field: string) => z.iso.date({ message: `${field} must be a date (YYYY-MM-DD)` });

export const rruleSchema = z
  .string()
  .trim()
  .min(6, { message: 'rrule is required, e.g. FREQ=MONTHLY;INTERVAL=2' })
  .max(500, { message: 'rrule is at most 500 characters' });

/** Default invitees of each meeting: CareMap users and contacts of partner institutions. */
export const seriesParticipantInput = z.discriminatedUnion('kind', [
  userParticipantInput,
  contactParticipantInput,
]);

const seriesFields = {
  title: z.string().trim().min(1, { message: 'title is required' }).max(200),
  rrule: rruleSchema,
  timezone: timeZoneSchema,
  /** The first meeting, local wall time in `timezone` (DTSTART). */
  dtstart: wallTimeSchema,
  durationMinutes: z
    .number()
    .int()
    .min(15, { message: 'durationMinutes must be at least 15' })
    .max(480, { message: 'durationMinutes must be at most 480 (8 hours)' })
    .refine((m) => m % 5 === 0, { message: 'durationMinutes must be a multiple of 5' }),
  participants: z.array(seriesParticipantInput).min(1, { message: 'invite at least one person' }).max(60),
  roomId: z.uuid().nullable().default(null),
  online: z.boolean().default(false),
  locationNote: z.string().trim().max(500).optional(),
};

const roomOrOnline = (s: { roomId: string | null; online: boolean }) => s.online || s.roomId !== null;
const roomIssue = { message: 'choose a room, or make the meetings online', path: ['roomId'] };

export const seriesCreateInput = z
  .object({ agencyId: z.uuid(), ...seriesFields })
  .refine(roomOrOnline, roomIssue);
export type SeriesCreateInput = z.input<typeof seriesCreateInput>;

export const seriesIdInput = z.object({ seriesId: z.uuid({ message: 'seriesId must be a series id' }) });

/** Edits name the version they started from; a stale one is refused (someone else saved first). */
export const seriesUpdateInput = z
  .object({ seriesId: z.uuid(), expectedVersion: z.number().int().min(1), ...seriesFields })
  .refine(roomOrOnline, roomIssue);
export type SeriesUpdateInput = z.input<typeof seriesUpdateInput>;

export const seriesOccurrencesInput = seriesIdInput.extend({
  /** Start of the window; default now. */
  from: z.date().optional(),
  /** How many occurrences to list at most (skipped ones included). */
  count: z.number().int().min(1).max(60).default(12),
});

export const seriesSkipInput = seriesIdInput.extend({ originalDate: localDate('originalDate') });
export const seriesMoveInput = seriesIdInput.extend({
  originalDate: localDate('originalDate'),
  /** The new start, local wall time in the series' zone. */
  startsAt: wallTimeSchema,
});
export const seriesRestoreInput = seriesSkipInput;

/** Creates (and books) the conference of one occurrence, named by its RECURRENCE-ID. */
export const seriesScheduleInput = seriesIdInput.extend({ occurrence: wallTimeSchema });
