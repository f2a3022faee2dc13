// The shapes an import passes between its readers, its validator, its writer and its caller.
import type { HsdsTable } from '@caremap/validators';

/** One flat HSDS 3.0 row as a reader produced it, with where it came from. */
export interface RawRecord {
  table: HsdsTable;
  /** File in the source (the file itself for a plain JSON file). */
  file: string;
  /** Position in that file: array element, NDJSON line or CSV data row, from 0. */
  index: number;
  /** Field names as HSDS 3.0 spells them; nested arrays already taken apart. */
  data: Record<string, unknown>;
  /** For a row taken out of a nested object: the top-level object's id, and the path to the row. */
  rootId?: string;
  path?: string;
  /** For a row mapped from an older HSDS table: the source column of each 3.0 field. */
  columns?: Record<string, string>;
}

/** Records a reader hands over together; the writer writes each group in dependency order. */
export type RecordGroup = RawRecord[];

export interface ImportProblem {
  file: string;
  record: { index: number; id?: string };
  /** Path of the field inside the record, e.g. `email` or `contacts.0.email` for nested input. */
  field: string;
  problem: string;
}

/** A column (or nested field) of the source that has no place in HSDS 3.0 as CareMap stores it. */
export interface UnmappedColumn {
  file: string;
  column: string;
  /** Rows in which the column held a value. */
  rows: number;
}

export interface ImportWarning {
  file: string;
  record?: { index: number; id?: string };
  field?: string;
  message: string;
}

export type SourceFormat = 'hsds-json' | 'hsds-json-package' | 'hsds-tabular' | 'hsds-legacy-tabular';

/** What the readers learn about a source while reading it (first pass only). */
export interface ReadNotes {
  unmapped: Map<string, UnmappedColumn>;
  warnings: ImportWarning[];
  problems: ImportProblem[];
}

export interface ImportSource {
  format: SourceFormat;
  /** For legacy packages: the HSDS version the datapackage declares or the tables suggest. */
  hsdsVersion?: string;
  /** Reads the source from the start; called twice (validate, then write). */
  groups(notes: ReadNotes | undefined): AsyncIterable<RecordGroup>;
  close(): Promise<void>;
}

export type ImportPhase = 'validate' | 'write' | 'done';
export interface ImportProgress {
  phase: ImportPhase;
  validated: number;
  written: number;
  /** Records in the source, once the validation pass has counted them. */
  total?: number;
}

export interface TableCounts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  /** True when the whole source was accepted (and, unless a dry run, written). */
  ok: boolean;
  dryRun: boolean;
  format: SourceFormat;
  hsdsVersion?: string;
  /** Records read per table; written counts are zero on a dry run or a rejected source. */
  tables: Partial<Record<HsdsTable, TableCounts>>;
  problems: ImportProblem[];
  unmapped: UnmappedColumn[];
  warnings: ImportWarning[];
  durationMs: number;
}

export function noteUnmapped(notes: ReadNotes | undefined, file: string, column: string): void {
  if (!notes) return;
  const key = `${file}\u0000${column}`;
  const entry = notes.unmapped.get(key);
  if (entry) entry.rows++;
  else notes.unmapped.set(key, { file, column, rows: 1 });
}
