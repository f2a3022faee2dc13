// Takes nested (compiled) HSDS 3.0 objects apart into flat rows, one per table, filling in the link
// each child row has to its parent (a service's phones get `service_id`, an attribute gets
// `link_id` and `link_entity`, ...). Fields HSDS 3.0 does not define are noted as unmapped.
import { type HsdsTable, hsdsRecordSchemas } from '@caremap/validators';
import { noteUnmapped, type RawRecord, type ReadNotes } from './types';

type Child = { table: HsdsTable; link?: string };
/** Nested arrays (and single objects) each kind may carry, and the field that links them back. */
const children: Partial<Record<HsdsTable, Record<string, Child>>> = {
  organization: {
    funding: { table: 'funding', link: 'organization_id' },
    contacts: { table: 'contact', link: 'organization_id' },
    phones: { table: 'phone', link: 'organization_id' },
    locations: { table: 'location', link: 'organization_id' },
    programs: { table: 'program', link: 'organization_id' },
    organization_identifiers: { table: 'organization_identifier', link: 'organization_id' },
    services: { table: 'service', link: 'organization_id' },
    urls: { table: 'url', link: 'organization_id' },
  },
  service: {
    phones: { table: 'phone', link: 'service_id' },
    schedules: { table: 'schedule', link: 'service_id' },
    service_areas: { table: 'service_area', link: 'service_id' },
    service_at_locations: { table: 'service_at_location', link: 'service_id' },
    languages: { table: 'language', link: 'service_id' },
    funding: { table: 'funding', link: 'service_id' },
    cost_options: { table: 'cost_option', link: 'service_id' },
    required_documents: { table: 'required_document', link: 'service_id' },
    contacts: { table: 'contact', link: 'service_id' },
    urls: { table: 'url', link: 'service_id' },
    capacities: { table: 'service_capacity', link: 'service_id' },
  },
  location: {
    languages: { table: 'language', link: 'location_id' },
    addresses: { table: 'address', link: 'location_id' },
    contacts: { table: 'contact', link: 'location_id' },
    accessibility: { table: 'accessibility', link: 'location_id' },
    phones: { table: 'phone', link: 'location_id' },
    schedules: { table: 'schedule', link: 'location_id' },
  },
  service_at_location: {
    contacts: { table: 'contact', link: 'service_at_location_id' },
    phones: { table: 'phone', link: 'service_at_location_id' },
    schedules: { table: 'schedule', link: 'service_at_location_id' },
    service_areas: { table: 'service_area', link: 'service_at_location_id' },
  },
  contact: { phones: { table: 'phone', link: 'contact_id' } },
  phone: { languages: { table: 'language', link: 'phone_id' } },
};

/** Single nested objects the parent refers to by an id field of its own. */
const referenced: Partial<Record<HsdsTable, Record<string, { table: HsdsTable; via: string }>>> = {
  service: {
    organization: { table: 'organization', via: 'organization_id' },
    program: { table: 'program', via: 'program_id' },
  },
  service_at_location: {
    location: { table: 'location', via: 'location_id' },
    service: { table: 'service', via: 'service_id' },
  },
  attribute: { taxonomy_term: { table: 'taxonomy_term', via: 'taxonomy_term_id' } },
  taxonomy_term: { taxonomy_detail: { table: 'taxonomy', via: 'taxonomy_id' } },
  service_capacity: { unit: { table: 'unit', via: 'unit_id' } },
};

const known = new Map<HsdsTable, Set<string>>(
  Object.entries(hsdsRecordSchemas).map(([t, s]) => [t as HsdsTable, new Set(Object.keys(s.shape))]),
);

interface Place {
  file: string;
  index: number;
  rootId: string | undefined;
  notes: ReadNotes | undefined;
  out: RawRecord[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Flattens one object of the given kind (and everything nested in it) into `out`. */
export function flattenObject(
  table: HsdsTable,
  object: unknown,
  where: { file: string; index: number; notes: ReadNotes | undefined },
  out: RawRecord[],
): void {
  const rootId = isObject(object) && typeof object.id === 'string' ? object.id : undefined;
  visit(table, object, {}, '', { ...where, rootId, out });
}

function visit(
  table: HsdsTable,
  object: unknown,
  links: Record<string, unknown>,
  path: string,
  place: Place,
): string | undefined {
  if (!isObject(object)) {
    place.out.push({
      table,
      file: place.file,
      index: place.index,
      data: { __not_an_object: true },
      rootId: place.rootId,
      path,
    });
    return undefined;
  }
  const data: Record<string, unknown> = {};
  const later: Array<() => void> = [];
  const fields = known.get(table)!;
  const prefix = path ? `${path}.` : '';
  for (const [key, value] of Object.entries(object)) {
    // JSON has no "absent"; HSDS forbids nulls, but files in the wild have them: treat as absent.
    if (value === null || value === undefined) continue;
    const child = children[table]?.[key];
    const ref = referenced[table]?.[key];
    const nested: [HsdsTable, Record<string, unknown>] | undefined =
      key === 'attributes'
        ? ['attribute', { link_id: object.id, link_entity: table }]
        : key === 'metadata'
          ? ['metadata', { resource_id: object.id, resource_type: table }]
          : child
            ? [child.table, child.link ? { [child.link]: object.id } : {}]
            : undefined;
    if (nested && Array.isArray(value)) {
      const [childTable, childLinks] = nested;
      value.forEach((item, i) => {
        later.push(() => {
          visit(childTable, item, childLinks, `${prefix}${key}.${i}`, place);
        });
      });
    } else if (ref && isObject(value)) {
      // The referenced object is written before this row (it is a dependency), and gives the id.
      const id = visit(ref.table, value, {}, `${prefix}${key}`, place);
      if (id !== undefined && data[ref.via] === undefined && object[ref.via] === undefined)
        data[ref.via] = id;
    } else if (fields.has(key)) {
      data[key] = value;
    } else {
      noteUnmapped(place.notes, place.file, `${table}.${key}`);
    }
  }
  // Links from the parent fill in what the object itself leaves out; an explicit value wins.
  for (const [key, value] of Object.entries(links)) if (data[key] === undefined) data[key] = value;
  place.out.push({ table, file: place.file, index: place.index, data, rootId: place.rootId, path });
  for (const run of later) run();
  return typeof data.id === 'string' ? data.id : undefined;
}
