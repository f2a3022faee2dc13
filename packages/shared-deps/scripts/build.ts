/**
 * Builds every shared browser dependency into one hashed ESM file in dist/shared/, with the OTHER
 * shared dependencies kept external (so the page holds exactly one React), and writes
 * dist/shared/manifest.json (specifier -> file) for buildImportMap().
 *
 * Run with `pnpm --filter @caremap/shared-deps build` (tsx scripts/build.ts [--out <dir>]).
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, esmExternalRequirePlugin, type Plugin, parseSync, type Rolldown } from 'vite';
import { type SharedDependency, sharedDependencies } from '../src/list';
import { manifestFileName, type SharedManifest } from '../src/manifest';
import { cjsExportNames, isCommonJs, packageRoot, resolveInNode } from './module-info';

// React's CommonJS entry points pick their production or development file from NODE_ENV, both
// when we enumerate their exports here and when the bundler inlines them.
process.env.NODE_ENV = 'production';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
// `--out <dir>` builds elsewhere (the tests do, so they never race a real build of dist/).
const outArg = process.argv.indexOf('--out');
const outDir = outArg > 0 ? resolve(process.argv[outArg + 1] ?? '') : join(packageDir, 'dist', 'shared');
const ENTRY_ID = '\0caremap-shared-entry';

/** `@tanstack/react-query` -> `tanstack-react-query`, `react/jsx-runtime` -> `react-jsx-runtime`. */
export function fileStem(specifier: string): string {
  return specifier.replace(/^@/, '').replace(/[^a-zA-Z0-9.-]+/g, '-');
}

/**
 * The entry module for one shared dependency. CommonJS packages (React) get an ESM facade that
 * names every export, because `export * from` a CommonJS module exports nothing statically.
 * ESM packages are re-exported as they are.
 */
async function entrySource(specifier: SharedDependency): Promise<string> {
  if (isCommonJs(specifier)) {
    const names = cjsExportNames(specifier);
    return [
      `import mod from ${JSON.stringify(specifier)};`,
      ...names.map((name) => `export const ${name} = mod.${name};`),
      'export default mod;',
    ].join('\n');
  }
  const hasDefault = await esmHasDefault(specifier);
  return [
    `export * from ${JSON.stringify(specifier)};`,
    hasDefault ? `export { default } from ${JSON.stringify(specifier)};` : '',
    specifier === 'maplibre-gl' ? maplibreWorkerSetup() : '',
  ].join('\n');
}

/** Whether an ESM file has a default export, read from its syntax tree (never by running it). */
async function esmHasDefault(specifier: string): Promise<boolean> {
  const file = resolveInNode(specifier);
  const { program } = parseSync(file, await readFile(file, 'utf8'));
  return program.body.some(
    (node) =>
      node.type === 'ExportDefaultDeclaration' ||
      (node.type === 'ExportNamedDeclaration' &&
        node.specifiers.some((s) => s.exported.type === 'Identifier' && s.exported.name === 'default')),
  );
}

/**
 * MapLibre 6 loads its worker from `./maplibre-gl-worker.mjs` next to its own URL. Bundled into a
 * hashed file that neighbour would not exist, so the worker is copied with its own content hash and
 * the URL is set before any map is created.
 */
let maplibreWorkerFile = '';
function maplibreWorkerSetup(): string {
  return [
    `import { setWorkerUrl as __setWorkerUrl } from 'maplibre-gl';`,
    `const __workerFile = ${JSON.stringify(maplibreWorkerFile)};`,
    '__setWorkerUrl(new URL("./" + __workerFile, import.meta.url).href);',
  ].join('\n');
}

async function copyHashed(source: string, stem: string): Promise<string> {
  const content = await readFile(source);
  const hash = createHash('sha256').update(content).digest('base64url').slice(0, 10).replace(/[-_]/g, 'x');
  const file = `${stem}.${hash}.js`;
  await writeFile(join(outDir, file), content);
  return file;
}

/**
 * import-map-overrides runs as a classic script from index.html, before the import map exists, so
 * it is copied as it is, named by its version.
 */
async function copyLoader(name: string, file: string): Promise<string> {
  const root = packageRoot(name);
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  const target = `${name.split('/').pop()}-${version}.js`;
  await copyFile(join(root, file), join(outDir, target));
  return target;
}

function virtualEntry(source: string): Plugin {
  return {
    name: 'caremap-shared-entry',
    resolveId: (id) => (id === ENTRY_ID ? ENTRY_ID : null),
    load: (id) => (id === ENTRY_ID ? source : null),
  };
}

async function buildOne(specifier: SharedDependency): Promise<string> {
  const others = new Set<string>(sharedDependencies.filter((s) => s !== specifier));
  const output = (await build({
    configFile: false,
    root: packageDir,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [
      virtualEntry(await entrySource(specifier)),
      // React's CommonJS files call require('react'): turn those into imports of the external
      // module instead of a require() shim that throws in the browser. It also marks every other
      // shared dependency external for plain imports.
      esmExternalRequirePlugin({ external: [...others] }),
    ],
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      modulePreload: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 2048,
      rolldownOptions: {
        input: { [fileStem(specifier)]: ENTRY_ID },
        preserveEntrySignatures: 'strict',
        // "use client" marks React Server Component boundaries; meaningless in a browser bundle.
        onLog: (level, log, handler) => {
          if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
        },
        output: { format: 'es', entryFileNames: '[name].[hash].js', codeSplitting: false },
      },
    },
  })) as Rolldown.RolldownOutput;
  const entry = output.output.find((o): o is Rolldown.OutputChunk => o.type === 'chunk' && o.isEntry);
  if (!entry) throw new Error(`shared-deps: no entry chunk was produced for ${specifier}`);
  return entry.fileName;
}

async function main(): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  maplibreWorkerFile = await copyHashed(
    join(dirname(resolveInNode('maplibre-gl')), 'maplibre-gl-worker.mjs'),
    'maplibre-gl-worker',
  );

  const imports: Record<string, string> = {};
  for (const specifier of sharedDependencies) {
    imports[specifier] = await buildOne(specifier);
  }

  const loaders = {
    overrides: await copyLoader('import-map-overrides', 'dist/import-map-overrides.js'),
  };

  const manifest: SharedManifest = { imports, loaders, maplibreWorker: maplibreWorkerFile };
  await writeFile(join(outDir, manifestFileName), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`shared-deps: ${Object.keys(imports).length} modules -> ${outDir}`);
}

await main();
