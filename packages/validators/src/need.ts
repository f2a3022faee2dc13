// The needs register of network mapping: unmet needs recorded per territory.
import { z } from 'zod';

export const needReporterValues = [
  'provider',
  'family',
  'child_protection_office',
  'school',
  'health_service',
  'police',
  'court',
  'ngo',
  'municipality',
  'other',
] as const;
export const needSeverityValues = ['low', 'medium', 'high', 'critical'] as const;
export const needStatusValues = ['open', 'in_progress', 'met'] as const;

const day = (field: string) => z.iso.date({ message: `${field} must be a date (YYYY-MM-DD)` });

const needFields = {
  taxonomyTermId: z.uuid({ message: 'category must be a service type (a taxonomy term id)' }),
  description: z
    .string()
    .trim()
    .min(3, { message: 'description must have at least 3 characters' })
    .max(4000, { message: 'description must have at most 4,000 characters' }),
  reportedBy: z.enum(needReporterValues, { message: 'reportedBy must be one of the listed reporters' }),
  severity: z.enum(needSeverityValues, { message: 'severity must be low, medium, high or critical' }),
  reportedOn: day('reportedOn'),
  /** The provider the need concerns, if any. */
  organizationId: z.uuid({ message: 'organizationId must be an organization id' }).nullable().optional(),
};

export const needCreateInput = z.object({
  territoryId: z.uuid({ message: 'territoryId must be a territory id' }),
  ...needFields,
});
export type NeedCreateInput = z.output<typeof needCreateInput>;

/** Changes to a need on top of the version the editor loaded; `met` needs `metOn` and only it. */
export const needUpdateInput = z
  .object({
    id: z.uuid(),
    expectedVersion: z.number().int().min(1),
    changes: z
      .object({
        ...needFields,
        status: z.enum(needStatusValues, { message: 'status must be open, in progress or met' }),
        metOn: day('metOn').nullable(),
      })
      .partial(),
  })
  .superRefine((v, ctx) => {
    const { status, metOn } = v.changes;
    if (status === 'met' && !metOn)
      ctx.addIssue({
        code: 'custom',
        path: ['changes', 'metOn'],
        message: 'a met need needs the date it was met',
      });
    if (status && status !== 'met' && metOn)
      ctx.addIssue({
        code: 'custom',
        path: ['changes', 'metOn'],
        message: 'only a met need has a date it was met',
      });
  });
export type NeedUpdateInput = z.output<typeof needUpdateInput>;

export const needListInput = z.object({
  territoryId: z.uuid({ message: 'territoryId must be a territory id' }),
  status: z.enum(needStatusValues).optional(),
});

/** Quarterly counts of a territory (and its parts) by category and status, for the region's figures. */
export const needStatsInput = z.object({
  territoryId: z.uuid({ message: 'territoryId must be a territory id' }),
  /** Calendar year of the quarters; default this year. */
  year: z.number().int().min(2000).max(2100).optional(),
});
