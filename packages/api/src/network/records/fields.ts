// The editable fields of each record kind, as the API names them, and how each is read from and
// written to its table. One table of facts: reads, writes, history and suggestions all use it.
import type { RecordEntity } from '@caremap/validators';
import { type SQL, sql } from 'drizzle-orm';

export type FieldValue = string | number | boolean | null;
export type Fields = Record<string, FieldValue>;

interface FieldSpec {
  /** Expression that reads the value (as text, number or boolean). */
  read: SQL;
  /** Column assignments for a new value; lat/lng of a point are written together (see `pointWrite`). */
  column?: string;
}

interface EntitySpec {
  table: SQL;
  fields: Record<string, FieldSpec>;
  /** The resource of the policy module that guards this kind of record. */
  resource: 'directory' | 'partner_institution';
  /** SQL assignment for a new pin, when the entity has one. */
  pointWrite?: (lat: number, lng: number) => SQL;
}

const col = (name: string): FieldSpec => ({ read: sql.raw(`r.${name}`), column: name });

export const entities: Record<RecordEntity, EntitySpec> = {
  organization: {
    table: sql`organization`,
    resource: 'directory',
    fields: {
      name: col('name'),
      alternateName: col('alternate_name'),
      description: col('description'),
      email: col('email'),
      website: col('website'),
    },
  },
  service: {
    table: sql`service`,
    resource: 'directory',
    fields: {
      name: col('name'),
      alternateName: col('alternate_name'),
      description: col('description'),
      email: col('email'),
      url: col('url'),
      status: { read: sql`r.status::text`, column: 'status' },
      eligibilityDescription: col('eligibility_description'),
      applicationProcess: col('application_process'),
      feesDescription: col('fees_description'),
    },
  },
  location: {
    table: sql`location`,
    resource: 'directory',
    fields: {
      name: col('name'),
      description: col('description'),
      transportation: col('transportation'),
      lat: { read: sql`r.latitude::float8` },
      lng: { read: sql`r.longitude::float8` },
      addressHidden: col('address_hidden'),
    },
    // The geom and public_geom columns follow latitude/longitude through a trigger.
    pointWrite: (lat, lng) => sql`latitude = ${lat}, longitude = ${lng}`,
  },
  partner_institution: {
    table: sql`partner_institution`,
    resource: 'partner_institution',
    fields: {
      name: col('name'),
      partnerKind: { read: sql`r.partner_kind::text`, column: 'partner_kind' },
      address: col('address'),
      city: col('city'),
      email: col('email'),
      phone: col('phone'),
      lat: { read: sql`ST_Y(r.geom)` },
      lng: { read: sql`ST_X(r.geom)` },
      contactPerson: col('contact_person'),
      cooperationAgreement: col('cooperation_agreement'),
      agreementDate: { read: sql`r.agreement_date::text`, column: 'agreement_date' },
      notes: col('notes'),
    },
    pointWrite: (lat, lng) => sql`geom = ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)`,
  },
};

/** `select` list of every field of the entity, aliased by the API name. */
export function fieldSelect(entity: RecordEntity): SQL {
  return sql.join(
    Object.entries(entities[entity].fields).map(([key, f]) => sql`${f.read} as ${sql.identifier(key)}`),
    sql`, `,
  );
}

/** Normalises values read through `fieldSelect` (drivers differ in numerics). */
export function readFields(entity: RecordEntity, row: Record<string, unknown>): Fields {
  const out: Fields = {};
  for (const key of Object.keys(entities[entity].fields)) {
    const value = row[key];
    out[key] =
      value === null || value === undefined
        ? null
        : key === 'lat' || key === 'lng'
          ? Math.round(Number(value) * 1e6) / 1e6
          : typeof value === 'boolean' || typeof value === 'number'
            ? value
            : String(value);
  }
  return out;
}

/** `set` list for the changed fields. */
export function assignments(entity: RecordEntity, changes: Fields): SQL[] {
  const spec = entities[entity];
  const out: SQL[] = [];
  for (const [key, value] of Object.entries(changes)) {
    if (key === 'lat' || key === 'lng') continue;
    const column = spec.fields[key]?.column;
    if (!column) throw new Error(`no column for ${entity}.${key}`);
    out.push(sql`${sql.identifier(column)} = ${value}`);
  }
  if (typeof changes.lat === 'number' && typeof changes.lng === 'number' && spec.pointWrite)
    out.push(spec.pointWrite(changes.lat, changes.lng));
  return out;
}

/** The fields whose value differs, before and after (what history keeps). */
export function diff(before: Fields, changes: Fields): { previous: Fields; next: Fields } {
  const previous: Fields = {};
  const next: Fields = {};
  for (const [key, value] of Object.entries(changes)) {
    if (before[key] === value) continue;
    previous[key] = before[key] ?? null;
    next[key] = value;
  }
  return { previous, next };
}

/**
 * Public suggestion fields (HSDS names, see `suggestableFields`) that map onto a field of the target
 * record. The rest (phone, address, schedule, languages, ...) are shown to the moderator to apply by
 * hand in the other screens.
 */
export const suggestionFieldMap: Record<RecordEntity, Record<string, string>> = {
  organization: {
    name: 'name',
    alternate_name: 'alternateName',
    description: 'description',
    email: 'email',
    url: 'website',
  },
  service: {
    name: 'name',
    alternate_name: 'alternateName',
    description: 'description',
    email: 'email',
    url: 'url',
    eligibility_description: 'eligibilityDescription',
    application_process: 'applicationProcess',
    fees_description: 'feesDescription',
  },
  location: { name: 'name', description: 'description' },
  partner_institution: {},
};
