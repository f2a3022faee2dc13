// Nested HSDS repeats an object wherever it belongs (the same phone under a service, its contact
// and its service_at_location). Within a group the copies become one row; their links add up.
import type { ImportProblem, RawRecord } from './types';

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export function mergeGroup(group: RawRecord[]): { records: RawRecord[]; conflicts: ImportProblem[] } {
  const byKey = new Map<string, RawRecord>();
  const records: RawRecord[] = [];
  const conflicts: ImportProblem[] = [];
  for (const record of group) {
    const id = record.data.id;
    if (typeof id !== 'string') {
      records.push(record);
      continue;
    }
    const key = `${record.table}:${id}`;
    const first = byKey.get(key);
    if (!first) {
      const copy = { ...record, data: { ...record.data } };
      byKey.set(key, copy);
      records.push(copy);
      continue;
    }
    for (const [field, value] of Object.entries(record.data)) {
      if (first.data[field] === undefined) first.data[field] = value;
      else if (!same(first.data[field], value)) {
        conflicts.push({
          file: record.file,
          record: { index: record.index, id: record.rootId ?? id },
          field: record.path ? `${record.path}.${field}` : field,
          problem: `${record.table} ${id} appears more than once with different values for ${field}`,
        });
      }
    }
  }
  return { records, conflicts };
}
