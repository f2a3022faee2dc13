// importHsds: read an HSDS source, validate every record, then write all of it in one transaction
// or nothing. See README.md in this folder for formats, extensions and the report.
import type { Database } from '@caremap/db';
import type { HsdsTable } from '@caremap/validators';
import { JsonSyntaxError } from './read-json';
import { openSource, type SourceOptions } from './sources';
import type { ImportProgress, ImportReport, ImportSource, ReadNotes, TableCounts } from './types';
import { validateSource } from './validate';
import { ImportWriteError, writeSource } from './write';

export { openSource } from './sources';
export type * from './types';

export interface ImportOptions extends SourceOptions {
  /** Validate and report, write nothing. */
  dryRun?: boolean;
  /** Called after every group of records, in each phase. An exception thrown here aborts the import. */
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Awaited once every record has passed, before the write transaction opens (e.g. to mark a job as
   * applying while the database is still free: on PGlite other statements wait for the transaction).
   */
  onBeforeWrite?: () => Promise<void>;
  /** Problems kept in the report (all are counted). Default 1,000. */
  maxProblems?: number;
}

/**
 * Imports an HSDS file, folder or zip (see README.md). Nothing is written unless every record
 * passes; then everything is upserted by id in one transaction. Throws only when the import itself
 * breaks (the database, or an exception from `onProgress`); a rejected source returns `ok: false`.
 */
export async function importHsds(
  db: Database,
  source: string | ImportSource,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const started = Date.now();
  // postgres.js (a separate server) gains from fewer, larger statements; PGlite runs in this process.
  const onServer = typeof (db as unknown as { $client?: unknown }).$client === 'function';
  const groupScale = options.groupScale ?? (onServer ? 5 : 1);
  const opened = typeof source === 'string' ? await openSource(source, { ...options, groupScale }) : source;
  const notes: ReadNotes = { unmapped: new Map(), warnings: [], problems: [] };
  const report = (
    ok: boolean,
    tables: ImportReport['tables'],
    problems: ImportReport['problems'],
  ): ImportReport => ({
    ok,
    dryRun: options.dryRun ?? false,
    format: opened.format,
    ...(opened.hsdsVersion ? { hsdsVersion: opened.hsdsVersion } : {}),
    tables,
    problems,
    unmapped: [...notes.unmapped.values()],
    warnings: notes.warnings,
    durationMs: Date.now() - started,
  });
  try {
    let validation: Awaited<ReturnType<typeof validateSource>>;
    try {
      validation = await validateSource(db, opened, notes, {
        maxProblems: options.maxProblems ?? 1_000,
        onProgress: options.onProgress,
      });
    } catch (error) {
      if (!(error instanceof JsonSyntaxError) && !isReadError(error)) throw error;
      return report(false, {}, [
        ...notes.problems,
        { file: '', record: { index: -1 }, field: '', problem: (error as Error).message },
      ]);
    }
    const tables: Partial<Record<HsdsTable, TableCounts>> = {};
    for (const [table, ids] of validation.ids)
      tables[table] = { read: ids.size, inserted: 0, updated: 0, unchanged: 0 };
    const problems = [...notes.problems, ...validation.problems];
    if (problems.length || validation.problemCount) return report(false, tables, problems);
    if (options.dryRun) return report(true, tables, []);
    await options.onBeforeWrite?.();

    try {
      await db.transaction(async (tx) => {
        await writeSource(
          tx as unknown as Database,
          opened,
          validation,
          tables,
          options.onProgress,
          500 * Math.min(groupScale, 4),
        );
      });
    } catch (error) {
      if (!(error instanceof ImportWriteError)) throw error;
      for (const counts of Object.values(tables))
        Object.assign(counts, { inserted: 0, updated: 0, unchanged: 0 });
      return report(false, tables, [error.problem]);
    }
    options.onProgress?.({
      phase: 'done',
      validated: validation.records,
      written: validation.records,
      total: validation.records,
    });
    return report(true, tables, []);
  } finally {
    if (typeof source === 'string') await opened.close();
  }
}

function isReadError(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return typeof code === 'string' && (code.startsWith('CSV_') || code === 'ENOENT' || code.startsWith('ZIP'));
}
