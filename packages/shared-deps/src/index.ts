import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sharedDependencies } from './list';
import { manifestFileName, type SharedManifest } from './manifest';

export { type SharedDependency, sharedDependencies } from './list';
export type { SharedManifest } from './manifest';

/** Rolldown/Rollup `external` for every MFE build: exactly the shared list, matched exactly. */
export const externals: readonly string[] = [...sharedDependencies];

/** The folder the server serves at `/shared/`. */
export const sharedDistDir = fileURLToPath(new URL('../dist/shared/', import.meta.url));

export interface ImportMap {
  imports: Record<string, string>;
}

export interface MfeEntry {
  /** Import-map specifier, e.g. `@caremap/directory` or `@caremap/root-config`. */
  name: string;
  /** URL of the MFE's hashed entry file, e.g. `/mfe/directory/caremap-directory.Ab12Cd34.js`. */
  url: string;
}

export function readSharedManifest(dir: string = sharedDistDir): SharedManifest {
  const file = `${dir.replace(/\/?$/, '/')}${manifestFileName}`;
  if (!existsSync(file)) {
    throw new Error(
      `shared-deps: ${file} does not exist. Build the shared dependencies first: pnpm --filter @caremap/shared-deps build`,
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as SharedManifest;
}

/**
 * The page's import map: every shared dependency at `/shared/<hashed file>` plus one entry per MFE.
 * Throws when the shared build is missing a dependency of the list (a stale dist), or when an MFE
 * tries to take a shared dependency's name.
 */
export function buildImportMap(options: {
  mfes: ReadonlyArray<MfeEntry>;
  manifest?: SharedManifest;
  sharedBaseUrl?: string;
}): ImportMap {
  const manifest = options.manifest ?? readSharedManifest();
  const base = (options.sharedBaseUrl ?? '/shared/').replace(/\/?$/, '/');
  const imports: Record<string, string> = {};
  for (const specifier of sharedDependencies) {
    const file = manifest.imports[specifier];
    if (!file) {
      throw new Error(
        `shared-deps: the build has no file for '${specifier}'. Rebuild: pnpm --filter @caremap/shared-deps build`,
      );
    }
    imports[specifier] = base + file;
  }
  for (const mfe of options.mfes) {
    if (mfe.name in imports) {
      throw new Error(`shared-deps: MFE '${mfe.name}' would replace a shared dependency in the import map`);
    }
    imports[mfe.name] = mfe.url;
  }
  return { imports };
}
