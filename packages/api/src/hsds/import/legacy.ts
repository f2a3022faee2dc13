// Reads HSDS 1.1 / 2.0 tabular datapackages (datapackage.json + one CSV per table) as HSDS 3.0
// rows. Ids that are not UUIDs become UUID v5 under CAREMAP_LEGACY_NAMESPACE over `<table>:<id>`,
// so a re-import of the same package hits the same rows; references are mapped the same way.
import { basename } from 'node:path';
import { v5 } from 'uuid';
import { type Container, csvRows, findFile } from './container';
import { type LegacyTable, legacyOnly, legacyTables, since20 } from './legacy-tables';
import { knownField, typedCell, writeOrder } from './tables';
import { noteUnmapped, type RawRecord, type ReadNotes, type RecordGroup } from './types';

/** Fixed forever: changing it would make every re-import of a legacy package create new rows. */
export const CAREMAP_LEGACY_NAMESPACE = 'a4d2b7e0-5c1f-4e8a-9b3d-6f0e2c9a7b15';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROWS_PER_GROUP = 1_000;

/** The 3.0 id of a legacy row: its own id when that is a UUID already. */
export function legacyId(table: string, id: string): string {
  const trimmed = id.trim();
  return UUID.test(trimmed) ? trimmed.toLowerCase() : v5(`${table}:${trimmed}`, CAREMAP_LEGACY_NAMESPACE);
}

const csvOf = (c: Container, name: string) => findFile(c, `${name}.csv`);

export function isLegacyPackage(c: Container): boolean {
  if (legacyOnly.some((name) => csvOf(c, name)) || plainIds.has(c)) return true;
  return declaredVersion(c) !== undefined && !/^3/.test(declaredVersion(c) ?? '');
}

const versions = new WeakMap<Container, string | undefined>();
const plainIds = new WeakSet<Container>();
function declaredVersion(c: Container): string | undefined {
  return versions.get(c);
}
/** Reads datapackage.json's declared HSDS version, if any, before detection (call once per container). */
export async function readDeclaredVersion(c: Container): Promise<void> {
  // 3.0 ids are UUIDs; integer or other ids in the main tables mean an older package.
  for (const name of ['organizations', 'services']) {
    const csv = csvOf(c, name);
    if (!csv) continue;
    for await (const row of csvRows(c, csv)) {
      if (row.id && !UUID.test(row.id.trim())) plainIds.add(c);
      break;
    }
  }
  const file = findFile(c, 'datapackage.json');
  if (!file) return;
  let text = '';
  for await (const chunk of await c.open(file)) text += chunk;
  try {
    const pkg = JSON.parse(text) as { version?: unknown; hsds_version?: unknown; profile?: unknown };
    const v = [pkg.hsds_version, pkg.version].find((x) => typeof x === 'string' && /^\d/.test(x as string));
    versions.set(c, v as string | undefined);
  } catch {
    versions.set(c, undefined);
  }
}

export function legacyVersion(c: Container): string {
  const declared = declaredVersion(c);
  if (declared) return declared;
  return since20.some((name) => csvOf(c, name)) ? '2.0' : '1.1';
}

type Eligibility = Map<string, Record<string, unknown>>;

/** eligibility.csv holds what 3.0 keeps on the service itself; read it first, then merge. */
async function readEligibility(c: Container, notes: ReadNotes | undefined): Promise<Eligibility> {
  const out: Eligibility = new Map();
  const file = csvOf(c, 'eligibility');
  if (!file) return out;
  for await (const row of csvRows(c, file)) {
    const service = row.service_id?.trim();
    if (!service) continue;
    const e = out.get(service) ?? {};
    for (const [column, cell] of Object.entries(row)) {
      if (cell === '' || column === 'service_id') continue;
      if (column === 'eligibility') {
        e.eligibility_description = e.eligibility_description
          ? `${e.eligibility_description}; ${cell}`
          : cell;
      } else if (column === 'minimum_age' || column === 'maximum_age')
        e[column] = typedCell('service', column, cell);
      else noteUnmapped(notes, basename(file), column);
    }
    out.set(service, e);
  }
  return out;
}

function mapRow(
  c: Container,
  def: LegacyTable,
  row: Record<string, string>,
  file: string,
  notes: ReadNotes | undefined,
): { data: Record<string, unknown>; columns: Record<string, string> } {
  const data: Record<string, unknown> = {};
  const columns: Record<string, string> = {};
  for (const [column, cell] of Object.entries(row)) {
    if (cell === '' || cell === undefined || def.skip?.includes(column)) continue;
    const field = def.rename?.[column] ?? column;
    if (!knownField(def.target, field) || field in (def.constant ?? {})) {
      noteUnmapped(notes, file, column);
      continue;
    }
    const refTables = def.refs?.[field];
    if (field === 'id') data.id = legacyId(def.name, cell);
    else if (refTables) data[field] = legacyId(refTables.find((t) => csvOf(c, t)) ?? refTables[0]!, cell);
    else data[field] = typedCell(def.target, field, cell);
    columns[field] = column;
  }
  Object.assign(data, def.constant);
  def.finish?.(data, row);
  for (const key of Object.keys(data)) if (data[key] === undefined) delete data[key];
  return { data, columns };
}

export async function* legacyGroups(
  c: Container,
  notes: ReadNotes | undefined,
  scale = 1,
): AsyncGenerator<RecordGroup> {
  const eligibility = await readEligibility(c, notes);
  const handled = new Set<string>();
  const eligibilityFile = csvOf(c, 'eligibility');
  if (eligibilityFile) handled.add(eligibilityFile);
  const ordered = [...legacyTables].sort(
    (a, b) => writeOrder.indexOf(a.target) - writeOrder.indexOf(b.target),
  );
  for (const def of ordered) {
    const path = csvOf(c, def.name);
    if (!path || handled.has(path)) continue;
    handled.add(path);
    const file = basename(path);
    let group: RawRecord[] = [];
    let index = 0;
    for await (const row of csvRows(c, path)) {
      const { data, columns } = mapRow(c, def, row, file, notes);
      if (def.target === 'service' && row.id) {
        for (const [k, v] of Object.entries(eligibility.get(row.id.trim()) ?? {})) data[k] ??= v;
      }
      group.push({ table: def.target, file, index: index++, data, columns });
      if (group.length >= ROWS_PER_GROUP * scale) {
        yield group;
        group = [];
      }
    }
    if (group.length) yield group;
  }
  // Tables with no 3.0 counterpart (payment_accepted, metadata, ...): every column is listed.
  for (const path of c.files.filter((f) => /\.csv$/i.test(f) && !handled.has(f))) {
    const file = basename(path);
    notes?.warnings.push({
      file,
      message: 'no HSDS 3.0 table to map this file onto; its columns are listed as unmapped',
    });
    for await (const row of csvRows(c, path)) {
      for (const [column, cell] of Object.entries(row)) if (cell !== '') noteUnmapped(notes, file, column);
    }
  }
}
