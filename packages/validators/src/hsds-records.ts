// HSDS 3.0 records as an import reads them: one flat object per table row (nested arrays already
// taken apart), field names exactly as in the official schemas. Formats follow the schemas (uuid,
// email, uri, date, date-time, enums); `x_caremap_*` fields are CareMap extensions an export writes
// so that a round trip keeps what HSDS has no field for.
import { z } from 'zod';

const uuid = z.uuid();
const text = z.string();
const email = z.email();
const uri = z.url();
const date = z.iso.date();
const dateTime = z.iso.datetime({ offset: true });
// HSDS times are HH:MM or HH:MM:SS, optionally with Z or a UTC offset (09:00-05:00).
const time = z
  .string()
  .regex(
    /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/,
    'expected HH:MM[:SS]',
  );
const count = z.number().int().min(0);
const weekdays = z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']);
const bydayList = z
  .string()
  .regex(
    /^([+-]?\d{0,2}(MO|TU|WE|TH|FR|SA|SU))(,[+-]?\d{0,2}(MO|TU|WE|TH|FR|SA|SU))*$/,
    'expected e.g. MO,TU,1FR',
  );
const intList = z.string().regex(/^-?\d+(,-?\d+)*$/, 'expected a comma-separated list of integers');
const labels = z.object({ hu: z.string(), cs: z.string(), tr: z.string(), en: z.string() });

export const hsdsOrganizationRecord = z.object({
  id: uuid,
  name: text.min(1),
  alternate_name: text.optional(),
  description: text,
  email: email.optional(),
  website: uri.optional(),
  tax_status: text.optional(),
  tax_id: text.optional(),
  year_incorporated: z.number().int().min(1000).max(9999).optional(),
  legal_status: text.optional(),
  logo: text.optional(),
  uri: uri.optional(),
  parent_organization_id: uuid.optional(),
});

export const hsdsProgramRecord = z.object({
  id: uuid,
  organization_id: uuid.optional(),
  name: text.min(1),
  alternate_name: text.optional(),
  description: text,
});

export const hsdsServiceRecord = z.object({
  id: uuid,
  organization_id: uuid,
  program_id: uuid.optional(),
  name: text.min(1),
  alternate_name: text.optional(),
  description: text.optional(),
  url: uri.optional(),
  email: email.optional(),
  status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
  interpretation_services: text.optional(),
  application_process: text.optional(),
  fees_description: text.optional(),
  wait_time: text.optional(),
  fees: text.optional(),
  accreditations: text.optional(),
  eligibility_description: text.optional(),
  minimum_age: count.optional(),
  maximum_age: count.optional(),
  assured_date: date.optional(),
  assurer_email: email.optional(),
  licenses: text.optional(),
  alert: text.optional(),
  last_modified: dateTime.optional(),
});

export const hsdsLocationRecord = z.object({
  id: uuid,
  location_type: z.enum(['physical', 'postal', 'virtual']),
  url: uri.optional(),
  organization_id: uuid.optional(),
  name: text.optional(),
  alternate_name: text.optional(),
  description: text.optional(),
  transportation: text.optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  external_identifier: text.optional(),
  external_identifier_type: text.optional(),
  /** CareMap: a shelter whose address is never published (see docs in packages/api/src/hsds/import). */
  x_caremap_address_hidden: z.boolean().optional(),
});

export const hsdsServiceAtLocationRecord = z.object({
  id: uuid,
  service_id: uuid,
  location_id: uuid,
  description: text.optional(),
});

export const hsdsAddressRecord = z.object({
  id: uuid,
  location_id: uuid.optional(),
  attention: text.optional(),
  address_1: text.min(1),
  address_2: text.optional(),
  city: text.min(1),
  region: text.optional(),
  state_province: text.min(1),
  postal_code: text.min(1),
  country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code'),
  address_type: z.enum(['physical', 'postal', 'virtual']),
});

export const hsdsPhoneRecord = z.object({
  id: uuid,
  location_id: uuid.optional(),
  service_id: uuid.optional(),
  organization_id: uuid.optional(),
  contact_id: uuid.optional(),
  service_at_location_id: uuid.optional(),
  number: text.min(1),
  extension: z.union([z.number(), text]).optional(),
  type: text.optional(),
  description: text.optional(),
});

export const hsdsContactRecord = z.object({
  id: uuid,
  organization_id: uuid.optional(),
  service_id: uuid.optional(),
  service_at_location_id: uuid.optional(),
  location_id: uuid.optional(),
  name: text.optional(),
  title: text.optional(),
  department: text.optional(),
  email: email.optional(),
});

export const hsdsScheduleRecord = z.object({
  id: uuid,
  service_id: uuid.optional(),
  location_id: uuid.optional(),
  service_at_location_id: uuid.optional(),
  valid_from: date.optional(),
  valid_to: date.optional(),
  dtstart: date.optional(),
  // HSDS 3.0 says a UTC offset (number); CareMap stores an IANA zone name and accepts both.
  timezone: z.union([z.number().min(-14).max(14), text.min(1)]).optional(),
  /** CareMap extension: the IANA zone (our exports write it beside the UTC offset). */
  x_caremap_timezone: text
    .min(1)
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'not an IANA time zone')
    .optional(),
  until: date.optional(),
  count: count.optional(),
  wkst: weekdays.optional(),
  freq: z.enum(['WEEKLY', 'MONTHLY']).optional(),
  interval: z.number().int().min(1).optional(),
  byday: bydayList.optional(),
  byweekno: intList.optional(),
  bymonthday: intList.optional(),
  byyearday: intList.optional(),
  description: text.optional(),
  opens_at: time.optional(),
  closes_at: time.optional(),
  schedule_link: uri.optional(),
  attending_type: text.optional(),
  notes: text.optional(),
});

export const hsdsLanguageRecord = z.object({
  id: uuid,
  service_id: uuid.optional(),
  location_id: uuid.optional(),
  phone_id: uuid.optional(),
  name: text.optional(),
  code: text.optional(),
  note: text.optional(),
});

export const hsdsAccessibilityRecord = z.object({
  id: uuid,
  location_id: uuid.optional(),
  description: text.optional(),
  details: text.optional(),
  url: uri.optional(),
});

export const hsdsTaxonomyRecord = z.object({
  id: uuid,
  name: text.min(1),
  description: text,
  uri: uri.optional(),
  version: text.optional(),
});

export const hsdsTaxonomyTermRecord = z.object({
  id: uuid,
  code: text.optional(),
  name: text.min(1),
  description: text,
  parent_id: uuid.optional(),
  taxonomy: text.optional(),
  language: text.optional(),
  taxonomy_id: uuid.optional(),
  term_uri: uri.optional(),
  /** CareMap: the term's name in every UI language. */
  x_caremap_labels: labels.optional(),
});

export const hsdsAttributeRecord = z.object({
  id: uuid,
  link_id: uuid,
  taxonomy_term_id: uuid,
  link_type: text.optional(),
  link_entity: text.min(1),
  value: text.optional(),
  label: text.optional(),
});

export const hsdsServiceAreaRecord = z.object({
  id: uuid,
  service_id: uuid.optional(),
  service_at_location_id: uuid.optional(),
  name: text.optional(),
  description: text.optional(),
  extent: text.optional(),
  extent_type: text.optional(),
  uri: text.optional(),
});

export const hsdsCostOptionRecord = z.object({
  id: uuid,
  service_id: uuid,
  valid_from: date.optional(),
  valid_to: date.optional(),
  option: text.optional(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'expected an ISO 4217 currency code')
    .optional(),
  amount: z.number().min(0).optional(),
  amount_description: text.optional(),
  /** CareMap: free of charge (for the filter); derived from amount 0 when absent. */
  x_caremap_free: z.boolean().optional(),
});

export const hsdsFundingRecord = z.object({
  id: uuid,
  organization_id: uuid.optional(),
  service_id: uuid.optional(),
  source: text.optional(),
});

export const hsdsRequiredDocumentRecord = z.object({
  id: uuid,
  service_id: uuid.optional(),
  document: text.optional(),
  uri: uri.optional(),
});

export const hsdsOrganizationIdentifierRecord = z.object({
  id: uuid,
  organization_id: uuid.optional(),
  identifier_scheme: text.optional(),
  identifier_type: text.min(1),
  identifier: text.min(1),
});

export const hsdsMetadataRecord = z.object({
  id: uuid,
  resource_id: uuid,
  resource_type: text.min(1),
  last_action_date: z.union([dateTime, date]),
  last_action_type: text.min(1),
  field_name: text,
  previous_value: text,
  replacement_value: text,
  updated_by: text.min(1),
});

export const hsdsUrlRecord = z.object({
  id: uuid,
  label: text.optional(),
  url: uri,
  organization_id: uuid.optional(),
  service_id: uuid.optional(),
});

export const hsdsUnitRecord = z.object({
  id: uuid,
  name: text.min(1),
  scheme: text.optional(),
  identifier: text.optional(),
  uri: uri.optional(),
});

export const hsdsServiceCapacityRecord = z.object({
  id: uuid,
  service_id: uuid,
  unit_id: uuid,
  available: z.number(),
  maximum: z.number().optional(),
  description: text.optional(),
  updated: dateTime,
});

/** Every table an import writes, in the order it writes them (a row's references come first). */
export const hsdsRecordSchemas = {
  taxonomy: hsdsTaxonomyRecord,
  taxonomy_term: hsdsTaxonomyTermRecord,
  organization: hsdsOrganizationRecord,
  program: hsdsProgramRecord,
  service: hsdsServiceRecord,
  location: hsdsLocationRecord,
  service_at_location: hsdsServiceAtLocationRecord,
  address: hsdsAddressRecord,
  contact: hsdsContactRecord,
  phone: hsdsPhoneRecord,
  schedule: hsdsScheduleRecord,
  language: hsdsLanguageRecord,
  accessibility: hsdsAccessibilityRecord,
  attribute: hsdsAttributeRecord,
  cost_option: hsdsCostOptionRecord,
  funding: hsdsFundingRecord,
  required_document: hsdsRequiredDocumentRecord,
  service_area: hsdsServiceAreaRecord,
  organization_identifier: hsdsOrganizationIdentifierRecord,
  metadata: hsdsMetadataRecord,
  url: hsdsUrlRecord,
  unit: hsdsUnitRecord,
  service_capacity: hsdsServiceCapacityRecord,
} as const;
export type HsdsTable = keyof typeof hsdsRecordSchemas;
export const hsdsTables = Object.keys(hsdsRecordSchemas) as HsdsTable[];
export type HsdsRecord<T extends HsdsTable> = z.infer<(typeof hsdsRecordSchemas)[T]>;
