// The needs register: unmet needs recorded per territory, listed with their territory's parts,
// created and edited by the territory's networkers and coordinators (edits go through the records
// module: optimistic version, CONFLICT with both versions, history in the same transaction), and
// counted per quarter by category and status (the figures the region collects).
import { type Database, schema, selectRows } from '@caremap/db';
import type { NeedCreateInput, needListInput, needStatsInput } from '@caremap/validators';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../context';
import { appError } from '../errors';
import { decide } from '../policy';
import { assertMayReadTerritory, territoryLineage } from './access';

export interface NeedRow {
  id: string;
  territoryId: string;
  territoryName: string;
  taxonomyTermId: string;
  category: Record<string, string> & { name: string };
  description: string;
  reportedBy: string;
  severity: string;
  status: string;
  reportedOn: string;
  metOn: string | null;
  organizationId: string | null;
  organizationName: string | null;
  createdByName: string | null;
  updatedAt: string;
  version: number;
}

/** The territory and every territory below it (a region's ORPs, a county's districts). */
const subtree = (territoryId: string) => sql`with recursive down(id, depth) as (
    select ${territoryId}::uuid, 0
    union all select t.id, down.depth + 1 from territory t join down on t.parent_id = down.id where down.depth < 20)`;

export async function listNeeds(
  db: Database,
  user: SessionUser | null,
  input: z.output<typeof needListInput>,
): Promise<NeedRow[]> {
  await assertMayReadTerritory(db, user, input.territoryId);
  const rows = await selectRows<Record<string, unknown>>(
    db,
    sql`${subtree(input.territoryId)}
        select n.id, n.territory_id, t.name as territory_name, n.taxonomy_term_id,
               tt.name as term_name, tt.labels as term_labels, n.description, n.reported_by::text,
               n.severity::text, n.status::text, n.reported_on::text, n.met_on::text,
               n.organization_id, o.name as organization_name, u.display_name as created_by_name,
               n.updated_at, n.version
        from need n join down on down.id = n.territory_id
        join territory t on t.id = n.territory_id
        join taxonomy_term tt on tt.id = n.taxonomy_term_id
        left join organization o on o.id = n.organization_id
        left join app_user u on u.id = n.created_by
        where ${input.status ? sql`n.status = ${input.status}` : sql`true`}
        order by (n.status = 'met'), array_position(array['critical','high','medium','low']::text[], n.severity::text),
                 n.reported_on desc, n.id`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    territoryId: String(r.territory_id),
    territoryName: String(r.territory_name),
    taxonomyTermId: String(r.taxonomy_term_id),
    category: { ...((r.term_labels as Record<string, string> | null) ?? {}), name: String(r.term_name) },
    description: String(r.description),
    reportedBy: String(r.reported_by),
    severity: String(r.severity),
    status: String(r.status),
    reportedOn: String(r.reported_on),
    metOn: r.met_on === null ? null : String(r.met_on),
    organizationId: r.organization_id === null ? null : String(r.organization_id),
    organizationName: r.organization_name === null ? null : String(r.organization_name),
    createdByName: r.created_by_name === null ? null : String(r.created_by_name),
    updatedAt: new Date(r.updated_at as string).toISOString(),
    version: Number(r.version),
  }));
}

/** May the user record or edit needs of this territory (it or an ancestor is theirs, or all)? */
export async function assertMayWriteNeed(
  db: Database,
  user: SessionUser,
  territoryId: string,
  action: 'create' | 'update',
): Promise<void> {
  const lineage = await territoryLineage(db, territoryId);
  if (lineage.length === 0) throw appError('NOT_FOUND', 'not_found', 'territoryId: no such territory');
  if (!decide(user, 'need', action, { territoryIds: lineage }))
    throw appError('FORBIDDEN', 'forbidden', 'territoryId: this territory is not one of yours');
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Inserts the need; the caller writes its history in the same transaction. */
export async function insertNeed(tx: Tx, user: SessionUser, input: NeedCreateInput) {
  const [known] = await selectRows<{ term: boolean; org: boolean }>(
    tx as unknown as Database,
    sql`select exists (select 1 from taxonomy_term where id = ${input.taxonomyTermId}::uuid) as term,
               ${input.organizationId ? sql`exists (select 1 from organization where id = ${input.organizationId}::uuid)` : sql`true`} as org`,
  );
  if (!known?.term)
    throw appError('BAD_REQUEST', 'unknown_reference', 'taxonomyTermId: no such service type', {
      field: 'taxonomyTermId',
    });
  if (!known.org)
    throw appError('BAD_REQUEST', 'unknown_reference', 'organizationId: no such organization', {
      field: 'organizationId',
    });
  const [row] = await tx
    .insert(schema.need)
    .values({
      territoryId: input.territoryId,
      taxonomyTermId: input.taxonomyTermId,
      description: input.description,
      reportedBy: input.reportedBy,
      severity: input.severity,
      reportedOn: input.reportedOn,
      organizationId: input.organizationId ?? null,
      createdBy: user.userId,
    })
    .returning({ id: schema.need.id, version: schema.need.version });
  return row!;
}

export interface NeedQuarter {
  quarter: 1 | 2 | 3 | 4;
  /** Needs reported in the quarter. */
  reported: number;
  /** Needs met in the quarter. */
  met: number;
  /** Needs not met at the quarter's end (reported by then, met after it or not at all). */
  openAtEnd: number;
}

export interface NeedStats {
  year: number;
  quarters: NeedQuarter[];
  /** Per category: the same counts per quarter, and how many are open / in progress / met now. */
  categories: Array<{
    taxonomyTermId: string;
    category: Record<string, string> & { name: string };
    quarters: NeedQuarter[];
    now: { open: number; in_progress: number; met: number };
  }>;
}

/** Quarterly counts for a territory and its parts, by category and status, in one statement. */
export async function needStats(
  db: Database,
  user: SessionUser | null,
  input: z.output<typeof needStatsInput>,
  today = new Date(),
): Promise<NeedStats> {
  await assertMayReadTerritory(db, user, input.territoryId);
  const year = input.year ?? today.getUTCFullYear();
  const rows = await selectRows<Record<string, unknown>>(
    db,
    sql`${subtree(input.territoryId)},
        q(quarter, starts, ends) as (
          select g, make_date(${year}, 3 * g - 2, 1), (make_date(${year}, 3 * g - 2, 1) + interval '3 months')::date
          from generate_series(1, 4) g)
        select n.taxonomy_term_id, tt.name as term_name, tt.labels as term_labels, q.quarter,
               count(*) filter (where n.reported_on >= q.starts and n.reported_on < q.ends)::int as reported,
               count(*) filter (where n.met_on >= q.starts and n.met_on < q.ends)::int as met,
               count(*) filter (where n.reported_on < q.ends and (n.met_on is null or n.met_on >= q.ends))::int as open_at_end,
               count(*) filter (where n.status = 'open')::int as now_open,
               count(*) filter (where n.status = 'in_progress')::int as now_in_progress,
               count(*) filter (where n.status = 'met')::int as now_met
        from need n join down on down.id = n.territory_id
        join taxonomy_term tt on tt.id = n.taxonomy_term_id
        cross join q
        group by n.taxonomy_term_id, tt.name, tt.labels, q.quarter
        order by tt.name, n.taxonomy_term_id, q.quarter`,
  );
  const empty = (): NeedQuarter[] =>
    ([1, 2, 3, 4] as const).map((quarter) => ({ quarter, reported: 0, met: 0, openAtEnd: 0 }));
  const quarters = empty();
  const byTerm = new Map<string, NeedStats['categories'][number]>();
  for (const r of rows) {
    const id = String(r.taxonomy_term_id);
    let entry = byTerm.get(id);
    if (!entry) {
      entry = {
        taxonomyTermId: id,
        category: { ...((r.term_labels as Record<string, string> | null) ?? {}), name: String(r.term_name) },
        quarters: empty(),
        now: { open: Number(r.now_open), in_progress: Number(r.now_in_progress), met: Number(r.now_met) },
      };
      byTerm.set(id, entry);
    }
    const i = Number(r.quarter) - 1;
    for (const target of [entry.quarters[i]!, quarters[i]!]) {
      target.reported += Number(r.reported);
      target.met += Number(r.met);
      target.openAtEnd += Number(r.open_at_end);
    }
  }
  return { year, quarters, categories: [...byTerm.values()] };
}

/** The editable fields of a need as the API names them, read for history and the conflict view. */
export async function readNeed(db: Database | Tx, id: string, lock = false) {
  const [row] = await selectRows<Record<string, unknown>>(
    db as Database,
    sql`select territory_id, taxonomy_term_id, description, reported_by::text, severity::text, status::text,
               reported_on::text, met_on::text, organization_id, version, updated_at
        from need where id = ${id}::uuid ${lock ? sql`for update` : sql``}`,
  );
  if (!row) return null;
  return {
    territoryId: String(row.territory_id),
    version: Number(row.version),
    updatedAt: new Date(row.updated_at as string).toISOString(),
    fields: {
      taxonomyTermId: String(row.taxonomy_term_id),
      description: String(row.description),
      reportedBy: String(row.reported_by),
      severity: String(row.severity),
      status: String(row.status),
      reportedOn: String(row.reported_on),
      metOn: row.met_on === null ? null : String(row.met_on),
      organizationId: row.organization_id === null ? null : String(row.organization_id),
    } as Record<string, string | null>,
  };
}

const needColumns: Record<string, string> = {
  taxonomyTermId: 'taxonomy_term_id',
  description: 'description',
  reportedBy: 'reported_by',
  severity: 'severity',
  status: 'status',
  reportedOn: 'reported_on',
  metOn: 'met_on',
  organizationId: 'organization_id',
};

/** `set` list of the changed fields (enum and date columns take their text). */
export function needAssignments(changes: Record<string, string | null>) {
  return sql.join(
    Object.entries(changes).map(([key, value]) => sql`${sql.identifier(needColumns[key]!)} = ${value}`),
    sql`, `,
  );
}
