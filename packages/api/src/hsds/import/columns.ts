// From an HSDS record (validated) to the values of CareMap's columns: where the two differ in type
// or CareMap keeps a fact HSDS has no field for (x_caremap_* extensions), this file says how.
import type { HsdsTable } from '@caremap/validators';

type Row = Record<string, unknown>;
const ATTENDING = new Set(['in_person', 'online', 'phone', 'hybrid']);

/**
 * HSDS 3.0 `attending_type` is free text; CareMap filters on four values. A text that says which of
 * them it means is mapped (and the mapping reported); one that does not is left empty.
 */
export function attendingTypeOf(text: string): { value: string | null; exact: boolean } {
  const norm = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (ATTENDING.has(norm)) return { value: norm, exact: true };
  const t = text.toLowerCase();
  const inPerson = /in[\s-]?person|on[\s-]?site|face[\s-]to[\s-]face|személyes|osobně|yüz yüze/.test(t);
  const online = /online|remote|video|virtual|internet/.test(t);
  const phone = /phone|telephone|telefon/.test(t);
  if (inPerson && (online || phone)) return { value: 'hybrid', exact: false };
  if (online) return { value: 'online', exact: false };
  if (phone) return { value: 'phone', exact: false };
  if (inPerson) return { value: 'in_person', exact: false };
  return { value: null, exact: false };
}

/** Columns whose value a source that does not mention them must not change (set in the writer). */
export const stickyColumns: Partial<Record<HsdsTable, string[]>> = {
  location: ['address_hidden'],
  taxonomy_term: ['labels'],
  cost_option: ['free'],
};

/**
 * The row to write, keyed by column name. `undefined` in a sticky column means "keep what the
 * database has" (or the default for a new row).
 */
export function toColumns(table: HsdsTable, data: Row): Row {
  const row: Row = {};
  for (const [key, value] of Object.entries(data)) if (!key.startsWith('x_caremap_')) row[key] = value;
  switch (table) {
    case 'service':
      // last_modified is our updated_at: kept on insert, so an export imported elsewhere exports
      // the same dates; an update is a change made here and now (the touch trigger stamps it).
      row.updated_at = data.last_modified;
      delete row.last_modified;
      break;
    case 'location':
      row.address_hidden = data.x_caremap_address_hidden;
      break;
    case 'taxonomy_term': {
      const name = String(data.name);
      row.code = data.code ?? data.id;
      row.labels = data.x_caremap_labels;
      row.__default_labels = { hu: name, cs: name, tr: name, en: name };
      break;
    }
    case 'cost_option':
      row.free = data.x_caremap_free ?? (typeof data.amount === 'number' ? data.amount === 0 : undefined);
      break;
    case 'phone':
      if (typeof data.extension === 'number') row.extension = String(data.extension);
      break;
    case 'schedule':
      // Our own exports carry the IANA zone beside HSDS's bare UTC offset; prefer it.
      if (typeof data.x_caremap_timezone === 'string') row.timezone = data.x_caremap_timezone;
      else if (typeof data.timezone === 'number') row.timezone = String(data.timezone);
      if (typeof data.attending_type === 'string')
        row.attending_type = attendingTypeOf(data.attending_type).value;
      break;
  }
  return row;
}
