// Projection of our rows into the compiled HSDS 3.0 objects the API returns (schema-3.0/compiled).
// Every function takes a page of ids and answers in the same order, loading each child table once
// for the whole page (load.ts). Coordinates come from `location.public_geom` only; a hidden
// address's addresses are never even read.
import type { Database } from '@caremap/db';
import type { HsdsObject } from './format';
import {
  groupBy,
  load,
  loadLocationsById,
  loadLocationsByOrganization,
  type OrganizationRow,
  type PublicLocationRow,
  type ServiceRow,
} from './load';
import {
  accessibilityObject,
  addressObject,
  contactObject,
  costOptionObject,
  fundingObject,
  languageObject,
  locationObject,
  metadataObject,
  organizationIdentifierObject,
  organizationObject,
  phoneObject,
  programObject,
  requiredDocumentObject,
  scheduleObject,
  serviceAreaObject,
  serviceAtLocationObject,
  serviceObject,
  taxonomyObject,
  taxonomyTermObject,
} from './objects';

export interface ProjectOptions {
  /** The moment schedules' UTC offsets are taken at (default: now). */
  at?: Date;
}

/**
 * Collects every object of a projection so that attributes (with their taxonomy term) and metadata
 * are loaded for all of them in two queries, then attached where there are any.
 */
class Decorations {
  private readonly nodes: Array<{ entity: string; object: HsdsObject }> = [];
  track(entity: string, object: HsdsObject): HsdsObject {
    this.nodes.push({ entity, object });
    return object;
  }
  async apply(db: Database) {
    const ids = this.nodes.map((n) => n.object.id as string);
    const [attributes, metadata] = await Promise.all([load.attributes(db, ids), load.metadata(db, ids)]);
    const terms = new Map(
      (
        await load.taxonomyTerms(
          db,
          attributes.map((a) => a.taxonomyTermId),
        )
      ).map((t) => [t.id, t]),
    );
    const taxonomies = new Map(
      (
        await load.taxonomies(
          db,
          [...terms.values()].map((t) => t.taxonomyId),
        )
      ).map((t) => [t.id, t]),
    );
    const attributesOf = groupBy(attributes, (a) => `${a.linkEntity}:${a.linkId}`);
    const metadataOf = groupBy(metadata, (m) => `${m.resourceType}:${m.resourceId}`);
    for (const { entity, object } of this.nodes) {
      const key = `${entity}:${object.id as string}`;
      const attrs = attributesOf.get(key);
      if (attrs) {
        object.attributes = attrs.map((a) => {
          const term = terms.get(a.taxonomyTermId);
          const taxonomy = term?.taxonomyId ? taxonomies.get(term.taxonomyId) : undefined;
          return {
            id: a.id,
            link_id: a.linkId,
            taxonomy_term_id: a.taxonomyTermId,
            ...(a.linkType ? { link_type: a.linkType } : {}),
            link_entity: a.linkEntity,
            ...(a.value ? { value: a.value } : {}),
            ...(term ? { taxonomy_term: taxonomyTermObject(term, taxonomy) } : {}),
          };
        });
      }
      const meta = metadataOf.get(key);
      if (meta) object.metadata = meta.map(metadataObject);
    }
  }
}

const inOrder = <T extends { id: string }>(ids: readonly string[], rows: readonly T[]): T[] => {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
};

async function phones(db: Database, rows: Awaited<ReturnType<typeof load.phonesBy>>, d: Decorations) {
  const languages = groupBy(
    await load.languagesBy(
      db,
      'phoneId',
      rows.map((p) => p.id),
    ),
    (g) => g.phoneId,
  );
  return rows.map((p) => {
    const object = d.track('phone', phoneObject(p));
    const langs = languages.get(p.id);
    if (langs) object.languages = langs.map((g) => d.track('language', languageObject(g)));
    return object;
  });
}

async function contacts(db: Database, rows: Awaited<ReturnType<typeof load.contactsBy>>, d: Decorations) {
  const phoneRows = await load.phonesBy(
    db,
    'contactId',
    rows.map((c) => c.id),
  );
  const phoneObjects = await phones(db, phoneRows, d);
  const phonesOf = groupBy(
    phoneRows.map((row, i) => ({ row, object: phoneObjects[i]! })),
    (p) => p.row.contactId,
  );
  return rows.map((c) => {
    const object = d.track('contact', contactObject(c));
    object.phones = (phonesOf.get(c.id) ?? []).map((p) => p.object);
    return object;
  });
}

/** `groupBy` over rows turned into objects by `build` (same order). */
async function grouped<R>(
  rows: R[],
  key: (row: R) => string | null | undefined,
  build: (rows: R[]) => Promise<HsdsObject[]> | HsdsObject[],
): Promise<Map<string, HsdsObject[]>> {
  const objects = await build(rows);
  const map = new Map<string, HsdsObject[]>();
  rows.forEach((row, i) => {
    const k = key(row);
    if (!k) return;
    const list = map.get(k);
    if (list) list.push(objects[i]!);
    else map.set(k, [objects[i]!]);
  });
  return map;
}

/** Fully nested locations. Addresses are loaded for visible locations only. */
async function locations(db: Database, rows: PublicLocationRow[], d: Decorations, at: Date) {
  const ids = rows.map((r) => r.id);
  const visible = rows.filter((r) => !r.addressHidden).map((r) => r.id);
  const hidden = new Set(rows.filter((r) => r.addressHidden).map((r) => r.id));
  const [addresses, phoneMap, schedules, languages, accessibility, contactMap] = await Promise.all([
    load.addresses(db, visible),
    load.phonesBy(db, 'locationId', ids).then((r) =>
      grouped(
        r,
        (p) => p.locationId,
        (x) => phones(db, x, d),
      ),
    ),
    load.schedulesBy(db, 'locationId', ids),
    load.languagesBy(db, 'locationId', ids),
    load.accessibility(db, ids),
    load.contactsBy(db, 'locationId', ids).then((r) =>
      grouped(
        r,
        (c) => c.locationId,
        (x) => contacts(db, x, d),
      ),
    ),
  ]);
  const addressesOf = groupBy(addresses, (a) => a.locationId);
  const schedulesOf = groupBy(schedules, (r) => r.locationId);
  const languagesOf = groupBy(languages, (g) => g.locationId);
  const accessibilityOf = groupBy(accessibility, (a) => a.locationId);
  return new Map(
    rows.map((r) => {
      const object = d.track('location', locationObject(r));
      object.languages = (languagesOf.get(r.id) ?? []).map((g) => d.track('language', languageObject(g)));
      object.addresses = hidden.has(r.id)
        ? []
        : (addressesOf.get(r.id) ?? []).map((a) => d.track('address', addressObject(a)));
      object.contacts = contactMap.get(r.id) ?? [];
      object.accessibility = (accessibilityOf.get(r.id) ?? []).map((a) =>
        d.track('accessibility', accessibilityObject(a, hidden.has(r.id))),
      );
      object.phones = phoneMap.get(r.id) ?? [];
      object.schedules = (schedulesOf.get(r.id) ?? []).map((s) => d.track('schedule', scheduleObject(s, at)));
      return [r.id, object] as const;
    }),
  );
}

/** The service_at_location objects of `rows`, each with its location fully nested. */
async function serviceAtLocations(
  db: Database,
  rows: Awaited<ReturnType<typeof load.serviceAtLocations>>,
  d: Decorations,
  at: Date,
) {
  const ids = rows.map((r) => r.id);
  const [locationMap, phoneMap, schedules, contactMap] = await Promise.all([
    loadLocationsById(
      db,
      rows.map((r) => r.locationId),
    ).then((r) => locations(db, r, d, at)),
    load.phonesBy(db, 'serviceAtLocationId', ids).then((r) =>
      grouped(
        r,
        (p) => p.serviceAtLocationId,
        (x) => phones(db, x, d),
      ),
    ),
    load.schedulesBy(db, 'serviceAtLocationId', ids),
    load.contactsBy(db, 'serviceAtLocationId', ids).then((r) =>
      grouped(
        r,
        (c) => c.serviceAtLocationId,
        (x) => contacts(db, x, d),
      ),
    ),
  ]);
  const schedulesOf = groupBy(schedules, (r) => r.serviceAtLocationId);
  return rows.map((r) => {
    const object = d.track('service_at_location', serviceAtLocationObject(r));
    object.contacts = contactMap.get(r.id) ?? [];
    object.phones = phoneMap.get(r.id) ?? [];
    object.schedules = (schedulesOf.get(r.id) ?? []).map((s) => d.track('schedule', scheduleObject(s, at)));
    const location = locationMap.get(r.locationId);
    if (location) object.location = location;
    return object;
  });
}

/** Fully nested services (compiled/service.json) for rows already loaded. */
async function fullServices(db: Database, rows: ServiceRow[], d: Decorations, at: Date) {
  const ids = rows.map((r) => r.id);
  const [
    organizations,
    programs,
    phoneMap,
    schedules,
    areas,
    languages,
    funding,
    costs,
    documents,
    contactMap,
    sals,
  ] = await Promise.all([
    load.organizations(
      db,
      rows.map((r) => r.organizationId),
    ),
    load.programs(
      db,
      rows.map((r) => r.programId),
    ),
    load.phonesBy(db, 'serviceId', ids).then((r) =>
      grouped(
        r,
        (p) => p.serviceId,
        (x) => phones(db, x, d),
      ),
    ),
    load.schedulesBy(db, 'serviceId', ids),
    load.serviceAreas(db, ids),
    load.languagesBy(db, 'serviceId', ids),
    load.fundingBy(db, 'serviceId', ids),
    load.costOptions(db, ids),
    load.requiredDocuments(db, ids),
    load.contactsBy(db, 'serviceId', ids).then((r) =>
      grouped(
        r,
        (c) => c.serviceId,
        (x) => contacts(db, x, d),
      ),
    ),
    load.serviceAtLocationsByService(db, ids).then((r) =>
      grouped(
        r,
        (s) => s.serviceId,
        (x) => serviceAtLocations(db, x, d, at),
      ),
    ),
  ]);
  const organizationOf = new Map(organizations.map((o) => [o.id, o]));
  const programOf = new Map(programs.map((p) => [p.id, p]));
  const schedulesOf = groupBy(schedules, (r) => r.serviceId);
  const areasOf = groupBy(areas, (a) => a.serviceId);
  const languagesOf = groupBy(languages, (g) => g.serviceId);
  const fundingOf = groupBy(funding, (f) => f.serviceId);
  const costsOf = groupBy(costs, (c) => c.serviceId);
  const documentsOf = groupBy(documents, (r) => r.serviceId);
  return rows.map((r) => {
    const object = d.track('service', serviceObject(r));
    object.phones = phoneMap.get(r.id) ?? [];
    object.schedules = (schedulesOf.get(r.id) ?? []).map((s) => d.track('schedule', scheduleObject(s, at)));
    object.service_areas = (areasOf.get(r.id) ?? []).map((a) =>
      d.track('service_area', serviceAreaObject(a)),
    );
    object.service_at_locations = sals.get(r.id) ?? [];
    object.languages = (languagesOf.get(r.id) ?? []).map((g) => d.track('language', languageObject(g)));
    const organization = organizationOf.get(r.organizationId);
    if (organization) object.organization = d.track('organization', organizationObject(organization));
    object.funding = (fundingOf.get(r.id) ?? []).map((f) => d.track('funding', fundingObject(f)));
    object.cost_options = (costsOf.get(r.id) ?? []).map((c) => d.track('cost_option', costOptionObject(c)));
    const program = r.programId ? programOf.get(r.programId) : undefined;
    if (program) object.program = d.track('program', programObject(program));
    object.required_documents = (documentsOf.get(r.id) ?? []).map((x) =>
      d.track('required_document', requiredDocumentObject(x)),
    );
    object.contacts = contactMap.get(r.id) ?? [];
    return object;
  });
}

/** compiled/service.json for each id, in the order given (unknown ids are skipped). */
export async function projectServices(db: Database, ids: readonly string[], options: ProjectOptions = {}) {
  const d = new Decorations();
  const rows = inOrder(ids, await load.services(db, ids));
  const out = await fullServices(db, rows, d, options.at ?? new Date());
  await d.apply(db);
  return out;
}

/** compiled/service_list.json: one-to-one fields with the organization and program. */
export async function projectServiceList(db: Database, ids: readonly string[]) {
  const rows = inOrder(ids, await load.services(db, ids));
  const [organizations, programs] = await Promise.all([
    load.organizations(
      db,
      rows.map((r) => r.organizationId),
    ),
    load.programs(
      db,
      rows.map((r) => r.programId),
    ),
  ]);
  const organizationOf = new Map(organizations.map((o) => [o.id, o]));
  const programOf = new Map(programs.map((p) => [p.id, p]));
  return rows.map((r) => {
    const object = serviceObject(r);
    const organization = organizationOf.get(r.organizationId);
    if (organization) object.organization = organizationObject(organization);
    const program = r.programId ? programOf.get(r.programId) : undefined;
    if (program) object.program = programObject(program);
    return object;
  });
}

/**
 * `minimal=true`: the spec asks for "just id and modified date", but its service_list schema also
 * requires `name` and `status`, so those two stay; the modified date is `last_modified`.
 */
export async function projectServiceMinimal(db: Database, ids: readonly string[]) {
  const rows = inOrder(ids, await load.services(db, ids));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    last_modified: r.updatedAt.toISOString(),
  }));
}

export interface OrganizationOptions extends ProjectOptions {
  /** Nest each service fully (compiled/service.json) instead of its one-to-one fields. */
  fullService?: boolean;
}

/** compiled/organization.json for each id, with its lists and its services. */
export async function projectOrganizations(
  db: Database,
  ids: readonly string[],
  options: OrganizationOptions = {},
) {
  const at = options.at ?? new Date();
  const d = new Decorations();
  const rows: OrganizationRow[] = inOrder(ids, await load.organizations(db, ids));
  const orgIds = rows.map((r) => r.id);
  const [funding, contactMap, phoneMap, locationRows, programs, identifiers, serviceRows] = await Promise.all(
    [
      load.fundingBy(db, 'organizationId', orgIds),
      load.contactsBy(db, 'organizationId', orgIds).then((r) =>
        grouped(
          r,
          (c) => c.organizationId,
          (x) => contacts(db, x, d),
        ),
      ),
      load.phonesBy(db, 'organizationId', orgIds).then((r) =>
        grouped(
          r,
          (p) => p.organizationId,
          (x) => phones(db, x, d),
        ),
      ),
      loadLocationsByOrganization(db, orgIds),
      load.programsByOrganization(db, orgIds),
      load.organizationIdentifiers(db, orgIds),
      load.servicesByOrganization(db, orgIds),
    ],
  );
  const locationMap = await locations(db, locationRows, d, at);
  serviceRows.sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1));
  const services = options.fullService
    ? await fullServices(db, serviceRows, d, at)
    : serviceRows.map((r) => serviceObject(r));
  const servicesOf = groupBy(
    serviceRows.map((row, i) => ({ row, object: services[i]! })),
    (s) => s.row.organizationId,
  );
  const fundingOf = groupBy(funding, (f) => f.organizationId);
  const locationsOf = groupBy(locationRows, (r) => r.organizationId);
  const programsOf = groupBy(programs, (p) => p.organizationId);
  const identifiersOf = groupBy(identifiers, (i) => i.organizationId);
  const out = rows.map((r) => {
    const object = d.track('organization', organizationObject(r));
    object.funding = (fundingOf.get(r.id) ?? []).map((f) => d.track('funding', fundingObject(f)));
    object.contacts = contactMap.get(r.id) ?? [];
    object.phones = phoneMap.get(r.id) ?? [];
    object.locations = (locationsOf.get(r.id) ?? []).map((l) => locationMap.get(l.id)!);
    object.programs = (programsOf.get(r.id) ?? []).map((p) => d.track('program', programObject(p)));
    object.organization_identifiers = (identifiersOf.get(r.id) ?? []).map((i) =>
      d.track('organization_identifier', organizationIdentifierObject(i)),
    );
    object.services = (servicesOf.get(r.id) ?? []).map((s) => s.object);
    return object;
  });
  await d.apply(db);
  return out;
}

/** compiled/organization_list.json: one-to-one fields. */
export async function projectOrganizationList(db: Database, ids: readonly string[]) {
  return inOrder(ids, await load.organizations(db, ids)).map(organizationObject);
}

/** compiled/service_at_location.json: with its location and its service fully nested. */
export async function projectServiceAtLocations(
  db: Database,
  ids: readonly string[],
  options: ProjectOptions = {},
) {
  const at = options.at ?? new Date();
  const d = new Decorations();
  const rows = inOrder(ids, await load.serviceAtLocations(db, ids));
  const objects = await serviceAtLocations(db, rows, d, at);
  const serviceRows = await load.services(
    db,
    rows.map((r) => r.serviceId),
  );
  const services = new Map(
    (await fullServices(db, serviceRows, d, at)).map((s) => [s.id as string, s] as const),
  );
  objects.forEach((object, i) => {
    const service = services.get(rows[i]!.serviceId);
    if (service) object.service = service;
  });
  await d.apply(db);
  return objects;
}

/** compiled/service_at_location_list.json: one-to-one fields, the location's and the service's. */
export async function projectServiceAtLocationList(db: Database, ids: readonly string[]) {
  const rows = inOrder(ids, await load.serviceAtLocations(db, ids));
  const [locationRows, services] = await Promise.all([
    loadLocationsById(
      db,
      rows.map((r) => r.locationId),
    ),
    projectServiceList(db, [...new Set(rows.map((r) => r.serviceId))]),
  ]);
  const locationOf = new Map(locationRows.map((r) => [r.id, locationObject(r)]));
  const serviceOf = new Map(services.map((s) => [s.id as string, s]));
  return rows.map((r) => {
    const object = serviceAtLocationObject(r);
    const location = locationOf.get(r.locationId);
    if (location) object.location = location;
    const service = serviceOf.get(r.serviceId);
    if (service) object.service = service;
    return object;
  });
}

export async function projectTaxonomies(db: Database, ids: readonly string[]) {
  const d = new Decorations();
  const out = inOrder(ids, await load.taxonomies(db, ids)).map((t) => d.track('taxonomy', taxonomyObject(t)));
  await d.apply(db);
  return out;
}

export async function projectTaxonomyTerms(db: Database, ids: readonly string[]) {
  const d = new Decorations();
  const terms = inOrder(ids, await load.taxonomyTerms(db, ids));
  const taxonomies = new Map(
    (
      await load.taxonomies(
        db,
        terms.map((t) => t.taxonomyId),
      )
    ).map((t) => [t.id, t]),
  );
  const out = terms.map((t) =>
    d.track('taxonomy_term', taxonomyTermObject(t, t.taxonomyId ? taxonomies.get(t.taxonomyId) : undefined)),
  );
  await d.apply(db);
  return out;
}
