// The Open Referral HSDS 3.0 directory core. Column names follow the HSDS field names so that the
// HSDS REST API is a projection, not a translation. Geometry columns are CareMap additions.
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  time,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { editable, id, multiPolygon, point, timestamps, verifiable } from './columns';

export const serviceStatus = pgEnum('service_status', [
  'active',
  'inactive',
  'defunct',
  'temporarily closed',
]);
export const locationType = pgEnum('location_type', ['physical', 'postal', 'virtual']);
export const addressType = pgEnum('address_type', ['physical', 'postal', 'virtual']);
export const scheduleFreq = pgEnum('schedule_freq', ['WEEKLY', 'MONTHLY']);
export const attendingType = pgEnum('attending_type', ['in_person', 'online', 'phone', 'hybrid']);

/** Labels of a term in every UI language. */
export type Labels = { hu: string; cs: string; tr: string; en: string };

export const organization = pgTable(
  'organization',
  {
    id: id(),
    name: text('name').notNull(),
    alternateName: text('alternate_name'),
    description: text('description').notNull(),
    email: text('email'),
    website: text('website'),
    taxStatus: text('tax_status'),
    taxId: text('tax_id'),
    yearIncorporated: integer('year_incorporated'),
    legalStatus: text('legal_status'),
    logo: text('logo'),
    uri: text('uri'),
    parentOrganizationId: uuid('parent_organization_id'),
    ...verifiable,
    ...editable,
  },
  (t) => [index('organization_name_idx').on(t.name)],
);

export const service = pgTable(
  'service',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    alternateName: text('alternate_name'),
    description: text('description'),
    url: text('url'),
    email: text('email'),
    status: serviceStatus('status').notNull().default('active'),
    interpretationServices: text('interpretation_services'),
    applicationProcess: text('application_process'),
    feesDescription: text('fees_description'),
    waitTime: text('wait_time'),
    accreditations: text('accreditations'),
    /** HSDS 3.0 keeps the deprecated free-text `fees` beside cost options; imported files use it. */
    fees: text('fees'),
    licenses: text('licenses'),
    programId: uuid('program_id'),
    eligibilityDescription: text('eligibility_description'),
    minimumAge: integer('minimum_age'),
    maximumAge: integer('maximum_age'),
    assuredDate: date('assured_date'),
    assurerEmail: text('assurer_email'),
    alert: text('alert'),
    ...verifiable,
    ...editable,
  },
  (t) => [index('service_organization_idx').on(t.organizationId), index('service_status_idx').on(t.status)],
);

export const location = pgTable(
  'location',
  {
    id: id(),
    locationType: locationType('location_type').notNull().default('physical'),
    url: text('url'),
    organizationId: uuid('organization_id').references(() => organization.id, { onDelete: 'cascade' }),
    name: text('name'),
    alternateName: text('alternate_name'),
    description: text('description'),
    transportation: text('transportation'),
    latitude: numeric('latitude', { mode: 'number' }),
    longitude: numeric('longitude', { mode: 'number' }),
    externalIdentifier: text('external_identifier'),
    externalIdentifierType: text('external_identifier_type'),
    /** PostGIS point of latitude/longitude, kept in step by a trigger. Exact: never sent to a client. */
    geom: point('geom'),
    /**
     * CareMap: a shelter or similar place whose address must never be published. Every public door
     * then leaves out its addresses and exact coordinates and shows `public_geom` instead.
     */
    addressHidden: boolean('address_hidden').notNull().default(false),
    /**
     * The point the public sees, kept by a trigger: `geom` itself, or for a hidden address a point
     * 1.2-2 km away in a direction derived from the id (stable across requests, not random).
     */
    publicGeom: point('public_geom'),
    ...verifiable,
    ...editable,
  },
  (t) => [index('location_organization_idx').on(t.organizationId)],
);

export const serviceAtLocation = pgTable(
  'service_at_location',
  {
    id: id(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => service.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => location.id, { onDelete: 'cascade' }),
    description: text('description'),
    ...editable,
  },
  (t) => [
    unique('service_at_location_pair_uq').on(t.serviceId, t.locationId),
    index('service_at_location_location_idx').on(t.locationId),
  ],
);

export const address = pgTable(
  'address',
  {
    id: id(),
    locationId: uuid('location_id').references(() => location.id, { onDelete: 'cascade' }),
    attention: text('attention'),
    address1: text('address_1').notNull(),
    address2: text('address_2'),
    city: text('city').notNull(),
    region: text('region'),
    stateProvince: text('state_province').notNull(),
    postalCode: text('postal_code').notNull(),
    country: text('country').notNull(),
    addressType: addressType('address_type').notNull().default('physical'),
    ...editable,
  },
  (t) => [index('address_location_idx').on(t.locationId)],
);

export const phone = pgTable(
  'phone',
  {
    id: id(),
    locationId: uuid('location_id').references(() => location.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id').references(() => service.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id').references(() => organization.id, { onDelete: 'cascade' }),
    serviceAtLocationId: uuid('service_at_location_id').references(() => serviceAtLocation.id, {
      onDelete: 'cascade',
    }),
    contactId: uuid('contact_id'),
    number: text('number').notNull(),
    extension: text('extension'),
    type: text('type'),
    description: text('description'),
    ...editable,
  },
  (t) => [index('phone_service_idx').on(t.serviceId), index('phone_organization_idx').on(t.organizationId)],
);

export const schedule = pgTable(
  'schedule',
  {
    id: id(),
    serviceId: uuid('service_id').references(() => service.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id').references(() => location.id, { onDelete: 'cascade' }),
    serviceAtLocationId: uuid('service_at_location_id').references(() => serviceAtLocation.id, {
      onDelete: 'cascade',
    }),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    dtstart: date('dtstart'),
    timezone: text('timezone'),
    until: date('until'),
    count: integer('count'),
    wkst: text('wkst'),
    freq: scheduleFreq('freq'),
    interval: integer('interval'),
    byday: text('byday'),
    byweekno: text('byweekno'),
    bymonthday: text('bymonthday'),
    byyearday: text('byyearday'),
    description: text('description'),
    opensAt: time('opens_at'),
    closesAt: time('closes_at'),
    scheduleLink: text('schedule_link'),
    attendingType: attendingType('attending_type'),
    notes: text('notes'),
    ...editable,
  },
  (t) => [index('schedule_service_idx').on(t.serviceId), index('schedule_sal_idx').on(t.serviceAtLocationId)],
);

export const language = pgTable(
  'language',
  {
    id: id(),
    serviceId: uuid('service_id').references(() => service.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id').references(() => location.id, { onDelete: 'cascade' }),
    phoneId: uuid('phone_id').references(() => phone.id, { onDelete: 'cascade' }),
    name: text('name'),
    /** ISO 639 code: hu, cs, tr, en, de, sk, uk, rom (Romani)... */
    code: text('code'),
    note: text('note'),
    ...editable,
  },
  (t) => [index('language_service_idx').on(t.serviceId), index('language_code_idx').on(t.code)],
);

export const accessibility = pgTable(
  'accessibility',
  {
    id: id(),
    locationId: uuid('location_id').references(() => location.id, { onDelete: 'cascade' }),
    description: text('description'),
    details: text('details'),
    url: text('url'),
    ...editable,
  },
  (t) => [index('accessibility_location_idx').on(t.locationId)],
);

export const taxonomy = pgTable('taxonomy', {
  id: id(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  uri: text('uri'),
  version: text('version'),
  ...timestamps,
  // HSDS taxonomy has its own `version` field, so its optimistic-lock counter is `row_version`.
  rowVersion: integer('row_version').notNull().default(1),
});

export const taxonomyTerm = pgTable(
  'taxonomy_term',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    parentId: uuid('parent_id'),
    taxonomy: text('taxonomy'),
    language: text('language'),
    taxonomyId: uuid('taxonomy_id').references(() => taxonomy.id, { onDelete: 'cascade' }),
    termUri: text('term_uri'),
    /** CareMap: the term's name in every UI language (hu, cs, tr, en). */
    labels: jsonb('labels').$type<Labels>().notNull(),
    ...editable,
  },
  (t) => [
    unique('taxonomy_term_code_uq').on(t.taxonomyId, t.code),
    index('taxonomy_term_parent_idx').on(t.parentId),
  ],
);

/** HSDS attribute: links any entity (here: services) to a taxonomy term. */
export const attribute = pgTable(
  'attribute',
  {
    id: id(),
    linkId: uuid('link_id').notNull(),
    taxonomyTermId: uuid('taxonomy_term_id')
      .notNull()
      .references(() => taxonomyTerm.id, { onDelete: 'cascade' }),
    linkType: text('link_type'),
    linkEntity: text('link_entity').notNull(),
    value: text('value'),
    label: text('label'),
    ...editable,
  },
  (t) => [
    index('attribute_link_idx').on(t.linkEntity, t.linkId),
    index('attribute_term_idx').on(t.taxonomyTermId),
    unique('attribute_link_term_uq').on(t.linkEntity, t.linkId, t.taxonomyTermId),
  ],
);

export const serviceArea = pgTable(
  'service_area',
  {
    id: id(),
    serviceId: uuid('service_id').references(() => service.id, { onDelete: 'cascade' }),
    serviceAtLocationId: uuid('service_at_location_id').references(() => serviceAtLocation.id, {
      onDelete: 'cascade',
    }),
    name: text('name'),
    description: text('description'),
    extent: text('extent'),
    extentType: text('extent_type'),
    uri: text('uri'),
    /** CareMap: the area as a PostGIS multipolygon, when known. */
    geom: multiPolygon('geom'),
    ...editable,
  },
  (t) => [index('service_area_service_idx').on(t.serviceId)],
);

export const costOption = pgTable(
  'cost_option',
  {
    id: id(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => service.id, { onDelete: 'cascade' }),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    option: text('option'),
    currency: text('currency'),
    amount: numeric('amount', { mode: 'number' }),
    amountDescription: text('amount_description'),
    /** CareMap: whether the option is free of charge, for filtering. */
    free: boolean('free').notNull().default(false),
    ...editable,
  },
  (t) => [index('cost_option_service_idx').on(t.serviceId)],
);
