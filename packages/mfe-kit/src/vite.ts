import { resolve } from 'node:path';
import { externals } from '@caremap/shared-deps';
import react from '@vitejs/plugin-react';
import type { Plugin, PluginOption, Rolldown, UserConfig } from 'vite';

export interface MfeConfigOptions {
  /** Short name: output `caremap-<name>.<hash>.js`, served from `/mfe/<name>/`. */
  name: string;
  /** Entry module exporting the single-spa lifecycles (or, for the shell, starting the page). */
  entry?: string;
  /** Import-map specifier written to dist/mfe.json; defaults to `@caremap/<name>`. */
  specifier?: string;
  /** Folder of the app (where vite.config.ts is); defaults to the working directory. */
  root?: string;
  plugins?: PluginOption[];
  /** More bare specifiers resolved by the import map at run time (the shell loads the MFEs so). */
  external?: string[];
}

/** What the server reads to put the hashed entry into the import map. */
export interface MfeManifest {
  name: string;
  entry: string;
}

export const MFE_MANIFEST = 'mfe.json';

/** Writes dist/mfe.json = { name, entry } next to the hashed entry file. */
export function mfeManifestPlugin(specifier: string): Plugin {
  return {
    name: 'caremap-mfe-manifest',
    generateBundle(_options, bundle) {
      const entries = Object.values(bundle).filter(
        (file): file is Rolldown.OutputChunk => file.type === 'chunk' && file.isEntry,
      );
      if (entries.length !== 1) {
        this.error(`an MFE build must have exactly one entry chunk, found ${entries.length}`);
      }
      const manifest: MfeManifest = { name: specifier, entry: entries[0]!.fileName };
      this.emitFile({
        type: 'asset',
        fileName: MFE_MANIFEST,
        source: `${JSON.stringify(manifest, null, 2)}\n`,
      });
    },
  };
}

/**
 * A stylesheet file in an MFE's output would never be loaded: nothing links it. CSS must come in
 * as a string (`import css from './app.css?inline'`) and be handed to createLifecycles.
 */
export function inlineCssOnlyPlugin(): Plugin {
  return {
    name: 'caremap-inline-css-only',
    generateBundle(_options, bundle) {
      const sheets = Object.keys(bundle).filter((file) => file.endsWith('.css'));
      if (sheets.length) {
        this.error(
          `import CSS with '?inline' and pass it to createLifecycles({ css }); found ${sheets.join(', ')}`,
        );
      }
    },
  };
}

/**
 * The Vite config of every MFE and of the shell's root config:
 *
 *   // apps/directory/vite.config.ts
 *   export default defineMfeConfig({ name: 'directory', root: fileURLToPath(new URL('.', import.meta.url)) });
 *
 * Build with `vite build --configLoader runner`: this file and @caremap/shared-deps are TypeScript
 * sources in the workspace, which Vite's default config bundler leaves external and Node 20
 * cannot load.
 */
export function defineMfeConfig(options: MfeConfigOptions): UserConfig {
  // The import map serves React's production build, which has no react/jsx-dev-runtime: an MFE
  // compiled in development mode (NODE_ENV=development in the shell, or `test` under Vitest) would
  // import a module the page cannot resolve. Vite reads this to pick the JSX runtime.
  process.env.NODE_ENV = 'production';
  const root = options.root ?? process.cwd();
  const specifier = options.specifier ?? `@caremap/${options.name}`;
  return {
    root,
    // Relative, so the bundle works from whatever folder the server mounts it at.
    base: './',
    mode: 'production',
    publicDir: 'public',
    plugins: [react(), mfeManifestPlugin(specifier), inlineCssOnlyPlugin(), ...(options.plugins ?? [])],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      modulePreload: false,
      reportCompressedSize: true,
      rolldownOptions: {
        input: { [`caremap-${options.name}`]: resolve(root, options.entry ?? 'src/main.tsx') },
        // Shared through the import map: the page holds one React, one single-spa, one i18next.
        external: [...externals, ...(options.external ?? [])],
        // single-spa calls the entry's exported bootstrap/mount/unmount: keep them.
        preserveEntrySignatures: 'exports-only',
        output: {
          format: 'es',
          entryFileNames: '[name].[hash].js',
          chunkFileNames: 'chunks/[name].[hash].js',
          assetFileNames: 'assets/[name].[hash][extname]',
        },
      },
    },
  };
}
