import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDependencies } from '@caremap/shared-deps';
import { build, type Rolldown } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { defineMfeConfig } from './vite';

describe('defineMfeConfig', () => {
  const config = defineMfeConfig({ name: 'directory', root: '/apps/directory' });
  const rolldown = config.build?.rolldownOptions;

  it('keeps every shared dependency external, and only those', () => {
    expect(rolldown?.external).toEqual([...sharedDependencies]);
  });

  it('names the entry caremap-<name>.<hash>.js and keeps its exports', () => {
    expect(rolldown?.input).toEqual({ 'caremap-directory': '/apps/directory/src/main.tsx' });
    expect(rolldown?.output).toMatchObject({ format: 'es', entryFileNames: '[name].[hash].js' });
    expect(rolldown?.preserveEntrySignatures).toBe('exports-only');
  });
});

describe('an MFE built with it', () => {
  const root = mkdtempSync(join(tmpdir(), 'caremap-mfe-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is one ESM entry exporting the lifecycles, importing shared deps by bare name, with mfe.json', async () => {
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src', 'app.css'), '.fixture { color: #123456; }');
    writeFileSync(
      join(root, 'src', 'main.tsx'),
      [
        "import { useState } from 'react';",
        "import css from './app.css?inline';",
        'function App() { const [n] = useState(1); return <p className="fixture">{n}</p>; }',
        'export const styles = css;',
        'export async function bootstrap() {}',
        'export async function mount() { return App; }',
        'export async function unmount() {}',
      ].join('\n'),
    );
    const output = (await build({
      ...defineMfeConfig({ name: 'fixture', root, specifier: '@caremap/fixture' }),
      configFile: false,
      logLevel: 'silent',
    })) as Rolldown.RolldownOutput;

    const manifest = JSON.parse(readFileSync(join(root, 'dist', 'mfe.json'), 'utf8'));
    expect(manifest.name).toBe('@caremap/fixture');
    expect(manifest.entry).toMatch(/^caremap-fixture\.[\w-]+\.js$/);

    const entry = output.output.find((o): o is Rolldown.OutputChunk => o.type === 'chunk' && o.isEntry);
    expect(entry?.fileName).toBe(manifest.entry);
    expect(entry?.exports).toEqual(expect.arrayContaining(['bootstrap', 'mount', 'unmount']));
    const code = readFileSync(join(root, 'dist', manifest.entry), 'utf8');
    expect(code).toMatch(/from\s*"react"/);
    expect(code).toMatch(/from\s*"react\/jsx-runtime"/);
    expect(code).toContain('#123456');
    expect(code).not.toContain('useState=function');
  });

  it('refuses a plain CSS import, which nothing would ever load', async () => {
    writeFileSync(join(root, 'src', 'main.tsx'), "import './app.css';\nexport async function mount() {}");
    await expect(
      build({ ...defineMfeConfig({ name: 'fixture', root }), configFile: false, logLevel: 'silent' }),
    ).rejects.toThrow(/\?inline/);
  });
});
