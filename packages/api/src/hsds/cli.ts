// `pnpm hsds import <file-or-folder> [--dry-run] [--json] [--kind <object>]`
// `pnpm hsds export <folder>`
// Opens the database the way the server does (DATABASE_URL, else the embedded one in
// CAREMAP_DATA_DIR), prints progress on stderr and the report on stdout, and exits 1 when the
// source is rejected. Export writes the HSDS 3.0 JSON files the public API serves.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '@caremap/db';
import { type HsdsTable, hsdsTables } from '@caremap/validators';
import { exportHsds } from './export';
import { type ImportProgress, type ImportReport, importHsds } from './import/index';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
// pnpm runs the script inside packages/api; paths the user typed are relative to where they typed them.
const userCwd = process.env.INIT_CWD ?? process.cwd();

const USAGE = `Usage:
  pnpm hsds import <file-or-folder> [--dry-run] [--json] [--kind <object>]
      HSDS 3.0 JSON (array, page, NDJSON or one object), a folder or zip of per-object JSON
      files, or a tabular datapackage (3.0, 1.1 or 2.0: datapackage.json + CSV files).
      --dry-run  validate and report, write nothing
      --json     print the whole report as JSON
      --kind     what the top-level objects of a JSON file are (default: guessed), e.g. service
  pnpm hsds export <folder>
      writes services.json (compiled services), organizations.json, taxonomies.json,
      taxonomy_terms.json and datapackage.json: what /api/hsds serves, hidden addresses withheld

Database: DATABASE_URL (PostgreSQL), else the embedded database in CAREMAP_DATA_DIR
(default ${resolve(repoRoot, '.caremap/data')}).`;

function printReport(report: ImportReport, json: boolean) {
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const lines: string[] = [];
  const verdict = report.ok
    ? report.dryRun
      ? 'valid (dry run, nothing written)'
      : 'imported'
    : 'REJECTED, nothing written';
  lines.push(
    `${verdict}: ${report.format}${report.hsdsVersion ? ` (HSDS ${report.hsdsVersion})` : ''} in ${report.durationMs} ms`,
  );
  for (const [table, c] of Object.entries(report.tables)) {
    lines.push(
      `  ${table.padEnd(24)} ${String(c.read).padStart(7)} read  ${c.inserted} new, ${c.updated} changed, ${c.unchanged} unchanged`,
    );
  }
  if (report.problems.length) {
    lines.push('', `Problems (${report.problems.length}):`);
    for (const p of report.problems) {
      lines.push(
        `  ${p.file} record ${p.record.index}${p.record.id ? ` (${p.record.id})` : ''} ${p.field}: ${p.problem}`,
      );
    }
  }
  if (report.unmapped.length) {
    lines.push('', 'Columns with no place in HSDS 3.0 (not imported):');
    for (const u of report.unmapped) lines.push(`  ${u.file} ${u.column}: ${u.rows} row(s)`);
  }
  if (report.warnings.length) {
    lines.push('', `Warnings (${report.warnings.length}):`);
    for (const w of report.warnings) {
      lines.push(
        `  ${w.file}${w.record ? ` record ${w.record.index}` : ''}${w.field ? ` ${w.field}` : ''}: ${w.message}`,
      );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function progressPrinter() {
  let last = 0;
  let phase = '';
  return (p: ImportProgress) => {
    const now = Date.now();
    if (p.phase === phase && now - last < 500) return;
    phase = p.phase;
    last = now;
    const what =
      p.phase === 'validate'
        ? `validated ${p.validated}`
        : p.phase === 'write'
          ? `written ${p.written} of ${p.total}`
          : 'done';
    process.stderr.write(`  ${p.phase}: ${what} records\n`);
  };
}

async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, kind: { type: 'string' } },
  });
  const [target] = positionals;
  if (!target || positionals.length > 1) throw new UsageError('import needs exactly one file or folder');
  const kind = values.kind as HsdsTable | undefined;
  if (kind && !hsdsTables.includes(kind))
    throw new UsageError(`--kind must be one of ${hsdsTables.join(', ')}`);
  const path = resolve(userCwd, target);
  const handle = await openConfiguredDatabase();
  try {
    await handle.migrate();
    process.stderr.write(
      `Importing ${path} into ${handle.kind === 'pglite' ? `the embedded database in ${handle.location}` : handle.location}\n`,
    );
    const report = await importHsds(handle.db, path, {
      dryRun: values['dry-run'] ?? false,
      ...(kind ? { kind } : {}),
      onProgress: progressPrinter(),
    });
    printReport(report, values.json ?? false);
    return report.ok ? 0 : 1;
  } finally {
    await handle.close();
  }
}

class UsageError extends Error {}

async function openConfiguredDatabase() {
  const dataDir = resolve(userCwd, process.env.CAREMAP_DATA_DIR || resolve(repoRoot, '.caremap/data'));
  return openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir });
}

async function runExport(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [target] = positionals;
  if (!target || positionals.length > 1) throw new UsageError('export needs exactly one folder');
  const dir = resolve(userCwd, target);
  const handle = await openConfiguredDatabase();
  try {
    await handle.migrate();
    process.stderr.write(`Exporting to ${dir}\n`);
    const summary = await exportHsds(handle.db, {
      dir,
      onProgress: (file, written) => process.stderr.write(`  ${file}: ${written}\n`),
    });
    for (const [file, n] of Object.entries(summary.files)) process.stdout.write(`${file}: ${n} records\n`);
    return 0;
  } finally {
    await handle.close();
  }
}

const commands: Record<string, (args: string[]) => Promise<number>> = {
  import: runImport,
  export: runExport,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const run = command ? commands[command] : undefined;
  if (!run) {
    process.stderr.write(
      `${command && command !== '--help' ? `Unknown command: ${command}\n\n` : ''}${USAGE}\n`,
    );
    return command === '--help' ? 0 : 2;
  }
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const usage = error instanceof UsageError;
    process.stderr.write(`hsds: ${(error as Error).message}\n${usage ? `\n${USAGE}\n` : ''}`);
    process.exit(2);
  },
);
