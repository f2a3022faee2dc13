import { z } from 'zod';

export const localeSchema = z.enum(['hu', 'cs', 'tr', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const pageInput = z.object({
  page: z.number().int().min(1).max(10_000).default(1),
  size: z.number().int().min(1).max(100).default(20),
});

/** [west, south, east, north] in WGS84 degrees. */
export const bboxSchema = z
  .tuple([
    z.number().min(-180).max(180),
    z.number().min(-90).max(90),
    z.number().min(-180).max(180),
    z.number().min(-90).max(90),
  ])
  .refine(([w, s, e, n]) => w < e && s < n, {
    message: 'bbox must be [west, south, east, north] with west < east and south < north',
  });

/** The conference kinds of DOMAIN.md; packages/db's `conferenceKinds` must list the same values. */
export const conferenceKindSchema = z.enum([
  'case_conference',
  'case_discussion',
  'family_conference',
  'signalling_meeting',
  'care_plan_review',
]);
export type ConferenceKindInput = z.infer<typeof conferenceKindSchema>;

/**
 * A pseudonymous case code such as `HU-GYJK-2026-0142`: letters, digits and `-` `/` `.`, at least
 * one digit, no spaces. A child's name does not fit this shape, so it cannot be typed in by mistake.
 */
export const caseRefSchema = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}\-/.]*$/u, {
    message: 'case_ref is a code (letters, digits, - / .), without spaces: never a name',
  })
  .regex(/\p{N}/u, { message: 'case_ref must contain a digit: it is a code, never a name' });

/** An IANA time zone the runtime knows, such as `Europe/Budapest`. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'unknown time zone: use an IANA name such as Europe/Budapest' },
  );
