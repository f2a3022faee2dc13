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
