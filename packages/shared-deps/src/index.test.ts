import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildImportMap,
  externals,
  readSharedManifest,
  type SharedManifest,
  sharedDependencies,
} from './index';

const fakeManifest: SharedManifest = {
  imports: Object.fromEntries(sharedDependencies.map((s) => [s, `${s.replace(/\W+/g, '-')}.abc123.js`])),
  loaders: { overrides: 'import-map-overrides-6.1.0.js' },
  maplibreWorker: 'maplibre-gl-worker.abc.js',
};

describe('buildImportMap', () => {
  it('maps every shared dependency to /shared/ and adds the MFEs', () => {
    const map = buildImportMap({
      manifest: fakeManifest,
      mfes: [
        { name: '@caremap/root-config', url: '/mfe/shell/caremap-shell.x1.js' },
        { name: '@caremap/directory', url: '/mfe/directory/caremap-directory.x2.js' },
      ],
    });
    expect(Object.keys(map.imports)).toEqual([
      ...sharedDependencies,
      '@caremap/root-config',
      '@caremap/directory',
    ]);
    expect(map.imports.react).toBe('/shared/react.abc123.js');
    expect(map.imports['react-dom/client']).toBe('/shared/react-dom-client.abc123.js');
    expect(map.imports['@caremap/directory']).toBe('/mfe/directory/caremap-directory.x2.js');
  });

  it('names the missing dependency when the shared build is stale', () => {
    const { react: _dropped, ...rest } = fakeManifest.imports;
    expect(() => buildImportMap({ manifest: { ...fakeManifest, imports: rest }, mfes: [] })).toThrow(
      /no file for 'react'/,
    );
  });

  it('refuses an MFE that would shadow a shared dependency', () => {
    expect(() => buildImportMap({ manifest: fakeManifest, mfes: [{ name: 'react', url: '/x.js' }] })).toThrow(
      /would replace a shared dependency/,
    );
  });
});

describe('externals', () => {
  it('are exactly the shared list', () => {
    expect([...externals]).toEqual([...sharedDependencies]);
    expect(new Set(externals).size).toBe(externals.length);
  });
});

describe('the shared build', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'caremap-shared-'));
  let manifest: SharedManifest;

  beforeAll(() => {
    const tsx = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
    execFileSync(tsx, ['scripts/build.ts', '--out', outDir], {
      cwd: join(import.meta.dirname, '..'),
      stdio: 'pipe',
    });
    manifest = readSharedManifest(outDir);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('has one existing, hashed ESM file per shared dependency', () => {
    expect(Object.keys(manifest.imports).sort()).toEqual([...sharedDependencies].sort());
    for (const file of Object.values(manifest.imports)) {
      expect(existsSync(join(outDir, file)), file).toBe(true);
      expect(file).toMatch(/\.[\w-]{8,}\.js$/);
    }
    expect(manifest.loaders.overrides).toMatch(/^import-map-overrides-\d+\.\d+\.\d+\.js$/);
    expect(existsSync(join(outDir, manifest.loaders.overrides))).toBe(true);
    expect(existsSync(join(outDir, manifest.maplibreWorker))).toBe(true);
  });

  it('keeps exactly one React: react-dom imports "react" instead of bundling it', () => {
    const read = (specifier: string) => readFileSync(join(outDir, manifest.imports[specifier]!), 'utf8');
    // A message only React's own Component.setState carries.
    const reactMarker = 'takes an object of state variables to update';
    expect(read('react')).toContain(reactMarker);
    for (const specifier of ['react-dom', 'react-dom/client', 'react/jsx-runtime', '@tanstack/react-query']) {
      expect(read(specifier), specifier).not.toContain(reactMarker);
    }
    expect(read('react-dom')).toMatch(/from\s*"react"/);
    expect(read('react-dom/client')).toMatch(/from\s*"react"/);
    expect(read('react-dom/client')).toMatch(/from\s*"react-dom"/);
  });

  it('never leaves a CommonJS require() for the browser to trip over', () => {
    for (const file of readdirSync(outDir).filter((f) => f.endsWith('.js') && !f.startsWith('import-map'))) {
      expect(readFileSync(join(outDir, file), 'utf8'), file).not.toMatch(/Calling `require`|Dynamic require/);
    }
  });

  it('exports the named bindings MFEs import', async () => {
    const react = readFileSync(join(outDir, manifest.imports.react!), 'utf8');
    for (const name of ['useState', 'useEffect', 'createContext', 'default']) {
      expect(react).toMatch(new RegExp(`as ${name}[,}]`));
    }
    expect(readFileSync(join(outDir, manifest.imports['react-dom/client']!), 'utf8')).toMatch(
      /as createRoot[,}]/,
    );
  });
});
