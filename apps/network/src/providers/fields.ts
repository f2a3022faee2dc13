// The form fields of each record kind (the API's field names; packages/validators has the rules).
import type { Entity } from './layers';

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'email'
  | 'url'
  | 'checkbox'
  | 'date'
  | 'kind'
  | 'status'
  | 'coordinate';
export interface FieldDef {
  key: string;
  kind: FieldKind;
  required?: boolean;
}

export const formFields: Record<Entity, FieldDef[]> = {
  organization: [
    { key: 'name', kind: 'text', required: true },
    { key: 'alternateName', kind: 'text' },
    { key: 'description', kind: 'textarea' },
    { key: 'email', kind: 'email' },
    { key: 'website', kind: 'url' },
  ],
  service: [
    { key: 'name', kind: 'text', required: true },
    { key: 'alternateName', kind: 'text' },
    { key: 'status', kind: 'status' },
    { key: 'description', kind: 'textarea' },
    { key: 'email', kind: 'email' },
    { key: 'url', kind: 'url' },
    { key: 'eligibilityDescription', kind: 'textarea' },
    { key: 'applicationProcess', kind: 'textarea' },
    { key: 'feesDescription', kind: 'textarea' },
  ],
  location: [
    { key: 'name', kind: 'text' },
    { key: 'description', kind: 'textarea' },
    { key: 'transportation', kind: 'textarea' },
    { key: 'lat', kind: 'coordinate', required: true },
    { key: 'lng', kind: 'coordinate', required: true },
    { key: 'addressHidden', kind: 'checkbox' },
  ],
  partner_institution: [
    { key: 'name', kind: 'text', required: true },
    { key: 'partnerKind', kind: 'kind', required: true },
    { key: 'address', kind: 'text' },
    { key: 'city', kind: 'text' },
    { key: 'email', kind: 'email' },
    { key: 'phone', kind: 'text' },
    { key: 'lat', kind: 'coordinate', required: true },
    { key: 'lng', kind: 'coordinate', required: true },
    { key: 'contactPerson', kind: 'text' },
    { key: 'cooperationAgreement', kind: 'checkbox' },
    { key: 'agreementDate', kind: 'date' },
    { key: 'notes', kind: 'textarea' },
  ],
};

const labels = {
  name: 'providers.field.name',
  alternateName: 'providers.field.alternateName',
  description: 'providers.field.description',
  email: 'providers.field.email',
  website: 'providers.field.website',
  url: 'providers.field.url',
  status: 'providers.field.status',
  eligibilityDescription: 'providers.field.eligibilityDescription',
  applicationProcess: 'providers.field.applicationProcess',
  feesDescription: 'providers.field.feesDescription',
  transportation: 'providers.field.transportation',
  lat: 'providers.field.lat',
  lng: 'providers.field.lng',
  addressHidden: 'providers.field.addressHidden',
  partnerKind: 'providers.field.partnerKind',
  address: 'providers.field.address',
  city: 'providers.field.city',
  phone: 'providers.field.phone',
  contactPerson: 'providers.field.contactPerson',
  cooperationAgreement: 'providers.field.cooperationAgreement',
  agreementDate: 'providers.field.agreementDate',
  notes: 'providers.field.notes',
  lastVerifiedAt: 'providers.field.lastVerifiedAt',
} as const;
export type FieldLabelKey = (typeof labels)[keyof typeof labels];
/** Label keys of every field any form or history shows. */
export const fieldLabelKey: Record<string, FieldLabelKey | undefined> = labels;

/** Public suggestion fields that have no field on the record: applied by hand. */
const byHandLabels = {
  phone: 'providers.byHandField.phone',
  address: 'providers.byHandField.address',
  schedule: 'providers.byHandField.schedule',
  languages: 'providers.byHandField.languages',
  accessibility: 'providers.byHandField.accessibility',
  other: 'providers.byHandField.other',
  url: 'providers.byHandField.url',
  alternate_name: 'providers.byHandField.alternateName',
  email: 'providers.byHandField.email',
  eligibility_description: 'providers.byHandField.eligibility',
  application_process: 'providers.byHandField.application',
  fees_description: 'providers.byHandField.fees',
} as const;
export const byHandLabelKey: Record<string, (typeof byHandLabels)[keyof typeof byHandLabels] | undefined> =
  byHandLabels;

export type Values = Record<string, string | boolean>;
type Plain = string | number | boolean | null;

/** Record fields as form values (numbers and nulls as strings). */
export function toValues(fields: Record<string, Plain>): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(fields))
    out[k] = typeof v === 'boolean' ? v : v === null ? '' : String(v);
  return out;
}

/** Form values as API values of the entity's fields. */
export function fromValues(entity: Entity, values: Values): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const f of formFields[entity]) {
    const v = values[f.key];
    if (v === undefined) continue;
    if (f.kind === 'checkbox') out[f.key] = v === true;
    else if (f.kind === 'coordinate')
      out[f.key] = v === '' ? Number.NaN : Number(String(v).replace(',', '.'));
    else if (f.kind === 'date') out[f.key] = v === '' ? null : String(v);
    else out[f.key] = String(v);
  }
  return out;
}

/** Only the fields that differ from the loaded record. */
export function changedFields(entity: Entity, loaded: Record<string, Plain>, values: Values) {
  const next = fromValues(entity, values);
  const changes: Record<string, Plain> = {};
  for (const [k, v] of Object.entries(next)) {
    const before = loaded[k] ?? (typeof v === 'string' ? '' : null);
    if (before !== v && !(before === null && v === '')) changes[k] = v;
  }
  // A pin moves as a pair.
  if ('lat' in changes || 'lng' in changes) {
    changes.lat = next.lat ?? null;
    changes.lng = next.lng ?? null;
  }
  return changes;
}
