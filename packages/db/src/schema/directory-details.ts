// The rest of the HSDS model: objects an imported file may carry that the directory screens do not
// show yet (contacts aside). Kept so that an import followed by an export loses nothing.
import { index, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { editable, id, timestamps } from './columns';
import { location, organization, service, serviceAtLocation } from './directory';

/** HSDS contact: a named person or role to contact about an organization, service or location. */
export const contact = pgTable(
  'contact',
  {
    id: id(),
    organizationId: uuid('organization_id').references(() => organization.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id').references(() => service.id, { onDelete: 'cascade' }),
    serviceAtLocationId: uuid('service_at_location_id').references(() => serviceAtLocation.id, {
      onDelete: 'cascade',
    }),
    locationId: uuid('location_id').references(() => location.id, { onDelete: 'cascade' }),
    name: text('name'),
    title: text('title'),
    department: text('department'),
    email: text('email'),
    ...editable,
  },
  (t) => [
    index('contact_service_idx').on(t.serviceId),
    index('contact_organization_idx').on(t.organizationId),
    index('contact_location_idx').on(t.locationId),
  ],
);

/** HSDS program: a group of services an organization runs under one name. */
export const program = pgTable(
  'program',
  {
    id: id(),
    organizationId: uuid('organization_id').references(() => organization.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    alternateName: text('alternate_name'),
    description: text('description').notNull(),
    ...editable,
  },
  (t) => [index('program_organization_idx').on(t.organizationId)],
);

export const funding = pgTable(
  'funding',
  {
    id: id(),
    organizationId: uuid('organization_id').references(() => organization.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id').references(() => service.id, { onDelete: 'cascade' }),
    source: text('source'),
    ...editable,
  },
  (t) => [
    index('funding_service_idx').on(t.serviceId),
    index('funding_organization_idx').on(t.organizationId),
  ],
);

export const requiredDocument = pgTable(
  'required_document',
  {
    id: id(),
    serviceId: uuid('service_id').references(() => service.id, { onDelete: 'cascade' }),
    document: text('document'),
    uri: text('uri'),
    ...editable,
  },
  (t) => [index('required_document_service_idx').on(t.serviceId)],
);

export const organizationIdentifier = pgTable(
  'organization_identifier',
  {
    id: id(),
    organizationId: uuid('organization_id').references(() => organization.id, { onDelete: 'cascade' }),
    identifierScheme: text('identifier_scheme'),
    identifierType: text('identifier_type').notNull(),
    identifier: text('identifier').notNull(),
    ...editable,
  },
  (t) => [index('organization_identifier_organization_idx').on(t.organizationId)],
);

/**
 * HSDS metadata: the change history of any HSDS record, field by field. `last_action_date` is a
 * timestamp here (HSDS writes it as an RFC 3339 date-time string).
 */
export const metadata = pgTable(
  'metadata',
  {
    id: id(),
    resourceId: uuid('resource_id').notNull(),
    resourceType: text('resource_type').notNull(),
    lastActionDate: timestamp('last_action_date', { withTimezone: true }).notNull(),
    lastActionType: text('last_action_type').notNull(),
    fieldName: text('field_name').notNull(),
    previousValue: text('previous_value').notNull(),
    replacementValue: text('replacement_value').notNull(),
    updatedBy: text('updated_by').notNull(),
    ...timestamps,
  },
  (t) => [index('metadata_resource_idx').on(t.resourceType, t.resourceId)],
);

// HSDS 3.1 objects (url, unit, service_capacity). The 3.0 API has no place for them, but files
// written for 3.1 carry them, and an import must not drop data.
export const url = pgTable(
  'url',
  {
    id: id(),
    label: text('label'),
    url: text('url').notNull(),
    organizationId: uuid('organization_id').references(() => organization.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id').references(() => service.id, { onDelete: 'cascade' }),
    ...editable,
  },
  (t) => [index('url_service_idx').on(t.serviceId), index('url_organization_idx').on(t.organizationId)],
);

export const unit = pgTable('unit', {
  id: id(),
  name: text('name').notNull(),
  scheme: text('scheme'),
  identifier: text('identifier'),
  uri: text('uri'),
  ...editable,
});

export const serviceCapacity = pgTable(
  'service_capacity',
  {
    id: id(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => service.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id, { onDelete: 'cascade' }),
    available: numeric('available', { mode: 'number' }).notNull(),
    maximum: numeric('maximum', { mode: 'number' }),
    description: text('description'),
    updated: timestamp('updated', { withTimezone: true }).notNull(),
    ...editable,
  },
  (t) => [index('service_capacity_service_idx').on(t.serviceId)],
);
