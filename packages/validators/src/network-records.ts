// Inputs of the network screens' record editing: organizations, services, locations and partner
// institutions, with optimistic locking (`expectedVersion`), verification and the moderation of
// public edit suggestions.
import { z } from 'zod';

/** The partner kinds of DOMAIN.md; packages/db's `partnerKinds` must list the same values. */
export const partnerKindSchema = z.enum([
  'school',
  'kindergarten',
  'nursery',
  'health_visitor',
  'gp',
  'hospital',
  'police',
  'court',
  'guardianship_authority',
  'ngo',
]);
export type PartnerKindInput = z.infer<typeof partnerKindSchema>;

/** Records with a version and a history; packages/db's `historyEntities` must list the same values. */
export const recordEntitySchema = z.enum(['organization', 'service', 'location', 'partner_institution']);
export type RecordEntity = z.infer<typeof recordEntitySchema>;

const text = (max: number) => z.string().trim().min(1).max(max);
/** An optional text field: empty clears it (null). */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable();
const optionalEmail = z
  .union([z.literal(''), z.email().max(320)])
  .transform((v) => (v === '' ? null : v))
  .nullable();
const optionalUrl = z
  .union([z.literal(''), z.url({ protocol: /^https?$/ }).max(2000)])
  .transform((v) => (v === '' ? null : v))
  .nullable();
export const latitudeSchema = z.number().min(-90).max(90);
export const longitudeSchema = z.number().min(-180).max(180);
const isoDate = z.iso.date();

export const organizationFieldsSchema = z.object({
  name: text(300),
  alternateName: optionalText(300),
  description: z.string().trim().max(5000),
  email: optionalEmail,
  website: optionalUrl,
});

export const serviceFieldsSchema = z.object({
  name: text(300),
  alternateName: optionalText(300),
  description: optionalText(5000),
  email: optionalEmail,
  url: optionalUrl,
  status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
  eligibilityDescription: optionalText(2000),
  applicationProcess: optionalText(2000),
  feesDescription: optionalText(2000),
});

export const locationFieldsSchema = z.object({
  name: optionalText(300),
  description: optionalText(2000),
  transportation: optionalText(2000),
  lat: latitudeSchema,
  lng: longitudeSchema,
  addressHidden: z.boolean(),
});

const partnerShape = z.object({
  name: text(300),
  partnerKind: partnerKindSchema,
  address: optionalText(300),
  city: optionalText(200),
  email: optionalEmail,
  phone: optionalText(60),
  lat: latitudeSchema,
  lng: longitudeSchema,
  contactPerson: optionalText(200),
  cooperationAgreement: z.boolean(),
  agreementDate: isoDate.nullable(),
  notes: optionalText(5000),
});
export const partnerInstitutionFieldsSchema = partnerShape;

/** An agreement date only with an agreement (checked on the merged record too, by the database). */
const agreementRule = (v: { cooperationAgreement?: boolean; agreementDate?: string | null }) =>
  !(v.agreementDate && v.cooperationAgreement === false);
const agreementIssue = {
  message: 'a date needs a cooperation agreement',
  path: ['agreementDate'],
};

export const partnerInstitutionCreateInput = partnerShape
  .extend({ country: z.enum(['CZ', 'HU', 'TR']) })
  .refine(agreementRule, agreementIssue);

export const providerCreateInput = z.object({
  organization: organizationFieldsSchema.pick({ name: true, description: true, email: true, website: true }),
  service: serviceFieldsSchema.pick({ name: true, description: true }).extend({
    /** Service types (taxonomy terms) the service is tagged with. */
    termIds: z
      .array(z.uuid({ message: 'each service type must be a taxonomy term id (a UUID)' }))
      .max(10, { message: 'choose at most 10 service types' })
      .default([]),
    /** The service's phone number, as the directory shows it. */
    phone: optionalText(60).optional(),
  }),
  location: locationFieldsSchema.pick({ name: true, lat: true, lng: true }).extend({
    address: optionalText(300),
    city: optionalText(200),
  }),
});

const versioned = { id: z.uuid(), expectedVersion: z.number().int().min(1) };
const nonEmpty = (c: object) => Object.keys(c).length > 0;
const noChange = { message: 'change at least one field' };

export const recordUpdateInput = z.discriminatedUnion('entity', [
  z.object({
    entity: z.literal('organization'),
    ...versioned,
    changes: organizationFieldsSchema.partial().refine(nonEmpty, noChange),
  }),
  z.object({
    entity: z.literal('service'),
    ...versioned,
    changes: serviceFieldsSchema.partial().refine(nonEmpty, noChange),
  }),
  z.object({
    entity: z.literal('location'),
    ...versioned,
    changes: locationFieldsSchema
      .partial()
      .refine(nonEmpty, noChange)
      .refine((c) => (c.lat === undefined) === (c.lng === undefined), {
        message: 'move the pin with both latitude and longitude',
        path: ['lat'],
      }),
  }),
  z.object({
    entity: z.literal('partner_institution'),
    ...versioned,
    changes: partnerShape
      .partial()
      .refine(nonEmpty, noChange)
      .refine(agreementRule, agreementIssue)
      .refine((c) => (c.lat === undefined) === (c.lng === undefined), {
        message: 'move the pin with both latitude and longitude',
        path: ['lat'],
      }),
  }),
]);
export type RecordUpdateInput = z.output<typeof recordUpdateInput>;

export const recordRefInput = z.object({ entity: recordEntitySchema, id: z.uuid() });
export const recordVerifyInput = recordRefInput.extend({ expectedVersion: z.number().int().min(1) });
export const territoryRecordsInput = z.object({ territoryId: z.uuid() });

export const suggestionAcceptInput = z.object({
  suggestionId: z.uuid(),
  /** The version of the target record the moderator looked at. */
  expectedVersion: z.number().int().min(1),
  /**
   * What to apply, in the target's field names: the suggestion as proposed or as the moderator
   * edited it. Fields of the target entity only (checked by the handler against its schema).
   */
  changes: z.record(z.string().max(60), z.union([z.string().max(5000), z.null()])),
});
export const suggestionRejectInput = z.object({
  suggestionId: z.uuid(),
  reason: z.string().trim().min(3).max(2000),
});
