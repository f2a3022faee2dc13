// How the tables of HSDS 1.1 and 2.0 tabular datapackages (the format most published directories
// still use) become HSDS 3.0 rows. A column not named here is listed in the report as unmapped.
import type { HsdsTable } from '@caremap/validators';

export interface LegacyTable {
  /** Legacy table (file base name); also the namespace of its ids. */
  name: string;
  target: HsdsTable;
  /** Legacy column -> 3.0 field; columns with the same name in both need not be listed. */
  rename?: Record<string, string>;
  /** Reference columns -> legacy table(s) their ids belong to (the first one present is used). */
  refs?: Record<string, string[]>;
  /** Fields every row gets. */
  constant?: Record<string, unknown>;
  /** Last touches once the row is mapped (defaults, derived values). */
  finish?: (data: Record<string, unknown>, row: Record<string, string>) => void;
  /** 3.0 columns of the target this table may not set directly (handled in finish). */
  skip?: string[];
}

const TAXONOMY = ['taxonomy_terms', 'taxonomy'];
const SERVICES = ['services'];
const LOCATIONS = ['locations'];
const ORGS = ['organizations'];
const SAL = ['services_at_location', 'service_at_location', 'service_at_locations'];
const CONTACTS = ['contacts'];
const PHONES = ['phones'];
const common = {
  service_id: SERVICES,
  location_id: LOCATIONS,
  organization_id: ORGS,
  service_at_location_id: SAL,
  contact_id: CONTACTS,
  phone_id: PHONES,
};
const pick = (...keys: (keyof typeof common)[]) => Object.fromEntries(keys.map((k) => [k, common[k]]));

const WEEKDAYS: Record<string, string> = {
  '1': 'MO',
  '2': 'TU',
  '3': 'WE',
  '4': 'TH',
  '5': 'FR',
  '6': 'SA',
  '7': 'SU',
  '0': 'SU',
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
  sunday: 'SU',
  mon: 'MO',
  tue: 'TU',
  wed: 'WE',
  thu: 'TH',
  fri: 'FR',
  sat: 'SA',
  sun: 'SU',
  mo: 'MO',
  tu: 'TU',
  we: 'WE',
  th: 'TH',
  fr: 'FR',
  sa: 'SA',
  su: 'SU',
};
/** `9:00` -> `09:00`; other shapes are left for validation to name. */
const padTime = (t: unknown) => (typeof t === 'string' && /^\d:\d\d/.test(t) ? `0${t}` : t);

export const legacyTables: LegacyTable[] = [
  {
    name: 'taxonomy',
    target: 'taxonomy_term',
    refs: { parent_id: TAXONOMY },
    rename: { vocabulary: 'taxonomy' },
    finish: (d, row) => {
      d.code = row.id;
      d.description ??= d.name;
    },
  },
  {
    name: 'taxonomy_terms',
    target: 'taxonomy_term',
    refs: { parent_id: TAXONOMY },
    rename: { term: 'name', vocabulary: 'taxonomy' },
    finish: (d, row) => {
      d.code ??= row.id;
      d.description ??= d.name;
    },
  },
  {
    name: 'organizations',
    target: 'organization',
    rename: { url: 'website' },
    refs: { parent_organization_id: ORGS },
    finish: (d) => {
      d.description ??= '';
    },
  },
  {
    name: 'programs',
    target: 'program',
    refs: pick('organization_id'),
    finish: (d) => {
      d.description ??= '';
    },
  },
  {
    name: 'services',
    target: 'service',
    refs: { ...pick('organization_id'), program_id: ['programs'] },
    finish: (d) => {
      d.status ??= 'active';
    },
  },
  {
    name: 'locations',
    target: 'location',
    refs: pick('organization_id'),
    finish: (d) => {
      d.location_type ??= 'physical';
    },
  },
  { name: 'services_at_location', target: 'service_at_location', refs: pick('service_id', 'location_id') },
  { name: 'service_at_location', target: 'service_at_location', refs: pick('service_id', 'location_id') },
  {
    name: 'physical_addresses',
    target: 'address',
    refs: pick('location_id'),
    constant: { address_type: 'physical' },
  },
  {
    name: 'postal_addresses',
    target: 'address',
    refs: pick('location_id'),
    constant: { address_type: 'postal' },
  },
  { name: 'addresses', target: 'address', refs: pick('location_id') },
  {
    name: 'contacts',
    target: 'contact',
    refs: pick('organization_id', 'service_id', 'service_at_location_id', 'location_id'),
  },
  {
    name: 'phones',
    target: 'phone',
    refs: pick('location_id', 'service_id', 'organization_id', 'contact_id', 'service_at_location_id'),
  },
  {
    name: 'regular_schedules',
    target: 'schedule',
    refs: pick('service_id', 'location_id', 'service_at_location_id'),
    skip: ['weekday'],
    finish: (d, row) => {
      const day = WEEKDAYS[(row.weekday ?? '').trim().toLowerCase()];
      if (row.weekday && !day)
        d.byday = row.weekday; // validation names the column
      else if (day) d.byday ??= day;
      d.freq ??= 'WEEKLY';
      d.opens_at = padTime(d.opens_at);
      d.closes_at = padTime(d.closes_at);
    },
  },
  {
    name: 'holiday_schedules',
    target: 'schedule',
    refs: pick('service_id', 'location_id', 'service_at_location_id'),
    rename: { start_date: 'valid_from', end_date: 'valid_to' },
    skip: ['closed'],
    finish: (d, row) => {
      const closed = /^(true|1|yes)$/i.test((row.closed ?? '').trim());
      d.opens_at = closed ? undefined : padTime(d.opens_at);
      d.closes_at = closed ? undefined : padTime(d.closes_at);
      d.description ??= closed ? 'Closed (holiday)' : 'Holiday opening hours';
    },
  },
  {
    name: 'service_taxonomy',
    target: 'attribute',
    rename: { service_id: 'link_id', taxonomy_id: 'taxonomy_term_id', taxonomy_detail: 'value' },
    refs: { link_id: SERVICES, taxonomy_term_id: TAXONOMY },
    constant: { link_entity: 'service' },
  },
  {
    name: 'service_attributes',
    target: 'attribute',
    rename: { service_id: 'link_id', taxonomy_id: 'taxonomy_term_id' },
    refs: { link_id: SERVICES, taxonomy_term_id: TAXONOMY },
    constant: { link_entity: 'service' },
  },
  {
    name: 'languages',
    target: 'language',
    refs: pick('service_id', 'location_id', 'phone_id'),
    skip: ['language'],
    finish: (d, row) => {
      const value = row.language?.trim();
      if (value && /^[a-z]{2,3}$/.test(value)) d.code ??= value;
      else if (value) d.name ??= value;
    },
  },
  {
    name: 'accessibility_for_disabilities',
    target: 'accessibility',
    refs: pick('location_id'),
    rename: { accessibility: 'description' },
  },
  {
    name: 'service_areas',
    target: 'service_area',
    refs: pick('service_id'),
    rename: { service_area: 'name' },
  },
  { name: 'funding', target: 'funding', refs: pick('organization_id', 'service_id') },
  { name: 'required_documents', target: 'required_document', refs: pick('service_id') },
  { name: 'cost_options', target: 'cost_option', refs: pick('service_id') },
  { name: 'organization_identifiers', target: 'organization_identifier', refs: pick('organization_id') },
];

/** Tables only 1.x/2.0 packages have: one of them present means the package is not 3.0. */
export const legacyOnly = [
  'regular_schedules',
  'holiday_schedules',
  'physical_addresses',
  'postal_addresses',
  'services_at_location',
  'service_taxonomy',
  'taxonomy',
  'eligibility',
  'accessibility_for_disabilities',
  'payment_accepted',
  'service_attributes',
  'location_taxonomy',
];
/** Tables that appeared with 2.0. */
export const since20 = [
  'taxonomy_terms',
  'attributes',
  'service_attributes',
  'cost_options',
  'organization_identifiers',
];
