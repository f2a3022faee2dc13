/** What Node knows about a shared dependency: where it resolves, and whether it is CommonJS. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The file Node's ESM loader would load for `specifier`, resolved from this package. */
export function resolveInNode(specifier: string): string {
  return fileURLToPath(import.meta.resolve(specifier));
}

/** The installed folder of a package (its package.json may not be exported). */
export function packageRoot(name: string): string {
  for (let dir = dirname(resolveInNode(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === name) return dir;
  }
  throw new Error(`shared-deps: cannot find the folder of ${name}`);
}

/** Node's own rule: .cjs/.mjs by extension, .js by the nearest package.json's "type". */
export function isCommonJs(specifier: string): boolean {
  const file = resolveInNode(specifier);
  if (file.endsWith('.cjs')) return true;
  if (file.endsWith('.mjs')) return false;
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')).type !== 'module';
  }
  return true;
}

const identifier = /^[A-Za-z_$][\w$]*$/;

/**
 * The named exports of a CommonJS module, read by loading it in Node. The caller sets NODE_ENV
 * first, because React picks its production or development build from it and the two differ.
 */
export function cjsExportNames(specifier: string): string[] {
  const mod: unknown = require(specifier);
  if (mod === null || (typeof mod !== 'object' && typeof mod !== 'function')) return [];
  return Object.keys(mod)
    .filter((name) => identifier.test(name) && name !== 'default' && name !== '__esModule')
    .sort();
}
