// The one directory search input: tRPC (`directory.search`), the HSDS REST API's query parameters
// and the vector tiles all parse into this shape and call `searchServices` in packages/api.
import { z } from 'zod';
import { pageInput } from './common';

export const attendingTypes = ['in_person', 'online', 'phone'] as const;
export const searchSorts = ['relevance', 'distance', 'name'] as const;

/** ISO 639-1 (two letters) or ISO 639-2/3 (three letters), e.g. hu, ces, rom (Romani). */
export const languageCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, { message: 'language must be an ISO 639-1 or 639-3 code such as hu, cs or rom' });

export const latLngSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

/** RFC 3339 date-time with an offset or Z, e.g. 2026-12-02T09:30:00+01:00. */
export const rfc3339Schema = z.iso.datetime({
  offset: true,
  message: 'must be an RFC 3339 date-time with a time zone, e.g. 2026-12-02T09:30:00+01:00',
});

export const DEFAULT_RADIUS_METERS = 25_000;

export const serviceSearchInput = pageInput
  .extend({
    /** Free text; the last word matches as a prefix (typing), unknown words as their nearest typo. */
    text: z.string().trim().max(200).optional(),
    /** Services tagged with any of these terms or their descendants. */
    taxonomyTermIds: z.array(z.uuid()).max(50).optional(),
    near: latLngSchema.optional(),
    /** A town of the packaged gazetteer (its GeoNames id, as `directory.places` returns it). */
    placeId: z.number().int().positive().optional(),
    /** With `near` or `placeId`: only services with a location this close; default 25 km. */
    radiusMeters: z.number().int().min(100).max(500_000).optional(),
    /** true: only services open at this instant. false or absent: no restriction. */
    openNow: z.boolean().optional(),
    /** Only services open at this instant. */
    openAt: rfc3339Schema.optional(),
    /** Services whose age range (minimum_age..maximum_age, open ends) includes this age. */
    age: z.number().int().min(0).max(130).optional(),
    language: languageCodeSchema.optional(),
    /** true: only services with a free-of-charge cost option valid today. */
    free: z.boolean().optional(),
    /** true: only services with a location marked wheelchair accessible (facet attribute). */
    wheelchair: z.boolean().optional(),
    attendingType: z.enum(attendingTypes).optional(),
    organizationId: z.uuid().optional(),
    /** Only services changed after this instant. */
    modifiedAfter: rfc3339Schema.optional(),
    /** Default: relevance with text, distance with a point, else name. */
    sort: z.enum(searchSorts).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.near && v.placeId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['placeId'], message: 'give either near or placeId, not both' });
    }
    if (v.openNow && v.openAt) {
      ctx.addIssue({ code: 'custom', path: ['openAt'], message: 'give either openNow or openAt, not both' });
    }
    if (v.radiusMeters !== undefined && !v.near && v.placeId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['radiusMeters'], message: 'radiusMeters needs near or placeId' });
    }
    if (v.sort === 'distance' && !v.near && v.placeId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['sort'], message: 'sort by distance needs near or placeId' });
    }
  });
export type ServiceSearchInput = z.input<typeof serviceSearchInput>;
export type ServiceSearchQuery = z.output<typeof serviceSearchInput>;

export const placeSuggestInput = z.object({
  prefix: z.string().trim().min(1).max(80),
  locale: z.enum(['hu', 'cs', 'tr', 'en']).optional(),
  limit: z.number().int().min(1).max(20).default(8),
});

export const serviceDetailInput = z.object({
  id: z.uuid(),
  /** The instant "open now" and "today" refer to; default: now. */
  at: rfc3339Schema.optional(),
});

export const suggestionTargetSchema = z.enum(['service', 'organization', 'location']);

/** Fields a visitor may propose a change for (HSDS field names). */
export const suggestableFields = [
  'name',
  'alternate_name',
  'description',
  'email',
  'url',
  'phone',
  'address',
  'schedule',
  'eligibility_description',
  'application_process',
  'fees_description',
  'languages',
  'accessibility',
  'other',
] as const;

export const suggestEditInput = z.object({
  targetEntity: suggestionTargetSchema,
  targetId: z.uuid(),
  changes: z
    .partialRecord(z.enum(suggestableFields), z.string().trim().min(1).max(2000))
    .refine((c) => Object.keys(c).length > 0, { message: 'propose at least one change' }),
  comment: z.string().trim().max(2000).optional(),
  submitterName: z.string().trim().max(200).optional(),
  submitterEmail: z.email().max(320).optional(),
  language: z.enum(['hu', 'cs', 'tr', 'en']),
  /** Honeypot: a field people never see. A filled one marks a bot. */
  website: z.string().max(0, { message: 'must be empty' }).optional(),
  /** From `directory.suggestChallenge`, with the nonce the client found. */
  challenge: z.string().min(1).max(500),
  nonce: z.string().min(1).max(64),
});
