// Query parameters of the HSDS API, as zod schemas: the spec's (schema-3.0/openapi.json) and our
// extensions (packages/api/src/hsds/openapi.ts documents both). A bad value is a 400 naming it.
import { z } from 'zod';

export const bool = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');
export const uuid = z.guid({ error: 'must be a UUID' });
const dateTime = z.iso
  .datetime({
    offset: true,
    error: 'must be an RFC 3339 date-time with a time zone, e.g. 2026-05-04T08:00:00Z',
  })
  .transform((v) => new Date(v));
export const number = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .refine(Number.isFinite, 'must be a number')
    .refine((v) => v >= min && v <= max, `must be between ${min} and ${max}`);

const paging = {
  page: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be 1 or more')
    .default(1),
  per_page: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be 1 or more')
    .max(1000, 'must be 1000 or less')
    .default(50),
  format: z.enum(['json', 'ndjson'], { error: 'must be json or ndjson' }).default('json'),
  search: z.string().max(200, 'must be 200 characters or fewer').optional(),
};

const serviceFilters = {
  taxonomy_term_id: uuid.optional(),
  taxonomy_id: uuid.optional(),
  organization_id: uuid.optional(),
  modified_after: dateTime.optional(),
  full: bool.optional(),
  // Extensions
  lat: number(-90, 90).optional(),
  lng: number(-180, 180).optional(),
  open_now: bool.optional(),
  open_at: dateTime.optional(),
  age: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(0)
    .max(150)
    .optional(),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}$/, 'must be an ISO 639-1 code (or a three-letter ISO 639-2/3 code), e.g. hu')
    .optional(),
  free: bool.optional(),
  wheelchair: bool.optional(),
  attending_type: z
    .enum(['in_person', 'online', 'phone'], { error: 'must be in_person, online or phone' })
    .optional(),
};

type Point = { lat?: number | undefined; lng?: number | undefined };
function pointComplete(value: Point, ctx: z.RefinementCtx) {
  if ((value.lat === undefined) !== (value.lng === undefined)) {
    const missing = value.lat === undefined ? 'lat' : 'lng';
    ctx.addIssue({ code: 'custom', path: [missing], message: 'lat and lng must be given together' });
  }
}

export const serviceListQuery = z
  .object({
    ...paging,
    ...serviceFilters,
    minimal: bool.optional(),
    proximity: number(1, 500_000).optional(),
  })
  .superRefine((value, ctx) => {
    pointComplete(value, ctx);
    if (value.proximity !== undefined && value.lat === undefined) {
      ctx.addIssue({ code: 'custom', path: ['proximity'], message: 'needs lat and lng on /services' });
    }
    if (value.minimal && value.full) {
      ctx.addIssue({ code: 'custom', path: ['full'], message: 'cannot be combined with minimal=true' });
    }
  });

export const serviceAtLocationListQuery = z
  .object({
    ...paging,
    ...serviceFilters,
    postcode: z.string().trim().min(1).max(20, 'must be 20 characters or fewer').optional(),
    proximity: number(1, 500_000).optional(),
  })
  .superRefine((value, ctx) => {
    pointComplete(value, ctx);
    if (value.proximity !== undefined && value.postcode === undefined && value.lat === undefined) {
      ctx.addIssue({ code: 'custom', path: ['proximity'], message: 'needs postcode, or lat and lng' });
    }
  });

export const organizationListQuery = z.object({
  ...paging,
  full: bool.optional(),
  full_service: bool.optional(),
});

export const organizationDetailQuery = z.object({ full_service: bool.optional() });

export const taxonomyListQuery = z.object({ ...paging });

export const taxonomyTermListQuery = z.object({
  ...paging,
  taxonomy_id: uuid.optional(),
  parent_id: uuid.optional(),
  top_only: bool.optional(),
});

/** The service filters for select.ts, from a parsed /services or /service_at_locations query. */
export function serviceQueryOf(
  q: z.infer<typeof serviceListQuery> | z.infer<typeof serviceAtLocationListQuery>,
) {
  return {
    search: q.search,
    taxonomyTermId: q.taxonomy_term_id,
    taxonomyId: q.taxonomy_id,
    organizationId: q.organization_id,
    modifiedAfter: q.modified_after,
    lat: q.lat,
    lng: q.lng,
    proximity: q.proximity,
    openNow: q.open_now,
    openAt: q.open_at,
    age: q.age,
    language: q.language,
    free: q.free,
    wheelchair: q.wheelchair,
    attendingType: q.attending_type,
  };
}
