// HSDS 3.0 JSON export: a folder with `services.json` (an array of compiled service objects, the
// same projection the API serves), `organizations.json`, `taxonomies.json`, `taxonomy_terms.json`
// and a `datapackage.json` naming them. Written in batches through a stream, so 100,000 services
// never sit in memory at once; hidden addresses leave the building exactly as the API shows them.
import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '@caremap/db';
import { type Page, selectOrganizations, selectTaxonomies, selectTaxonomyTerms } from './catalog';
import type { HsdsObject } from './format';
import { projectOrganizations, projectServices, projectTaxonomies, projectTaxonomyTerms } from './project';
import { type Cursor, selectServices } from './select';

export interface ExportOptions {
  /** Folder to write into (created if missing). Files appear only when complete. */
  dir: string;
  /** Services per batch (default 200). */
  batchSize?: number;
  /** The moment schedules' UTC offsets are taken at (default: now). */
  at?: Date;
  onProgress?: (file: string, written: number) => void;
}

export interface ExportSummary {
  files: Record<string, number>;
}

/** Writes a JSON array item by item, honouring the stream's backpressure; renames into place at the end. */
async function writeArray(
  path: string,
  batches: AsyncIterable<HsdsObject[]>,
  onBatch?: (written: number) => void,
): Promise<number> {
  const partial = `${path}.partial`;
  const out = createWriteStream(partial, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let written = 0;
  try {
    await write('[');
    for await (const batch of batches) {
      for (const item of batch) {
        await write(`${written === 0 ? '\n' : ',\n'}${JSON.stringify(item)}`);
        written++;
      }
      onBatch?.(written);
    }
    await write(written ? '\n]\n' : ']\n');
    out.end();
    await once(out, 'finish');
    await rename(partial, path);
    return written;
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

async function* serviceBatches(db: Database, size: number, at: Date) {
  let after: Cursor | null = null;
  for (;;) {
    const page = await selectServices(db, {}, { after, limit: size });
    if (page.ids.length === 0) return;
    yield await projectServices(db, page.ids, { at });
    after = page.last;
    if (page.ids.length < size) return;
  }
}

async function* pagedBatches(
  select: (window: Page) => Promise<{ ids: string[] }>,
  project: (ids: string[]) => Promise<HsdsObject[]>,
  size: number,
) {
  for (let offset = 0; ; offset += size) {
    const { ids } = await select({ offset, limit: size });
    if (ids.length === 0) return;
    yield await project(ids);
    if (ids.length < size) return;
  }
}

export async function exportHsds(db: Database, options: ExportOptions): Promise<ExportSummary> {
  const size = options.batchSize ?? 200;
  const at = options.at ?? new Date();
  mkdirSync(options.dir, { recursive: true });
  const files: Record<string, number> = {};
  const progress = (file: string) => (n: number) => options.onProgress?.(file, n);

  files['services.json'] = await writeArray(
    join(options.dir, 'services.json'),
    serviceBatches(db, size, at),
    progress('services.json'),
  );
  files['organizations.json'] = await writeArray(
    join(options.dir, 'organizations.json'),
    pagedBatches(
      (w) => selectOrganizations(db, {}, w),
      (ids) => projectOrganizations(db, ids, { at }),
      size,
    ),
    progress('organizations.json'),
  );
  files['taxonomies.json'] = await writeArray(
    join(options.dir, 'taxonomies.json'),
    pagedBatches(
      (w) => selectTaxonomies(db, {}, w),
      (ids) => projectTaxonomies(db, ids),
      size,
    ),
    progress('taxonomies.json'),
  );
  files['taxonomy_terms.json'] = await writeArray(
    join(options.dir, 'taxonomy_terms.json'),
    pagedBatches(
      (w) => selectTaxonomyTerms(db, {}, w),
      (ids) => projectTaxonomyTerms(db, ids),
      size,
    ),
    progress('taxonomy_terms.json'),
  );

  const schemaBase = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';
  const descriptor = {
    name: 'caremap-hsds-export',
    profile: 'data-package',
    created: at.toISOString(),
    hsds_version: '3.0.1',
    resources: [
      {
        name: 'services',
        path: 'services.json',
        schema: `${schemaBase}compiled/service.json`,
        count: files['services.json'],
      },
      {
        name: 'organizations',
        path: 'organizations.json',
        schema: `${schemaBase}compiled/organization.json`,
        count: files['organizations.json'],
      },
      {
        name: 'taxonomies',
        path: 'taxonomies.json',
        schema: `${schemaBase}taxonomy.json`,
        count: files['taxonomies.json'],
      },
      {
        name: 'taxonomy_terms',
        path: 'taxonomy_terms.json',
        schema: `${schemaBase}taxonomy_term.json`,
        count: files['taxonomy_terms.json'],
      },
    ].map((r) => ({ ...r, format: 'json', mediatype: 'application/json', encoding: 'utf-8' })),
  };
  await writeFile(join(options.dir, 'datapackage.json'), `${JSON.stringify(descriptor, null, 2)}\n`);
  return { files };
}
