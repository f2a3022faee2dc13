// The import worker: runs inside every server process beside the outbox sender. It claims queued
// import jobs (FOR UPDATE SKIP LOCKED, a lease it renews while it works), checks the uploader's
// territories, runs the HSDS importer (validate everything, then one transaction) and writes
// progress to the job row at most every `progressEveryMs`. The importer yields to the event loop
// between groups of records, so other requests are answered while a large file is imported.
// A crash mid-import rolls the transaction back; the job is failed once its lease runs out.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Database } from '@caremap/db';
import { schema } from '@caremap/db';
import { and, eq, isNull } from 'drizzle-orm';
import { loadSessionUser } from '../auth/session';
import { importHsds, openSource } from '../hsds/import/index';
import type { ImportSource } from '../hsds/import/types';
import { scopeOf } from '../policy';
import {
  type ClaimedJob,
  claimNextJob,
  failStaleJobs,
  failureReport,
  finishJob,
  type JobReport,
  jobReport,
  type Progress,
  writeProgress,
} from './jobs';
import { locationsOutsideTerritory } from './territory-check';

export interface ImportWorkerOptions {
  db: Database;
  /** How long a claimed job belongs to this worker without a sign of life. */
  leaseMs?: number;
  pollMs?: number;
  /** Progress is written to the job row at most this often (and at every phase change). */
  progressEveryMs?: number;
  /** Counts and codes only: never file contents, names or addresses. */
  log?: (level: 'info' | 'warn', fields: Record<string, unknown>, message: string) => void;
}

/** Thrown from the importer's callbacks when the server stops: the transaction rolls back. */
class Stopping extends Error {}

export const IMPORT_WORKER_DEFAULTS = { leaseMs: 60_000, pollMs: 5_000, progressEveryMs: 500 };

export class ImportWorker {
  private readonly options: Required<Omit<ImportWorkerOptions, 'log'>> & Pick<ImportWorkerOptions, 'log'>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private again = false;
  private stopped = false;
  /** Ids of the jobs this process is running now (their lease is ours even if it lags). */
  private readonly mine = new Set<string>();

  constructor(options: ImportWorkerOptions) {
    this.options = { ...IMPORT_WORKER_DEFAULTS, ...options };
  }

  /** Runs queued jobs until none is left; resolves with how many it ran. Passes never overlap. */
  runOnce(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.runOnce().catch(() => undefined);
      }
    });
    return this.running;
  }

  /** A new job was queued in this process: start now instead of at the next poll. */
  wake(): void {
    if (!this.stopped) void this.runOnce().catch((error: unknown) => this.warn(error, 'import pass failed'));
  }

  private async pass(): Promise<number> {
    const { db, leaseMs } = this.options;
    for (const stale of await failStaleJobs(db, [...this.mine])) {
      this.options.log?.('warn', { job: stale.id }, 'import job failed: its worker stopped (lease ran out)');
      await rm(stale.file_path, { force: true }).catch(() => undefined);
    }
    let ran = 0;
    while (!this.stopped) {
      const job = await claimNextJob(db, leaseMs);
      if (!job) break;
      await this.run(job);
      ran++;
    }
    return ran;
  }

  private async run(job: ClaimedJob): Promise<void> {
    const { db, leaseMs, progressEveryMs } = this.options;
    this.mine.add(job.id);
    const started = Date.now();
    // Progress writes are queued one after another (never awaited inside the importer's callback).
    let writes: Promise<void> = Promise.resolve();
    let lastWrite = 0;
    let pending: Progress = {};
    const flush = () => {
      const next = pending;
      pending = {};
      lastWrite = Date.now();
      writes = writes
        .then(() => writeProgress(db, job, next, leaseMs))
        .catch((e) => this.warn(e, 'progress write failed'));
      return writes;
    };
    const report = (progress: Progress, now = false) => {
      if (this.stopped) throw new Stopping('the server is stopping');
      Object.assign(pending, progress);
      if (now || Date.now() - lastWrite >= progressEveryMs) void flush();
    };
    const heartbeat = setInterval(() => void flush(), Math.max(1_000, Math.floor(leaseMs / 3)));
    heartbeat.unref();
    let source: ImportSource | undefined;
    try {
      const [user] = await db
        .select()
        .from(schema.appUser)
        .where(and(eq(schema.appUser.id, job.createdByUserId), isNull(schema.appUser.disabledAt)));
      const actor = user ? await loadSessionUser(db, user) : null;
      if (!actor || !scopeOf(actor, 'directory_import', 'create')) {
        return await finishJob(
          db,
          job,
          failureReport({
            file: job.fileName,
            record: { index: -1 },
            field: '',
            code: 'not_allowed',
            problem: 'the uploader may no longer import into the directory',
          }),
        );
      }
      if (!existsSync(job.filePath)) {
        return await finishJob(
          db,
          job,
          failureReport({
            file: job.fileName,
            record: { index: -1 },
            field: '',
            code: 'file_missing',
            problem:
              'the uploaded file is not on this server (with several servers, CAREMAP_IMPORT_DIR must be a shared folder)',
          }),
        );
      }
      try {
        source = await openSource(job.filePath);
      } catch (error) {
        return await finishJob(
          db,
          job,
          failureReport({
            file: job.fileName,
            record: { index: -1 },
            field: '',
            code: 'unreadable',
            problem: `the file could not be read as HSDS: ${(error as Error).message}`,
          }),
        );
      }
      report({ format: source.format }, true);
      const placed = await locationsOutsideTerritory(db, source, actor, (read) =>
        report({ recordsRead: read }),
      );
      if (placed.problems.length) {
        return await finishJob(
          db,
          job,
          this.named(
            job,
            jobReport({
              ok: false,
              format: source.format,
              ...(source.hsdsVersion ? { hsdsVersion: source.hsdsVersion } : {}),
              problems: placed.problems.slice(0, 1_000),
              problemCount: placed.problems.length,
              warnings: [],
              unmapped: [],
              tables: {},
            }),
          ),
          { recordsRead: placed.records },
        );
      }
      const result = await importHsds(db, source, {
        onProgress: (p) => {
          if (p.phase === 'validate')
            report({
              recordsValidated: p.validated,
              ...(placed.records ? {} : { recordsRead: p.validated }),
            });
          else
            report({
              recordsWritten: p.written,
              ...(p.total !== undefined ? { recordsTotal: p.total } : {}),
            });
        },
        // Marked before the transaction opens: on PGlite, writes outside it wait until it commits.
        onBeforeWrite: async () => {
          report({ status: 'applying' }, true);
          await writes;
        },
      });
      const total = Object.values(result.tables).reduce((n, t) => n + (t?.read ?? 0), 0);
      await flush();
      await finishJob(db, job, this.named(job, jobReport(result)), {
        recordsTotal: total,
        ...(result.ok ? { recordsWritten: total } : {}),
      });
      this.options.log?.(
        'info',
        {
          job: job.id,
          ok: result.ok,
          format: result.format,
          records: total,
          problems: result.problems.length,
          ms: Date.now() - started,
        },
        'import job finished',
      );
    } catch (error) {
      const stopping = error instanceof Stopping;
      if (!stopping) this.warn(error, 'import job broke off');
      await writes;
      await finishJob(
        db,
        job,
        failureReport({
          file: job.fileName,
          record: { index: -1 },
          field: '',
          code: stopping ? 'interrupted' : 'import_broke',
          problem: stopping
            ? 'the server stopped during this import; nothing from this file was written'
            : 'the import broke off; nothing from this file was written',
        }),
      ).catch((e) => this.warn(e, 'could not mark the import job failed'));
    } finally {
      clearInterval(heartbeat);
      await writes;
      await source?.close().catch(() => undefined);
      await rm(job.filePath, { force: true }).catch(() => undefined);
      this.mine.delete(job.id);
    }
  }

  /** A plain JSON file is read under its name on disk (a random one): the report names the upload. */
  private named(job: ClaimedJob, report: JobReport): JobReport {
    const onDisk = basename(job.filePath);
    const rename = <T extends { file: string }>(x: T): T =>
      x.file === onDisk ? { ...x, file: job.fileName } : x;
    return {
      ...report,
      problems: report.problems.map(rename),
      warnings: report.warnings.map(rename),
      unmapped: report.unmapped.map(rename),
    };
  }

  private warn(error: unknown, message: string) {
    const e = error as { code?: unknown; name?: unknown };
    this.options.log?.(
      'warn',
      { code: typeof e?.code === 'string' ? e.code : String(e?.name ?? 'Error') },
      message,
    );
  }

  start(pollMs = this.options.pollMs): this {
    this.stopped = false;
    const tick = () => this.runOnce().catch((error: unknown) => this.warn(error, 'import pass failed'));
    void tick();
    this.timer = setInterval(tick, pollMs);
    this.timer.unref();
    return this;
  }

  /** Stops polling; a job in progress is rolled back and failed as interrupted (upload it again). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}
