// Which file holds which table, which fields hold references, and how CSV text becomes typed values.
import { type HsdsTable, hsdsRecordSchemas, hsdsTables } from '@caremap/validators';

/** File base names (without .csv/.json) of each table, as HSDS 3.0 datapackages and APIs name them. */
const fileNames: Record<HsdsTable, string[]> = {
  taxonomy: ['taxonomies'],
  taxonomy_term: ['taxonomy_terms'],
  organization: ['organizations'],
  program: ['programs'],
  service: ['services'],
  location: ['locations'],
  service_at_location: ['service_at_location', 'service_at_locations'],
  address: ['addresses'],
  contact: ['contacts'],
  phone: ['phones'],
  schedule: ['schedules'],
  language: ['languages'],
  accessibility: ['accessibility', 'accessibilities'],
  attribute: ['attributes'],
  cost_option: ['cost_options'],
  funding: ['funding', 'fundings'],
  required_document: ['required_documents'],
  service_area: ['service_areas'],
  organization_identifier: ['organization_identifiers'],
  metadata: ['metadata'],
  url: ['urls'],
  unit: ['units'],
  service_capacity: ['service_capacities', 'service_capacity'],
};

export function tableOfFile(base: string): HsdsTable | undefined {
  const name = base.toLowerCase().replace(/\.(csv|json|ndjson|jsonl)$/, '');
  return hsdsTables.find((t) => fileNames[t].includes(name));
}

/** Tables in write order (references first). */
export const writeOrder: readonly HsdsTable[] = hsdsTables;

/** Reference fields: the table they point at. `self` ones point into their own table. */
export const references: Partial<Record<HsdsTable, Record<string, HsdsTable>>> = {
  taxonomy_term: { parent_id: 'taxonomy_term', taxonomy_id: 'taxonomy' },
  organization: { parent_organization_id: 'organization' },
  program: { organization_id: 'organization' },
  service: { organization_id: 'organization', program_id: 'program' },
  location: { organization_id: 'organization' },
  service_at_location: { service_id: 'service', location_id: 'location' },
  address: { location_id: 'location' },
  contact: {
    organization_id: 'organization',
    service_id: 'service',
    service_at_location_id: 'service_at_location',
    location_id: 'location',
  },
  phone: {
    location_id: 'location',
    service_id: 'service',
    organization_id: 'organization',
    contact_id: 'contact',
    service_at_location_id: 'service_at_location',
  },
  schedule: { service_id: 'service', location_id: 'location', service_at_location_id: 'service_at_location' },
  language: { service_id: 'service', location_id: 'location', phone_id: 'phone' },
  accessibility: { location_id: 'location' },
  attribute: { taxonomy_term_id: 'taxonomy_term' },
  cost_option: { service_id: 'service' },
  funding: { organization_id: 'organization', service_id: 'service' },
  required_document: { service_id: 'service' },
  service_area: { service_id: 'service', service_at_location_id: 'service_at_location' },
  organization_identifier: { organization_id: 'organization' },
  url: { organization_id: 'organization', service_id: 'service' },
  service_capacity: { service_id: 'service', unit_id: 'unit' },
};

type FieldKind = 'number' | 'boolean' | 'number-or-text' | 'json' | 'text';

interface ZodLike {
  _zod: { def: { type: string; innerType?: ZodLike; options?: ZodLike[] } };
}
function kindOf(schema: ZodLike): FieldKind {
  let s = schema;
  while (s._zod.def.type === 'optional' && s._zod.def.innerType) s = s._zod.def.innerType;
  const type = s._zod.def.type;
  if (type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'object') return 'json';
  if (type === 'union') {
    const types = (s._zod.def.options ?? []).map((o) => o._zod.def.type);
    return types.includes('number') ? 'number-or-text' : 'text';
  }
  return 'text';
}

const fieldKinds = new Map<HsdsTable, Map<string, FieldKind>>(
  hsdsTables.map((t) => [
    t,
    new Map(Object.entries(hsdsRecordSchemas[t].shape).map(([k, s]) => [k, kindOf(s as unknown as ZodLike)])),
  ]),
);

export function knownField(table: HsdsTable, field: string): boolean {
  return fieldKinds.get(table)!.has(field);
}

/** CSV cells are text: give them the type the record schema expects. Empty cells are absent. */
export function typedCell(table: HsdsTable, field: string, cell: string): unknown {
  if (cell === '') return undefined;
  const kind = fieldKinds.get(table)!.get(field) ?? 'text';
  const trimmed = cell.trim();
  switch (kind) {
    case 'number': {
      const n = Number(trimmed);
      return trimmed !== '' && Number.isFinite(n) ? n : cell;
    }
    case 'number-or-text': {
      const n = Number(trimmed);
      return /^[+-]?\d+(\.\d+)?$/.test(trimmed) && Number.isFinite(n) ? n : cell;
    }
    case 'boolean':
      if (/^(true|1|yes)$/i.test(trimmed)) return true;
      if (/^(false|0|no)$/i.test(trimmed)) return false;
      return cell;
    case 'json':
      try {
        return JSON.parse(cell);
      } catch {
        return cell;
      }
    default:
      return cell;
  }
}
