// The first pass: every record is checked (shape, formats, enums, references, uniqueness) before
// anything is written. It keeps only ids and still-open references, not the records themselves.
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Database } from '@caremap/db';
import { selectRows } from '@caremap/db';
import { type HsdsTable, hsdsRecordSchemas } from '@caremap/validators';
import { sql } from 'drizzle-orm';
import { attendingTypeOf } from './columns';
import { mergeGroup } from './merge';
import { references } from './tables';
import type { ImportProblem, ImportProgress, ImportSource, RawRecord, ReadNotes } from './types';

/** References to a parent that may be missing: the link is left empty and the report says so. */
const SOFT = new Set(['taxonomy_term.parent_id', 'organization.parent_organization_id']);
/** Unique keys besides the id: two rows of one file must not share them. */
const uniqueKeys: Partial<Record<HsdsTable, string[]>> = {
  service_at_location: ['service_id', 'location_id'],
  attribute: ['link_entity', 'link_id', 'taxonomy_term_id'],
  taxonomy_term: ['taxonomy_id', 'code'],
};

interface PendingRef {
  table: HsdsTable;
  field: string;
  target: HsdsTable;
  targetId: string;
  where: RawRecord;
  group: number;
}

export interface Validation {
  problems: ImportProblem[];
  problemCount: number;
  /** Distinct ids per table. */
  ids: Map<HsdsTable, Map<string, number>>;
  records: number;
  /** `table:id` -> fields to leave empty on the first write (missing soft parent, or written later). */
  nullOnWrite: Map<string, { field: string; target: string | undefined }[]>;
}

const where = (r: RawRecord) => ({
  index: r.index,
  ...((r.rootId ?? r.data.id) ? { id: String(r.rootId ?? r.data.id) } : {}),
});
const fieldPath = (r: RawRecord, field: string) => {
  const named = r.columns?.[field.split('.')[0] ?? ''] ?? field;
  return r.path ? (named ? `${r.path}.${named}` : r.path) : named;
};

export async function validateSource(
  db: Database,
  source: ImportSource,
  notes: ReadNotes,
  options: { maxProblems: number; onProgress?: (p: ImportProgress) => void },
): Promise<Validation> {
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  const add = (p: ImportProblem) => {
    problemCount++;
    if (problems.length < options.maxProblems) problems.push(p);
  };
  const ids = new Map<HsdsTable, Map<string, number>>();
  const uniques = new Map<string, string>();
  const pending: PendingRef[] = [];
  let records = 0;
  let groupNo = 0;
  // Records that failed: a reference to one of them is not a second problem.
  const failed = new Set<string>();

  for await (const group of source.groups(notes)) {
    const { records: merged, conflicts } = mergeGroup(group);
    const checked: RawRecord[] = [];
    conflicts.forEach(add);
    for (const record of merged) {
      records++;
      const schema = hsdsRecordSchemas[record.table];
      if (record.data.__not_an_object) {
        add({
          file: record.file,
          record: where(record),
          field: fieldPath(record, ''),
          problem: `expected a ${record.table} object`,
        });
        continue;
      }
      const parsed = schema.safeParse(record.data);
      if (!parsed.success) {
        if (typeof record.data.id === 'string') failed.add(`${record.table}:${record.data.id}`);
        for (const issue of parsed.error.issues) {
          add({
            file: record.file,
            record: where(record),
            field: fieldPath(record, issue.path.join('.')),
            problem: issue.message,
          });
        }
        continue;
      }
      const data = record.data;
      const id = data.id as string;
      const tableIds = ids.get(record.table) ?? new Map<string, number>();
      ids.set(record.table, tableIds);
      if (!tableIds.has(id)) tableIds.set(id, groupNo);
      checkRecord(record, add, notes);
      for (const key of [uniqueKeys[record.table]].filter(Boolean) as string[][]) {
        const values = key.map((k) => data[k]);
        if (values.some((v) => v === undefined)) continue;
        const k = `${record.table}:${values.join('|')}`;
        const owner = uniques.get(k);
        if (owner && owner !== id) {
          add({
            file: record.file,
            record: where(record),
            field: fieldPath(record, key.join('+')),
            problem: `another ${record.table} (${owner}) already has the same ${key.join(', ')}`,
          });
        } else uniques.set(k, id);
      }
      checked.push(record);
    }
    // References are checked once the whole group is known: inside a group rows are written table by
    // table in dependency order, so only a parent in a later group (or in the same table) is a concern.
    for (const record of checked) {
      const data = record.data;
      for (const [field, target] of Object.entries(references[record.table] ?? {})) {
        const targetId = data[field];
        if (typeof targetId !== 'string') continue;
        const seenAt = ids.get(target)?.get(targetId);
        if (seenAt !== undefined && (seenAt < groupNo || (seenAt === groupNo && target !== record.table)))
          continue;
        pending.push({ table: record.table, field, target, targetId, where: record, group: groupNo });
      }
    }
    groupNo++;
    options.onProgress?.({ phase: 'validate', validated: records, written: 0 });
    await yieldToLoop();
  }

  const nullOnWrite = new Map<string, { field: string; target: string | undefined }[]>();
  const inDatabase = await existingIds(
    db,
    pending.map((p) => [p.target, p.targetId] as const),
  );
  for (const ref of pending) {
    const key = `${ref.target}:${ref.targetId}`;
    if (inDatabase.has(key) || failed.has(key)) continue;
    const seenAt = ids.get(ref.target)?.get(ref.targetId);
    const soft = SOFT.has(`${ref.table}.${ref.field}`);
    const self = ref.target === ref.table;
    const at = { file: ref.where.file, record: where(ref.where), field: fieldPath(ref.where, ref.field) };
    const push = (target: string | undefined) => {
      const k = `${ref.table}:${ref.where.data.id}`;
      nullOnWrite.set(k, [...(nullOnWrite.get(k) ?? []), { field: ref.field, target }]);
    };
    if (seenAt !== undefined && self) push(ref.targetId);
    else if (seenAt !== undefined) {
      add({
        ...at,
        problem: `refers to ${ref.target} ${ref.targetId}, which comes later in the file; list it before the records that refer to it`,
      });
    } else if (soft) {
      push(undefined);
      notes.warnings.push({
        ...at,
        message: `no ${ref.target} ${ref.targetId} in the file or the database: the link was left empty`,
      });
    } else {
      add({ ...at, problem: `no ${ref.target} with id ${ref.targetId} in the file or the database` });
    }
  }
  return { problems, problemCount, ids, records, nullOnWrite };
}

/** Checks one schema alone cannot make: across fields, and lossy mappings worth a warning. */
function checkRecord(record: RawRecord, add: (p: ImportProblem) => void, notes: ReadNotes) {
  const d = record.data;
  const at = (field: string) => ({
    file: record.file,
    record: where(record),
    field: fieldPath(record, field),
  });
  if (
    record.table === 'service' &&
    typeof d.minimum_age === 'number' &&
    typeof d.maximum_age === 'number' &&
    d.minimum_age > d.maximum_age
  ) {
    add({ ...at('minimum_age'), problem: 'minimum_age is greater than maximum_age' });
  }
  if (record.table === 'location' && (d.latitude === undefined) !== (d.longitude === undefined)) {
    add({
      ...at(d.latitude === undefined ? 'latitude' : 'longitude'),
      problem: 'latitude and longitude must be given together',
    });
  }
  if (record.table === 'schedule' && typeof d.attending_type === 'string') {
    const mapped = attendingTypeOf(d.attending_type);
    if (!mapped.exact) {
      notes.warnings.push({
        ...at('attending_type'),
        message: mapped.value
          ? `free text "${d.attending_type}" stored as ${mapped.value}`
          : `free text "${d.attending_type}" names no attending type (in_person, online, phone, hybrid): not stored`,
      });
    }
  }
}

/** Which of the referenced ids the database already holds, as `table:id`. */
async function existingIds(
  db: Database,
  refs: ReadonlyArray<readonly [HsdsTable, string]>,
): Promise<Set<string>> {
  const byTable = new Map<HsdsTable, Set<string>>();
  for (const [table, id] of refs) {
    if (!byTable.has(table)) byTable.set(table, new Set());
    byTable.get(table)!.add(id);
  }
  const found = new Set<string>();
  for (const [table, set] of byTable) {
    const all = [...set];
    for (let i = 0; i < all.length; i += 5_000) {
      const chunk = all.slice(i, i + 5_000);
      const rows = await selectRows<{ id: string }>(
        db,
        sql`select id::text as id from ${sql.identifier(table)} where id = any(${`{${chunk.join(',')}}`}::uuid[])`,
      );
      for (const r of rows) found.add(`${table}:${r.id}`);
    }
  }
  return found;
}
