// One row -> one HSDS 3.0 object, one-to-one fields only (the nested lists are added by project.ts).
// Field names are the HSDS ones; absent values are left out, never `null`.
import { clockTime, compact, dateTime, type HsdsObject, phoneExtension, utcOffsetHours } from './format';
import type {
  AccessibilityRow,
  AddressRow,
  ContactRow,
  CostOptionRow,
  FundingRow,
  LanguageRow,
  MetadataRow,
  OrganizationIdentifierRow,
  OrganizationRow,
  PhoneRow,
  ProgramRow,
  PublicLocationRow,
  RequiredDocumentRow,
  ScheduleRow,
  ServiceAreaRow,
  ServiceAtLocationRow,
  ServiceRow,
  TaxonomyRow,
  TaxonomyTermRow,
} from './load';

export const organizationObject = (o: OrganizationRow): HsdsObject =>
  compact({
    id: o.id,
    name: o.name,
    alternate_name: o.alternateName,
    description: o.description,
    email: o.email,
    website: o.website,
    tax_status: o.taxStatus,
    tax_id: o.taxId,
    year_incorporated: o.yearIncorporated,
    legal_status: o.legalStatus,
    logo: o.logo,
    uri: o.uri,
    parent_organization_id: o.parentOrganizationId,
  });

export const serviceObject = (v: ServiceRow): HsdsObject =>
  compact({
    id: v.id,
    organization_id: v.organizationId,
    program_id: v.programId,
    name: v.name,
    alternate_name: v.alternateName,
    description: v.description,
    url: v.url,
    email: v.email,
    status: v.status,
    interpretation_services: v.interpretationServices,
    application_process: v.applicationProcess,
    fees_description: v.feesDescription,
    wait_time: v.waitTime,
    fees: v.fees,
    accreditations: v.accreditations,
    eligibility_description: v.eligibilityDescription,
    minimum_age: v.minimumAge,
    maximum_age: v.maximumAge,
    assured_date: v.assuredDate,
    assurer_email: v.assurerEmail,
    licenses: v.licenses,
    alert: v.alert,
    last_modified: dateTime(v.updatedAt),
  });

export const programObject = (p: ProgramRow): HsdsObject =>
  compact({
    id: p.id,
    organization_id: p.organizationId,
    name: p.name,
    alternate_name: p.alternateName,
    description: p.description,
  });

export const phoneObject = (p: PhoneRow): HsdsObject =>
  compact({
    id: p.id,
    location_id: p.locationId,
    service_id: p.serviceId,
    organization_id: p.organizationId,
    contact_id: p.contactId,
    service_at_location_id: p.serviceAtLocationId,
    number: p.number,
    extension: phoneExtension(p.extension),
    type: p.type,
    description: p.description,
  });

export const scheduleObject = (r: ScheduleRow, at: Date): HsdsObject =>
  compact({
    id: r.id,
    service_id: r.serviceId,
    location_id: r.locationId,
    service_at_location_id: r.serviceAtLocationId,
    valid_from: r.validFrom,
    valid_to: r.validTo,
    dtstart: r.dtstart,
    timezone: utcOffsetHours(r.timezone, at),
    // CareMap extension: the IANA zone itself, which survives summer time and a round trip.
    x_caremap_timezone: r.timezone && utcOffsetHours(r.timezone, at) !== undefined ? r.timezone : undefined,
    until: r.until,
    count: r.count,
    wkst: r.wkst,
    freq: r.freq,
    interval: r.interval,
    byday: r.byday,
    byweekno: r.byweekno,
    bymonthday: r.bymonthday,
    byyearday: r.byyearday,
    description: r.description,
    opens_at: clockTime(r.opensAt),
    closes_at: clockTime(r.closesAt),
    schedule_link: r.scheduleLink,
    attending_type: r.attendingType,
    notes: r.notes,
  });

export const serviceAreaObject = (a: ServiceAreaRow): HsdsObject =>
  compact({
    id: a.id,
    service_id: a.serviceId,
    name: a.name,
    description: a.description,
    extent: a.extent,
    extent_type: a.extentType,
    uri: a.uri,
  });

export const languageObject = (g: LanguageRow): HsdsObject =>
  compact({
    id: g.id,
    service_id: g.serviceId,
    location_id: g.locationId,
    phone_id: g.phoneId,
    name: g.name,
    code: g.code,
    note: g.note,
  });

export const fundingObject = (f: FundingRow): HsdsObject =>
  compact({ id: f.id, organization_id: f.organizationId, service_id: f.serviceId, source: f.source });

export const costOptionObject = (c: CostOptionRow): HsdsObject =>
  compact({
    id: c.id,
    service_id: c.serviceId,
    valid_from: c.validFrom,
    valid_to: c.validTo,
    option: c.option,
    currency: c.currency,
    amount: c.amount == null ? undefined : Number(c.amount),
    amount_description: c.amountDescription,
  });

export const requiredDocumentObject = (d: RequiredDocumentRow): HsdsObject =>
  compact({ id: d.id, service_id: d.serviceId, document: d.document, uri: d.uri });

export const contactObject = (c: ContactRow): HsdsObject =>
  compact({
    id: c.id,
    organization_id: c.organizationId,
    service_id: c.serviceId,
    service_at_location_id: c.serviceAtLocationId,
    location_id: c.locationId,
    name: c.name,
    title: c.title,
    department: c.department,
    email: c.email,
  });

export const serviceAtLocationObject = (r: ServiceAtLocationRow): HsdsObject =>
  compact({ id: r.id, service_id: r.serviceId, location_id: r.locationId, description: r.description });

/**
 * A location for the public. Coordinates come from `public_geom` only. For a hidden address the
 * fields that could lead someone to the door (transportation directions, external identifiers such
 * as a cadastral number, the location's own URL) are left out too; its addresses are dropped by
 * the caller. Name, description, phones, contacts and schedules stay: they are the contact route.
 */
export function locationObject(r: PublicLocationRow): HsdsObject {
  const hidden = r.addressHidden;
  return compact({
    id: r.id,
    location_type: r.locationType,
    url: hidden ? undefined : r.url,
    organization_id: r.organizationId,
    name: r.name,
    alternate_name: r.alternateName,
    description: r.description,
    transportation: hidden ? undefined : r.transportation,
    latitude: r.publicLat,
    longitude: r.publicLng,
    external_identifier: hidden ? undefined : r.externalIdentifier,
    external_identifier_type: hidden ? undefined : r.externalIdentifierType,
  });
}

export const addressObject = (a: AddressRow): HsdsObject =>
  compact({
    id: a.id,
    location_id: a.locationId,
    attention: a.attention,
    address_1: a.address1,
    address_2: a.address2,
    city: a.city,
    region: a.region,
    state_province: a.stateProvince,
    postal_code: a.postalCode,
    country: a.country,
    address_type: a.addressType,
  });

/** Accessibility of a hidden place keeps its description; `details` and `url` may locate the door. */
export const accessibilityObject = (a: AccessibilityRow, hidden: boolean): HsdsObject =>
  compact({
    id: a.id,
    location_id: a.locationId,
    description: a.description,
    details: hidden ? undefined : a.details,
    url: hidden ? undefined : a.url,
  });

export const organizationIdentifierObject = (i: OrganizationIdentifierRow): HsdsObject =>
  compact({
    id: i.id,
    organization_id: i.organizationId,
    identifier_scheme: i.identifierScheme,
    identifier_type: i.identifierType,
    identifier: i.identifier,
  });

export const metadataObject = (m: MetadataRow): HsdsObject =>
  compact({
    id: m.id,
    resource_id: m.resourceId,
    resource_type: m.resourceType,
    last_action_date: dateTime(m.lastActionDate),
    last_action_type: m.lastActionType,
    field_name: m.fieldName,
    previous_value: m.previousValue,
    replacement_value: m.replacementValue,
    updated_by: m.updatedBy,
  });

export const taxonomyObject = (t: TaxonomyRow): HsdsObject =>
  compact({ id: t.id, name: t.name, description: t.description, uri: t.uri, version: t.version });

export const taxonomyTermObject = (t: TaxonomyTermRow, taxonomy?: TaxonomyRow): HsdsObject =>
  compact({
    id: t.id,
    code: t.code,
    name: t.name,
    description: t.description,
    parent_id: t.parentId,
    taxonomy: t.taxonomy ?? taxonomy?.name,
    taxonomy_detail: taxonomy ? taxonomyObject(taxonomy) : undefined,
    language: t.language,
    taxonomy_id: t.taxonomyId,
    term_uri: t.termUri,
  });
