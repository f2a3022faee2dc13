// The second pass: inside one transaction, each group is upserted table by table in dependency
// order, as multi-row statements over one jsonb parameter each. An update whose values equal the
// stored ones is skipped (`is distinct from`), so a re-import bumps no version and no updated_at.
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Database } from '@caremap/db';
import { pgErrorOf, schema, selectRows } from '@caremap/db';
import type { HsdsTable } from '@caremap/validators';
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { stickyColumns, toColumns } from './columns';
import { mergeGroup } from './merge';
import { writeOrder } from './tables';
import type { ImportProblem, ImportProgress, ImportSource, RawRecord, TableCounts } from './types';
import type { Validation } from './validate';

const tables: Record<HsdsTable, PgTable> = {
  taxonomy: schema.taxonomy,
  taxonomy_term: schema.taxonomyTerm,
  organization: schema.organization,
  program: schema.program,
  service: schema.service,
  location: schema.location,
  service_at_location: schema.serviceAtLocation,
  address: schema.address,
  contact: schema.contact,
  phone: schema.phone,
  schedule: schema.schedule,
  language: schema.language,
  accessibility: schema.accessibility,
  attribute: schema.attribute,
  cost_option: schema.costOption,
  funding: schema.funding,
  required_document: schema.requiredDocument,
  service_area: schema.serviceArea,
  organization_identifier: schema.organizationIdentifier,
  metadata: schema.metadata,
  url: schema.url,
  unit: schema.unit,
  service_capacity: schema.serviceCapacity,
};

/** Kept by CareMap itself (timestamps, lock counters, geometry filled by triggers): never imported. */
const OWN = new Set(['created_at', 'updated_at', 'row_version', 'geom', 'public_geom']);
const DEFAULTS: Record<string, unknown> = { address_hidden: false, free: false };
const ROWS_PER_STATEMENT = 500;

/** The database refused a write that validation let through (e.g. a unique key an existing row holds). */
export class ImportWriteError extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.problem);
  }
}

interface Target {
  name: string;
  columns: { name: string; type: string }[];
  /** Written on insert only (never compared, never updated), defaulting to now(). */
  insertOnly: { name: string; type: string }[];
}
const INSERT_ONLY: Partial<Record<HsdsTable, { name: string; type: string }[]>> = {
  service: [{ name: 'updated_at', type: 'timestamp with time zone' }],
};
const targets = new Map<HsdsTable, Target>(
  writeOrder.map((t) => {
    const columns = Object.values(getTableColumns(tables[t]) as Record<string, PgColumn>)
      .filter((c) => !OWN.has(c.name) && !(c.name === 'version' && c.getSQLType() === 'integer'))
      .map((c) => ({ name: c.name, type: c.getSQLType() }));
    return [t, { name: t, columns, insertOnly: INSERT_ONLY[t] ?? [] }];
  }),
);

function upsertStatement(target: Target, json: string): SQL {
  const cols = target.columns.map((c) => sql.identifier(c.name));
  const typed = sql.join(
    [...target.columns, ...target.insertOnly].map((c) => sql`${sql.identifier(c.name)} ${sql.raw(c.type)}`),
    sql`, `,
  );
  const insertList = sql.join([...cols, ...target.insertOnly.map((c) => sql.identifier(c.name))], sql`, `);
  const selectList = sql.join(
    [...cols, ...target.insertOnly.map((c) => sql`coalesce(${sql.identifier(c.name)}, now())`)],
    sql`, `,
  );
  const table = sql.identifier(target.name);
  const nonId = target.columns.filter((c) => c.name !== 'id').map((c) => sql.identifier(c.name));
  const set = sql.join(
    nonId.map((c) => sql`${c} = excluded.${c}`),
    sql`, `,
  );
  const current = sql.join(
    nonId.map((c) => sql`${table}.${c}`),
    sql`, `,
  );
  const incoming = sql.join(
    nonId.map((c) => sql`excluded.${c}`),
    sql`, `,
  );
  return sql`insert into ${table} (${insertList})
    select ${selectList} from jsonb_to_recordset(${json}::jsonb) as x(${typed})
    on conflict (id) do update set ${set}
    where (${current}) is distinct from (${incoming})
    returning (xmax = 0) as inserted`;
}

function detailOf(error: unknown): string {
  for (
    let e = error as { detail?: unknown; cause?: unknown } | undefined, d = 0;
    e && d < 5;
    e = e.cause as typeof e, d++
  ) {
    if (typeof e.detail === 'string') return ` (${e.detail})`;
  }
  return '';
}

/** Fills sticky columns the source left out from what the database holds (or the default). */
async function fillSticky(db: Database, table: HsdsTable, rows: Record<string, unknown>[]) {
  const sticky = stickyColumns[table];
  if (!sticky) return;
  const missing = rows.filter((r) => sticky.some((c) => r[c] === undefined));
  if (missing.length) {
    const ids = `{${missing.map((r) => r.id).join(',')}}`;
    const cols = sql.join(
      sticky.map((c) => sql.identifier(c)),
      sql`, `,
    );
    const stored = await selectRows<Record<string, unknown>>(
      db,
      sql`select id::text as id, ${cols} from ${sql.identifier(table)} where id = any(${ids}::uuid[])`,
    );
    const byId = new Map(stored.map((r) => [r.id, r]));
    for (const row of missing) {
      for (const c of sticky) {
        if (row[c] !== undefined) continue;
        row[c] = byId.get(row.id)?.[c] ?? (c === 'labels' ? row.__default_labels : DEFAULTS[c]);
      }
    }
  }
  for (const row of rows) delete row.__default_labels;
}

export async function writeSource(
  tx: Database,
  source: ImportSource,
  validation: Validation,
  counts: Partial<Record<HsdsTable, TableCounts>>,
  onProgress?: (p: ImportProgress) => void,
  rowsPerStatement = ROWS_PER_STATEMENT,
): Promise<void> {
  let written = 0;
  const fixups = new Map<HsdsTable, { id: string; field: string; value: string }[]>();
  for await (const group of source.groups(undefined)) {
    const byTable = new Map<HsdsTable, Record<string, unknown>[]>();
    const origins = new Map<HsdsTable, RawRecord[]>();
    for (const record of mergeGroup(group).records) {
      const from = origins.get(record.table) ?? [];
      from.push(record);
      origins.set(record.table, from);
      const row = toColumns(record.table, record.data);
      for (const n of validation.nullOnWrite.get(`${record.table}:${row.id}`) ?? []) {
        if (n.target) {
          const list = fixups.get(record.table) ?? [];
          list.push({ id: String(row.id), field: n.field, value: n.target });
          fixups.set(record.table, list);
        }
        row[n.field] = undefined;
      }
      if (!byTable.has(record.table)) byTable.set(record.table, []);
      byTable.get(record.table)!.push(row);
    }
    for (const table of writeOrder) {
      const rows = byTable.get(table);
      if (!rows) continue;
      await fillSticky(tx, table, rows);
      const count = counts[table]!;
      for (let i = 0; i < rows.length; i += rowsPerStatement) {
        const chunk = rows.slice(i, i + rowsPerStatement);
        let result: { inserted: boolean }[];
        try {
          result = await selectRows<{ inserted: boolean }>(
            tx,
            upsertStatement(targets.get(table)!, JSON.stringify(chunk)),
          );
        } catch (error) {
          const pg = pgErrorOf(error);
          if (!pg) throw error;
          const first = origins.get(table)![i]!;
          const id = first.rootId ?? first.data.id;
          throw new ImportWriteError({
            file: first.file,
            record: { index: first.index, ...(id ? { id: String(id) } : {}) },
            field: pg.constraint ?? '',
            problem: `the database refused ${table} rows ${i + 1}-${i + chunk.length} of this group: ${pg.message}${detailOf(error)}`,
          });
        }
        const inserted = result.filter((r) => r.inserted).length;
        count.inserted += inserted;
        count.updated += result.length - inserted;
        count.unchanged += chunk.length - result.length;
        written += chunk.length;
      }
    }
    onProgress?.({ phase: 'write', validated: validation.records, written, total: validation.records });
    await yieldToLoop();
  }
  // Parents that came later in the file than their children: linked now that both exist.
  for (const [table, list] of fixups) {
    for (const field of new Set(list.map((f) => f.field))) {
      const rows = JSON.stringify(
        list.filter((f) => f.field === field).map((f) => ({ id: f.id, v: f.value })),
      );
      const t = sql.identifier(table);
      const c = sql.identifier(field);
      await tx.execute(sql`update ${t} set ${c} = x.v from jsonb_to_recordset(${rows}::jsonb) as x(id uuid, v uuid)
        where ${t}.id = x.id and ${t}.${c} is distinct from x.v`);
    }
  }
}
