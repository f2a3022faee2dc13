import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const languages = ['hu', 'cs', 'tr', 'en'] as const;
export type Language = (typeof languages)[number];

type Catalog = Record<string, Record<string, string>>;
/** The UI catalogs the shell ships, so tests look for the text a user of each language sees. */
export function catalog(language: Language): Catalog {
  const file = fileURLToPath(new URL(`../../../packages/ui/src/locales/${language}.json`, import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as Catalog;
}

/** The text at a dotted key path of a catalog (`text(en, 'find.results.title')`). */
export function text(strings: Catalog, path: string, values: Record<string, string | number> = {}): string {
  let node: unknown = strings;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`no catalog text at ${path}`);
  // i18next's {{name}} placeholders, filled as the app fills them (numbers as plain digits).
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Text that looks like an untranslated i18next key (`directory.title`, `nav.find`). */
export const RAW_KEY =
  /\b(?:app|nav|language|common|auth|fields|errors|mfe|home|notFound|map|directory|find|network|conferences|calendar|boot)\.[a-zA-Z]+(?:\.[a-zA-Z]+)*\b/;
