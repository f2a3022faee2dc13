// The import_job rows: created by the upload route, claimed by a worker (FOR UPDATE SKIP LOCKED and a
// lease, so replicas share the queue), moved through validating -> applying -> succeeded | failed,
// and read back by the upload page through tRPC (directoryImport.get / .list).
import type { Database } from '@caremap/db';
import { schema, selectRows } from '@caremap/db';
import type { ImportJobStatus } from '@caremap/db/schema';
import { and, desc, eq, sql } from 'drizzle-orm';
import type {
  ImportReport,
  ImportWarning,
  SourceFormat,
  TableCounts,
  UnmappedColumn,
} from '../hsds/import/types';
import { type Actor, scopeOf } from '../policy';
import type { JobProblem } from './territory-check';

const { importJob, appUser } = schema;

/** What a finished job keeps: the importer's report without its timings, warnings capped. */
export interface JobReport {
  ok: boolean;
  format?: SourceFormat;
  hsdsVersion?: string;
  problems: JobProblem[];
  /** All problems found; `problems` keeps the first 1,000. */
  problemCount: number;
  warnings: ImportWarning[];
  warningCount: number;
  unmapped: UnmappedColumn[];
  tables: ImportReport['tables'];
}

export const MAX_STORED_WARNINGS = 200;

export function jobReport(
  report: Pick<ImportReport, 'ok' | 'problems' | 'warnings' | 'unmapped' | 'tables'> &
    Partial<Pick<ImportReport, 'format' | 'hsdsVersion'>> & { problemCount?: number },
): JobReport {
  return {
    ok: report.ok,
    ...(report.format ? { format: report.format } : {}),
    ...(report.hsdsVersion ? { hsdsVersion: report.hsdsVersion } : {}),
    problems: report.problems,
    problemCount: report.problemCount ?? report.problems.length,
    warnings: report.warnings.slice(0, MAX_STORED_WARNINGS),
    warningCount: report.warnings.length,
    unmapped: report.unmapped,
    tables: report.tables,
  };
}

export function failureReport(problem: JobProblem): JobReport {
  return jobReport({ ok: false, problems: [problem], warnings: [], unmapped: [], tables: {} });
}

export async function createImportJob(
  db: Database,
  job: { createdByUserId: string; fileName: string; filePath: string; sizeBytes: number; format?: string },
): Promise<string> {
  const [row] = await db.insert(importJob).values(job).returning({ id: importJob.id });
  return row!.id;
}

export interface ClaimedJob {
  id: string;
  createdByUserId: string;
  fileName: string;
  filePath: string;
  attempts: number;
}

/** Takes the oldest queued job, skipping rows another worker is claiming right now. */
export async function claimNextJob(db: Database, leaseMs: number): Promise<ClaimedJob | undefined> {
  const [row] = await selectRows<{
    id: string;
    created_by_user_id: string;
    file_name: string;
    file_path: string;
    attempts: number;
  }>(
    db,
    sql`update import_job set status = 'validating', attempts = attempts + 1,
          lease_until = now() + ${leaseMs} * interval '1 millisecond',
          started_at = now(), updated_at = now()
        where id = (
          select id from import_job where status = 'queued'
           order by created_at, id limit 1
           for update skip locked)
        returning id, created_by_user_id, file_name, file_path, attempts`,
  );
  return row
    ? {
        id: row.id,
        createdByUserId: row.created_by_user_id,
        fileName: row.file_name,
        filePath: row.file_path,
        attempts: Number(row.attempts),
      }
    : undefined;
}

/**
 * Jobs whose worker stopped (a crash or a restart mid-import) are failed once their lease has run
 * out. The import is one transaction, so their data is as it was before; the file is named, the
 * report says so. `running` are this process's own jobs (their lease may lag while PGlite is busy).
 */
export async function failStaleJobs(
  db: Database,
  running: readonly string[],
): Promise<{ id: string; file_path: string }[]> {
  const report = failureReport({
    file: '',
    record: { index: -1 },
    field: '',
    code: 'interrupted',
    problem: 'the server stopped during this import; nothing from this file was written',
  });
  return selectRows<{ id: string; file_path: string }>(
    db,
    sql`update import_job set status = 'failed', lease_until = null, finished_at = now(), updated_at = now(),
          report = ${JSON.stringify(report)}::jsonb
        where status in ('validating', 'applying') and lease_until < now()
          and not (id = any(${`{${running.join(',')}}`}::uuid[]))
        returning id, file_path`,
  );
}

/** Only the claim this worker holds may change the row (a replica may have failed it as stale). */
export const ourClaim = (job: ClaimedJob) =>
  and(
    eq(importJob.id, job.id),
    eq(importJob.attempts, job.attempts),
    sql`${importJob.status} in ('validating', 'applying')`,
  );

export interface Progress {
  status?: ImportJobStatus;
  recordsRead?: number;
  recordsValidated?: number;
  recordsWritten?: number;
  recordsTotal?: number;
  format?: string;
}

export async function writeProgress(db: Database, job: ClaimedJob, progress: Progress, leaseMs: number) {
  await db
    .update(importJob)
    .set({ ...progress, updatedAt: new Date(), leaseUntil: new Date(Date.now() + leaseMs) })
    .where(ourClaim(job));
}

export async function finishJob(db: Database, job: ClaimedJob, report: JobReport, progress: Progress = {}) {
  const counts = Object.values(report.tables).reduce(
    (sum, t: TableCounts | undefined) => ({
      created: sum.created + (t?.inserted ?? 0),
      updated: sum.updated + (t?.updated ?? 0),
      unchanged: sum.unchanged + (t?.unchanged ?? 0),
    }),
    { created: 0, updated: 0, unchanged: 0 },
  );
  await db
    .update(importJob)
    .set({
      ...progress,
      ...(report.ok ? counts : { created: 0, updated: 0, unchanged: 0 }),
      status: report.ok ? 'succeeded' : 'failed',
      report: report as unknown as Record<string, unknown>,
      leaseUntil: null,
      finishedAt: new Date(),
      updatedAt: new Date(),
      ...(report.format ? { format: report.format } : {}),
    })
    .where(ourClaim(job));
}

/** A job as the upload page sees it (never the path on disk). */
export interface ImportJobView {
  id: string;
  fileName: string;
  sizeBytes: number;
  format: string | null;
  status: ImportJobStatus;
  progress: { read: number; validated: number; written: number; total: number | null };
  counts: { created: number; updated: number; unchanged: number };
  report: JobReport | null;
  createdBy: { id: string; displayName: string };
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const viewColumns = {
  job: importJob,
  displayName: appUser.displayName,
};

function toView(row: { job: typeof importJob.$inferSelect; displayName: string }): ImportJobView {
  const j = row.job;
  return {
    id: j.id,
    fileName: j.fileName,
    sizeBytes: Number(j.sizeBytes),
    format: j.format,
    status: j.status,
    progress: {
      read: j.recordsRead,
      validated: j.recordsValidated,
      written: j.recordsWritten,
      total: j.recordsTotal,
    },
    counts: { created: j.created, updated: j.updated, unchanged: j.unchanged },
    report: (j.report as unknown as JobReport | null) ?? null,
    createdBy: { id: j.createdByUserId, displayName: row.displayName },
    createdAt: j.createdAt,
    startedAt: j.startedAt,
    finishedAt: j.finishedAt,
  };
}

/** Jobs below scope `all` are the caller's own. */
const visibleTo = (actor: Actor) =>
  scopeOf(actor, 'directory_import', 'read') === 'all'
    ? undefined
    : eq(importJob.createdByUserId, actor.userId);

export async function getImportJob(
  db: Database,
  actor: Actor,
  id: string,
): Promise<ImportJobView | undefined> {
  const [row] = await db
    .select(viewColumns)
    .from(importJob)
    .innerJoin(appUser, eq(appUser.id, importJob.createdByUserId))
    .where(and(eq(importJob.id, id), visibleTo(actor)))
    .limit(1);
  return row ? toView(row) : undefined;
}

export async function listImportJobs(db: Database, actor: Actor, limit: number): Promise<ImportJobView[]> {
  const rows = await db
    .select(viewColumns)
    .from(importJob)
    .innerJoin(appUser, eq(appUser.id, importJob.createdByUserId))
    .where(visibleTo(actor))
    .orderBy(desc(importJob.createdAt), desc(importJob.id))
    .limit(limit);
  // The list shows status and counts; the full report is fetched per job.
  return rows.map((r) => ({ ...toView(r), report: null }));
}
