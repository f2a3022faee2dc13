// A datapackage is a folder or a zip of files; both are read the same way, one file at a time, as
// streams (a zip is read through its central directory, so no file is unpacked to disk).
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import yauzl from 'yauzl';

export interface Container {
  /** Paths inside the container, `/`-separated. */
  files: string[];
  open(file: string): Promise<Readable>;
  close(): Promise<void>;
}

/** The file whose base name is `name` (case-insensitive), wherever it sits in the container. */
export function findFile(container: Container, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return container.files
    .filter((f) => basename(f).toLowerCase() === wanted && !f.startsWith('__MACOSX/'))
    .sort((a, b) => a.length - b.length)[0];
}

export function openFolder(dir: string): Container {
  const files: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return {
    files,
    open: async (file) => createReadStream(join(dir, file)),
    close: async () => {},
  };
}

export async function openZip(path: string): Promise<Container> {
  statSync(path);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, file) =>
      error || !file ? reject(error ?? new Error('cannot open zip')) : resolve(file),
    ),
  );
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve());
    zip.once('error', reject);
    zip.readEntry();
  });
  return {
    files: [...entries.keys()],
    open: (file) =>
      new Promise<Readable>((resolve, reject) => {
        const entry = entries.get(file);
        if (!entry) return reject(new Error(`${file} is not in the zip`));
        zip.openReadStream(entry, (error, stream) =>
          error || !stream ? reject(error ?? new Error(`cannot read ${file}`)) : resolve(stream),
        );
      }),
    close: async () => zip.close(),
  };
}

/** Rows of one CSV file as text, keyed by the (trimmed) header. */
export async function* csvRows(container: Container, file: string): AsyncGenerator<Record<string, string>> {
  const parser = (await container.open(file)).pipe(
    parse({
      columns: (header: string[]) => header.map((h) => h.trim()),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }),
  );
  for await (const row of parser) yield row as Record<string, string>;
}
