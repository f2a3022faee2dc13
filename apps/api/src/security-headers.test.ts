// The security headers, over real HTTP through createApp: a per-response script nonce instead of
// 'unsafe-inline', HSTS only behind TLS, a referrer policy on every response.
import { useTestDatabase } from '@caremap/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, serveOnFreePort } from '../test/http';
import { createApp } from './app';
import { ConfigError, loadEnv, repoRoot } from './env';
import { loadFrontend } from './frontend';
import { basemapOrigins } from './security-headers';

const t = useTestDatabase();
const servers: Record<
  'direct' | 'behindProxy' | 'ownBasemap',
  Awaited<ReturnType<typeof serveOnFreePort>>
> = {} as never;
const STYLE = 'https://tiles.example.org/styles/caremap.json?key=a"b<c';
beforeAll(async () => {
  const frontend = loadFrontend(repoRoot);
  const app = (trustProxy: number) =>
    createApp({ database: t.current, logger: memoryLogger().logger, frontend, trustProxy });
  servers.direct = await serveOnFreePort(app(0));
  servers.behindProxy = await serveOnFreePort(app(1));
  // As server.ts builds it from CAREMAP_BASEMAP_STYLE_URL and CAREMAP_BASEMAP_ORIGINS.
  const env = loadEnv({
    CAREMAP_BASEMAP_STYLE_URL: STYLE,
    CAREMAP_BASEMAP_ORIGINS: 'https://pmtiles.example.net/files/, https://tiles.example.org',
  });
  servers.ownBasemap = await serveOnFreePort(
    createApp({
      database: t.current,
      logger: memoryLogger().logger,
      frontend: loadFrontend(repoRoot, { basemapStyleUrl: env.CAREMAP_BASEMAP_STYLE_URL }),
      mapOrigins: basemapOrigins(env.CAREMAP_BASEMAP_STYLE_URL, env.CAREMAP_BASEMAP_ORIGINS),
    }),
  );
});
afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s.close()));
});

const get = (path: string, headers: Record<string, string> = {}, server = servers.direct) =>
  fetch(`${server.url}${path}`, { headers: { accept: 'text/html', ...headers } });

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string | null): Map<string, string[]> {
  expect(csp, 'Content-Security-Policy header').toBeTruthy();
  return new Map(
    csp!
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

async function shellPage(path: string) {
  const res = await get(path);
  const html = await res.text();
  const scriptSrc = directives(res.headers.get('content-security-policy')).get('script-src') ?? [];
  const nonces = scriptSrc.filter((v) => /^'nonce-.+'$/.test(v)).map((v) => v.slice("'nonce-".length, -1));
  const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
  return { res, html, scriptSrc, nonces, scriptTags };
}

describe('Content-Security-Policy', () => {
  it('allows scripts from this origin and with this response’s nonce, never inline or eval', async () => {
    for (const path of ['/', '/find', '/login', '/network', '/conferences', '/no-such-page']) {
      const { scriptSrc, nonces } = await shellPage(path);
      expect(scriptSrc, path).toContain("'self'");
      expect(scriptSrc, path).not.toContain("'unsafe-inline'");
      expect(scriptSrc, path).not.toContain("'unsafe-eval'");
      expect(nonces, path).toHaveLength(1);
      expect(nonces[0]!.length, path).toBeGreaterThanOrEqual(16);
    }
  });

  it('puts the response’s nonce on every <script> of the shell page', async () => {
    for (const path of ['/', '/find', '/no-such-page']) {
      const { nonces, scriptTags } = await shellPage(path);
      // The import-map-overrides loader and the boot script, at least.
      expect(scriptTags.length, path).toBeGreaterThanOrEqual(2);
      for (const tag of scriptTags) expect(tag, path).toContain(` nonce="${nonces[0]}"`);
    }
  });

  it('makes a fresh nonce for every response', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const { nonces, scriptTags } = await shellPage('/find');
      seen.add(nonces[0]!);
      expect(scriptTags[0]).toContain(nonces[0]!);
    }
    expect(seen.size).toBe(5);
  });

  it('keeps the rest of the policy: nothing from elsewhere, no framing, no plugins', async () => {
    for (const path of ['/', '/healthz', '/importmap.json']) {
      const csp = directives((await get(path)).headers.get('content-security-policy'));
      expect(csp.get('default-src'), path).toEqual(["'self'"]);
      expect(csp.get('connect-src'), path).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(csp.get('object-src'), path).toEqual(["'none'"]);
      expect(csp.get('base-uri'), path).toEqual(["'self'"]);
      expect(csp.get('script-src'), path).not.toContain("'unsafe-inline'");
    }
  });
});

describe('a basemap of your own (CAREMAP_BASEMAP_STYLE_URL)', () => {
  it('is named to the maps in the shell page, escaped, and absent by default', async () => {
    const own = await (await get('/find', {}, servers.ownBasemap)).text();
    const meta = /<meta name="caremap-basemap-style" content="([^"]*)">/.exec(own);
    expect(meta?.[1]).toBe('https://tiles.example.org/styles/caremap.json?key=a&quot;b&lt;c');
    expect(await (await get('/find')).text()).not.toContain('caremap-basemap-style');
  });

  it('opens the CSP to exactly its origins, for fetches and images', async () => {
    const csp = directives(
      (await get('/find', {}, servers.ownBasemap)).headers.get('content-security-policy'),
    );
    const expected = ["'self'", 'https://tiles.example.org', 'https://pmtiles.example.net'];
    expect(csp.get('connect-src')).toEqual(expected);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:', ...expected.slice(1)]);
    expect(csp.get('script-src')).not.toContain('https://tiles.example.org');
  });

  it('refuses a value that is not a URL or a path on this server, naming the variable', () => {
    for (const [name, value] of [
      ['CAREMAP_BASEMAP_STYLE_URL', 'tiles.example.org/style.json'],
      ['CAREMAP_BASEMAP_STYLE_URL', '//tiles.example.org/style.json'],
      ['CAREMAP_BASEMAP_STYLE_URL', 'javascript:alert(1)'],
      ['CAREMAP_BASEMAP_ORIGINS', 'https://ok.example.org, ftp://files.example.org'],
    ] as const) {
      expect(() => loadEnv({ [name]: value }), value).toThrow(ConfigError);
      expect(() => loadEnv({ [name]: value }), value).toThrow(name);
    }
    expect(loadEnv({ CAREMAP_BASEMAP_STYLE_URL: '/basemap-own/style.json' }).CAREMAP_BASEMAP_STYLE_URL).toBe(
      '/basemap-own/style.json',
    );
    expect(basemapOrigins('/basemap-own/style.json')).toEqual([]);
  });
});

describe('transport and referrer headers', () => {
  it('sends no HSTS over plain HTTP', async () => {
    for (const path of ['/', '/healthz', '/importmap.json']) {
      expect((await get(path)).headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('sends HSTS when a trusted proxy says the browser came over TLS', async () => {
    for (const path of ['/', '/healthz']) {
      const res = await get(path, { 'x-forwarded-proto': 'https' }, servers.behindProxy);
      expect(res.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
    }
    const plain = await get('/', { 'x-forwarded-proto': 'http' }, servers.behindProxy);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  it('ignores X-Forwarded-Proto when no proxy is trusted', async () => {
    const res = await get('/', { 'x-forwarded-proto': 'https' }, servers.direct);
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends a strict referrer policy, nosniff and no framing on every response', async () => {
    for (const path of ['/', '/healthz', '/importmap.json', '/no-such-page', '/trpc/auth.me']) {
      const res = await get(path);
      expect(
        ['strict-origin-when-cross-origin', 'strict-origin', 'same-origin', 'no-referrer'],
        path,
      ).toContain(res.headers.get('referrer-policy'));
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      await res.arrayBuffer();
    }
  });
});
