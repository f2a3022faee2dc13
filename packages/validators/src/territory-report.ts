// The territory report (network mapping): which territory and how far people may travel for the
// coverage gaps; the download adds the language.
import { z } from 'zod';
import { localeSchema } from './common';
import { coverageInput } from './coverage';
import { territoryIdInput } from './territory';

export const territoryReportInput = z.object({
  territoryId: territoryIdInput.shape.territoryId,
  distanceMeters: coverageInput.shape.distanceMeters,
});
export type TerritoryReportInput = z.output<typeof territoryReportInput>;

/** GET /api/territories/<id>/report.{csv,pdf}?lang=&distanceMeters= (query strings are text). */
export const territoryReportQuery = z.object({
  lang: localeSchema.default('en'),
  distanceMeters: z
    .string()
    .regex(/^\d+$/, { message: 'distanceMeters must be a whole number of metres' })
    .transform(Number)
    .pipe(coverageInput.shape.distanceMeters.unwrap())
    .optional(),
});
