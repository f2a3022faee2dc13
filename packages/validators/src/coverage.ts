// Coverage and gap analysis of a territory (network mapping): which settlements have no service of
// the chosen types within a distance. Shared by the tRPC procedure and the CSV download's query.
import { z } from 'zod';
import { localeSchema } from './common';

export const coverageInput = z.object({
  territoryId: z.uuid({ message: 'territoryId must be a territory id (a UUID)' }),
  /** Service types: taxonomy terms, each counting its descendants too. */
  termIds: z
    .array(z.uuid({ message: 'each service type must be a taxonomy term id (a UUID)' }))
    .min(1, { message: 'choose at least one service type' })
    .max(50, { message: 'choose at most 50 service types' }),
  /** How far people may travel, in metres: 500 m to 200 km, 15 km by default. */
  distanceMeters: z
    .number()
    .int({ message: 'distance must be a whole number of metres' })
    .min(500, { message: 'distance must be at least 500 m' })
    .max(200_000, { message: 'distance must be at most 200 km' })
    .default(15_000),
});
export type CoverageInput = z.output<typeof coverageInput>;

/**
 * The CSV download's query string (`GET /api/network/coverage.csv`): the same analysis as
 * `coverageInput`, with the service types comma-separated, and the language of the header row.
 */
export const coverageCsvQuery = z
  .object({
    territoryId: z.string({ message: 'territoryId is required' }),
    termIds: z
      .string({ message: 'termIds is required (comma-separated taxonomy term ids)' })
      .transform((value) => value.split(',').filter(Boolean)),
    distanceMeters: z
      .string()
      .regex(/^\d+$/, { message: 'distance must be a whole number of metres' })
      .transform(Number)
      .optional(),
    lang: localeSchema.default('en'),
  })
  .transform(({ lang, ...rest }, ctx) => {
    const parsed = coverageInput.safeParse(rest);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return { ...parsed.data, lang };
  });
