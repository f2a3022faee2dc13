// Single-node mode: the server composes the import map and serves the shell, every MFE and the
// shared dependencies from their builds (turbo builds them before this suite runs).
import { useTestDatabase } from '@caremap/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, serveOnFreePort } from '../test/http';
import { createApp } from './app';
import { repoRoot } from './env';
import { loadFrontend } from './frontend';

const t = useTestDatabase();
let server: Awaited<ReturnType<typeof serveOnFreePort>>;
beforeAll(async () => {
  server = await serveOnFreePort(
    createApp({ database: t.current, logger: memoryLogger().logger, frontend: loadFrontend(repoRoot) }),
  );
});
afterAll(() => server?.close());

const html = (path: string) => fetch(`${server.url}${path}`, { headers: { accept: 'text/html' } });

describe('single-node frontend', () => {
  it('serves the import map with its own content type, naming every MFE and shared dependency', async () => {
    const res = await fetch(`${server.url}/importmap.json`);
    expect(res.headers.get('content-type')).toBe('application/importmap+json');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const { imports } = (await res.json()) as { imports: Record<string, string> };
    for (const name of [
      '@caremap/root-config',
      '@caremap/directory',
      '@caremap/network',
      '@caremap/conferences',
    ]) {
      expect(imports[name]).toMatch(/^\/mfe\/[a-z]+\/caremap-[a-z]+\.[\w-]+\.js$/);
    }
    expect(imports.react).toMatch(/^\/shared\//);
    expect(imports['maplibre-gl']).toMatch(/^\/shared\//);
  });

  it('serves every file the import map names, hashed files as immutable', async () => {
    const { imports } = (await (await fetch(`${server.url}/importmap.json`)).json()) as {
      imports: Record<string, string>;
    };
    for (const url of Object.values(imports)) {
      const res = await fetch(`${server.url}${url}`);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type'), url).toMatch(/javascript/);
      expect(res.headers.get('cache-control'), url).toContain('immutable');
      await res.arrayBuffer();
    }
  });

  it('answers app routes with the shell page, and unknown pages with the shell and a 404', async () => {
    for (const path of ['/', '/find', '/network', '/conferences', '/login', '/find/some/deeper/route']) {
      const res = await html(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toMatch(/<script nonce="[^"]+" src="\/mfe\/shell\/assets\/boot\.[\w-]+\.js">/);
    }
    const missing = await html('/no-such-page');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(
      /<script nonce="[^"]+" src="\/mfe\/shell\/assets\/boot\.[\w-]+\.js">/,
    );
  });

  it('serves the boot script that loads the import map, and no import-map-injector', async () => {
    const page = await (await html('/')).text();
    expect(page).not.toContain('import-map-injector');
    const boot = page.match(/src="(\/mfe\/shell\/assets\/boot\.[\w-]+\.js)"/)?.[1];
    const res = await fetch(`${server.url}${boot}`);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toContain('immutable');
    const source = await res.text();
    expect(source).toContain('/importmap.json');
    expect(source).toContain('document.currentScript');
  });

  it('serves the offline basemap', async () => {
    const res = await fetch(`${server.url}/basemap/land.json`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { type: string }).type).toBe('FeatureCollection');
  });

  it('sends a content security policy that allows nothing from elsewhere', async () => {
    const csp = (await html('/')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
