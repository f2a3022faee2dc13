// Opens what the user points at (a JSON file, a folder, a zip) and picks the reader for it.
import { createReadStream, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Readable } from 'node:stream';
import type { HsdsTable } from '@caremap/validators';
import { type Container, csvRows, openFolder, openZip } from './container';
import { flattenObject } from './flatten';
import { isLegacyPackage, legacyGroups, legacyVersion, readDeclaredVersion } from './legacy';
import { readJsonValues } from './read-json';
import { knownField, tableOfFile, typedCell, writeOrder } from './tables';
import { type ImportSource, noteUnmapped, type RawRecord, type ReadNotes, type RecordGroup } from './types';

/** Top-level objects (with everything nested in them) per group, and flat rows per group. */
const OBJECTS_PER_GROUP = 100;
const ROWS_PER_GROUP = 1_000;

export interface SourceOptions {
  /** What the top-level objects of a JSON file are; guessed from their fields when absent. */
  kind?: HsdsTable;
  /**
   * Multiplies the group sizes (100 objects / 1,000 rows). Larger groups mean fewer round trips;
   * on the in-process PGlite every statement blocks the event loop, so it keeps 1 there.
   */
  groupScale?: number;
}

/** Guesses which HSDS object a top-level JSON value is from the fields only that object has. */
export function guessKind(value: unknown): HsdsTable {
  if (typeof value !== 'object' || value === null) return 'service';
  const has = (k: string) => k in value;
  if (has('status')) return 'service';
  if (has('location_type')) return 'location';
  if ((has('service_id') && has('location_id')) || has('location') || has('service'))
    return 'service_at_location';
  if (has('code') || has('parent_id') || has('taxonomy_id') || has('taxonomy_detail') || has('term_uri'))
    return 'taxonomy_term';
  const orgFields = [
    'website',
    'tax_id',
    'tax_status',
    'legal_status',
    'year_incorporated',
    'services',
    'locations',
  ];
  if (orgFields.some(has) || has('organization_identifiers') || has('programs')) return 'organization';
  if (has('version') || (has('uri') && !has('email'))) return 'taxonomy';
  return 'organization';
}

export async function openSource(path: string, options: SourceOptions = {}): Promise<ImportSource> {
  const stat = statSync(path);
  const container = stat.isDirectory()
    ? openFolder(path)
    : /\.zip$/i.test(path)
      ? await openZip(path)
      : basename(path).toLowerCase() === 'datapackage.json'
        ? openFolder(dirname(path))
        : undefined;
  if (container) {
    await readDeclaredVersion(container);
    return containerSource(container, options.groupScale ?? 1);
  }
  if (/\.csv$/i.test(path)) {
    throw new Error(
      'A CSV file alone is not a datapackage: import its folder or zip (with datapackage.json).',
    );
  }
  return jsonFileSource(path, options);
}

function jsonFileSource(path: string, options: SourceOptions): ImportSource {
  const file = basename(path);
  return {
    format: 'hsds-json',
    groups: (notes) =>
      jsonGroups(
        () => Promise.resolve(createReadStream(path)),
        file,
        notes,
        options.kind,
        options.groupScale ?? 1,
      ),
    close: async () => {},
  };
}

async function* jsonGroups(
  open: () => Promise<Readable>,
  file: string,
  notes: ReadNotes | undefined,
  kind: HsdsTable | undefined,
  scale: number,
): AsyncGenerator<RecordGroup> {
  let group: RawRecord[] = [];
  let objects = 0;
  for await (const { index, value } of readJsonValues(open, file)) {
    flattenObject(kind ?? guessKind(value), value, { file, index, notes }, group);
    if (++objects >= OBJECTS_PER_GROUP * scale) {
      yield group;
      group = [];
      objects = 0;
    }
  }
  if (group.length) yield group;
}

function containerSource(container: Container, scale: number): ImportSource {
  const csvs = container.files.filter((f) => /\.csv$/i.test(f));
  if (csvs.length && isLegacyPackage(container)) {
    return {
      format: 'hsds-legacy-tabular',
      hsdsVersion: legacyVersion(container),
      groups: (notes) => legacyGroups(container, notes, scale),
      close: () => container.close(),
    };
  }
  const tabular = csvs.length > 0;
  return {
    format: tabular ? 'hsds-tabular' : 'hsds-json-package',
    hsdsVersion: '3.0',
    groups: (notes) => packageGroups(container, tabular ? 'csv' : 'json', notes, scale),
    close: () => container.close(),
  };
}

async function* packageGroups(
  container: Container,
  ext: 'csv' | 'json',
  notes: ReadNotes | undefined,
  scale: number,
): AsyncGenerator<RecordGroup> {
  const used = new Set<string>();
  for (const table of writeOrder) {
    const files = container.files.filter(
      (f) =>
        !f.startsWith('__MACOSX/') &&
        f.toLowerCase().endsWith(`.${ext}`) &&
        tableOfFile(basename(f)) === table,
    );
    for (const file of files) {
      used.add(file);
      if (ext === 'json') yield* jsonGroups(() => container.open(file), file, notes, table, scale);
      else yield* csvGroups(container, file, table, notes, scale);
    }
  }
  for (const file of container.files) {
    const ignorable = basename(file).toLowerCase() === 'datapackage.json' || !/\.(csv|json)$/i.test(file);
    if (!used.has(file) && !ignorable) {
      notes?.warnings.push({
        file,
        message: 'not an HSDS 3.0 table CareMap stores; the file was not imported',
      });
    }
  }
}

async function* csvGroups(
  container: Container,
  file: string,
  table: HsdsTable,
  notes: ReadNotes | undefined,
  scale: number,
): AsyncGenerator<RecordGroup> {
  let group: RawRecord[] = [];
  let index = 0;
  for await (const row of csvRows(container, file)) {
    const data: Record<string, unknown> = {};
    for (const [column, cell] of Object.entries(row)) {
      if (cell === '' || cell === undefined) continue;
      if (knownField(table, column)) data[column] = typedCell(table, column, cell);
      else noteUnmapped(notes, file, column);
    }
    group.push({ table, file, index: index++, data });
    if (group.length >= ROWS_PER_GROUP * scale) {
      yield group;
      group = [];
    }
  }
  if (group.length) yield group;
}
