// Batch loading for the HSDS projection: every child table is read once per page of ids
// (`where fk in (...)`, chunked), never once per row, so a page of 100 services costs the same
// ~20 queries as a page of one.
import { type Database, schema } from '@caremap/db';
import { type AnyColumn, asc, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const unique = (ids: Iterable<string | null | undefined>): string[] => [
  ...new Set([...ids].filter((v): v is string => typeof v === 'string')),
];

/** Rows of `table` whose `column` is one of `ids`, in id order. */
async function rowsWhereIn<T>(
  db: Database,
  table: PgTable & { id: AnyColumn },
  column: AnyColumn,
  ids: Iterable<string | null | undefined>,
): Promise<T[]> {
  const list = unique(ids);
  const out: T[] = [];
  for (const part of chunks(list)) {
    const rows = await db
      .select()
      .from(table as PgTable)
      .where(inArray(column, part))
      .orderBy(asc(table.id));
    out.push(...(rows as T[]));
  }
  return out;
}

/** Groups rows by a key; rows whose key is null are dropped. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string | null | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (!k) continue;
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

export type ServiceRow = typeof schema.service.$inferSelect;
export type OrganizationRow = typeof schema.organization.$inferSelect;
export type ProgramRow = typeof schema.program.$inferSelect;
export type PhoneRow = typeof schema.phone.$inferSelect;
export type ScheduleRow = typeof schema.schedule.$inferSelect;
export type ServiceAreaRow = typeof schema.serviceArea.$inferSelect;
export type LanguageRow = typeof schema.language.$inferSelect;
export type FundingRow = typeof schema.funding.$inferSelect;
export type CostOptionRow = typeof schema.costOption.$inferSelect;
export type RequiredDocumentRow = typeof schema.requiredDocument.$inferSelect;
export type ContactRow = typeof schema.contact.$inferSelect;
export type ServiceAtLocationRow = typeof schema.serviceAtLocation.$inferSelect;
export type AddressRow = typeof schema.address.$inferSelect;
export type AccessibilityRow = typeof schema.accessibility.$inferSelect;
export type OrganizationIdentifierRow = typeof schema.organizationIdentifier.$inferSelect;
export type MetadataRow = typeof schema.metadata.$inferSelect;
export type TaxonomyRow = typeof schema.taxonomy.$inferSelect;
export type TaxonomyTermRow = typeof schema.taxonomyTerm.$inferSelect;
export type AttributeRow = typeof schema.attribute.$inferSelect;

/**
 * A location as every public door may see it: no `latitude`/`longitude`/`geom` columns at all, only
 * the point of `public_geom` (the exact one, or for a hidden address the one 1.2-2 km off).
 */
export interface PublicLocationRow {
  id: string;
  locationType: 'physical' | 'postal' | 'virtual';
  url: string | null;
  organizationId: string | null;
  name: string | null;
  alternateName: string | null;
  description: string | null;
  transportation: string | null;
  externalIdentifier: string | null;
  externalIdentifierType: string | null;
  addressHidden: boolean;
  publicLat: number | null;
  publicLng: number | null;
  updatedAt: Date;
}

const l = schema.location;
const publicLocationColumns = {
  id: l.id,
  locationType: l.locationType,
  url: l.url,
  organizationId: l.organizationId,
  name: l.name,
  alternateName: l.alternateName,
  description: l.description,
  transportation: l.transportation,
  externalIdentifier: l.externalIdentifier,
  externalIdentifierType: l.externalIdentifierType,
  addressHidden: l.addressHidden,
  publicLat: sql<number | null>`ST_Y(${l.publicGeom})`,
  publicLng: sql<number | null>`ST_X(${l.publicGeom})`,
  updatedAt: l.updatedAt,
};

async function publicLocations(db: Database, where: (ids: string[]) => SQL, ids: Iterable<string | null>) {
  const out: PublicLocationRow[] = [];
  for (const part of chunks(unique(ids))) {
    const rows = await db.select(publicLocationColumns).from(l).where(where(part)).orderBy(asc(l.id));
    for (const row of rows) {
      out.push({
        ...row,
        publicLat: row.publicLat == null ? null : Number(row.publicLat),
        publicLng: row.publicLng == null ? null : Number(row.publicLng),
      });
    }
  }
  return out;
}

export const loadLocationsById = (db: Database, ids: Iterable<string | null>) =>
  publicLocations(db, (part) => inArray(l.id, part), ids);
export const loadLocationsByOrganization = (db: Database, ids: Iterable<string | null>) =>
  publicLocations(db, (part) => inArray(l.organizationId, part), ids);

const s = schema;
export const load = {
  services: (db: Database, ids: Iterable<string | null>) =>
    rowsWhereIn<ServiceRow>(db, s.service, s.service.id, ids),
  servicesByOrganization: (db: Database, ids: Iterable<string | null>) =>
    rowsWhereIn<ServiceRow>(db, s.service, s.service.organizationId, ids),
  organizations: (db: Database, ids: Iterable<string | null>) =>
    rowsWhereIn<OrganizationRow>(db, s.organization, s.organization.id, ids),
  programs: (db: Database, ids: Iterable<string | null>) =>
    rowsWhereIn<ProgramRow>(db, s.program, s.program.id, ids),
  programsByOrganization: (db: Database, ids: Iterable<string | null>) =>
    rowsWhereIn<ProgramRow>(db, s.program, s.program.organizationId, ids),
  phonesBy: (
    db: Database,
    column: 'serviceId' | 'locationId' | 'organizationId' | 'serviceAtLocationId' | 'contactId',
    ids: Iterable<string | null>,
  ) => rowsWhereIn<PhoneRow>(db, s.phone, s.phone[column], ids),
  schedulesBy: (
    db: Database,
    column: 'serviceId' | 'locationId' | 'serviceAtLocationId',
    ids: Iterable<string | null>,
  ) => rowsWhereIn<ScheduleRow>(db, s.schedule, s.schedule[column], ids),
  languagesBy: (db: Database, column: 'serviceId' | 'locationId' | 'phoneId', ids: Iterable<string | null>) =>
    rowsWhereIn<LanguageRow>(db, s.language, s.language[column], ids),
  contactsBy: (
    db: Database,
    column: 'serviceId' | 'locationId' | 'organizationId' | 'serviceAtLocationId',
    ids: Iterable<string | null>,
  ) => rowsWhereIn<ContactRow>(db, s.contact, s.contact[column], ids),
  fundingBy: (db: Database, column: 'serviceId' | 'organizationId', ids: Iterable<string | null>) =>
    rowsWhereIn<FundingRow>(db, s.funding, s.funding[column], ids),
  serviceAreas: (db: Database, ids: Iterable<string | null>) =>
    rowsWhereIn<ServiceAreaRow>(db, s.serviceArea, s.serviceArea.serviceId, ids),
  costOptions: (db: Database, ids: Iterable<string | null>) =>
    rowsWhereIn<CostOptionRow>(db, s.costOption, s.costOption.serviceId, ids),
  requiredDocuments: (db: Database, ids: Iterable<string | null>) =>
    rowsWhereIn<RequiredDocumentRow>(db, s.requiredDocument, s.requiredDocument.serviceId, ids),
  serviceAtLocationsByService: (db: Database, ids: Iterable<string | null>) =>
    rowsWhereIn<ServiceAtLocationRow>(db, s.serviceAtLocation, s.serviceAtLocation.serviceId, ids),
  serviceAtLocations: (db: Database, ids: Iterable<string | null>) =>
    rowsWhereIn<ServiceAtLocationRow>(db, s.serviceAtLocation, s.serviceAtLocation.id, ids),
  addresses: (db: Database, ids: Iterable<string | null>) =>
    rowsWhereIn<AddressRow>(db, s.address, s.address.locationId, ids),
  accessibility: (db: Database, ids: Iterable<string | null>) =>
    rowsWhereIn<AccessibilityRow>(db, s.accessibility, s.accessibility.locationId, ids),
  organizationIdentifiers: (db: Database, ids: Iterable<string | null>) =>
    rowsWhereIn<OrganizationIdentifierRow>(
      db,
      s.organizationIdentifier,
      s.organizationIdentifier.organizationId,
      ids,
    ),
  metadata: (db: Database, ids: Iterable<string | null>) =>
    rowsWhereIn<MetadataRow>(db, s.metadata, s.metadata.resourceId, ids),
  attributes: (db: Database, ids: Iterable<string | null>) =>
    rowsWhereIn<AttributeRow>(db, s.attribute, s.attribute.linkId, ids),
  taxonomyTerms: (db: Database, ids: Iterable<string | null>) =>
    rowsWhereIn<TaxonomyTermRow>(db, s.taxonomyTerm, s.taxonomyTerm.id, ids),
  taxonomies: (db: Database, ids: Iterable<string | null>) =>
    rowsWhereIn<TaxonomyRow>(db, s.taxonomy, s.taxonomy.id, ids),
};
