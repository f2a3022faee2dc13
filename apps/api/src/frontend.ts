import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildImportMap, readSharedManifest } from '@caremap/shared-deps';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import { scriptNonce } from './security-headers';

/** The microfrontends served in single-node mode: name, URL prefix, build folder. */
const MFES = [
  { dir: 'apps/shell', prefix: '/mfe/shell' },
  { dir: 'apps/directory', prefix: '/mfe/directory' },
  { dir: 'apps/network', prefix: '/mfe/network' },
  { dir: 'apps/conferences', prefix: '/mfe/conferences' },
] as const;

/** Routes the shell renders itself or hands to an MFE; anything else gets the shell's 404 page. */
const SHELL_ROUTES = /^\/(?:$|login\/?$|find(?:\/|$)|network(?:\/|$)|conferences(?:\/|$))/;
const HASHED = /[.-][A-Za-z0-9_-]{8,}\.(?:js|css|mjs|map|woff2?|png|svg)$/;
/** Every opening <script> tag of the shell page (the build writes none with a nonce of its own). */
const SCRIPT_TAG = /<script(?=[\s>])/g;

/**
 * The shell page with this response's CSP nonce on every <script>. The nonce is base64 (hono's
 * NONCE), so it needs no escaping inside a double-quoted attribute.
 */
export function withScriptNonce(html: string, nonce: string): string {
  if (!/^[A-Za-z0-9+/=_-]+$/.test(nonce)) throw new Error('a script nonce must be base64');
  return html.replace(SCRIPT_TAG, `<script nonce="${nonce}"`);
}

export class FrontendNotBuiltError extends Error {
  readonly hint =
    'Run `pnpm build` (pnpm start builds for you), or set CAREMAP_SERVE_FRONTEND=false to serve the API only.';
}

export interface Frontend {
  // biome-ignore lint/suspicious/noExplicitAny: any app's variables will do
  mount(app: Hono<any>): void;
  shellPage(c: Context, status: 200 | 404): Response;
}

/** `&`, `"`, `<`, `>` escaped for a double-quoted HTML attribute. */
const attribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The shell page with the configured basemap style (CAREMAP_BASEMAP_STYLE_URL) in a <meta> that
 * @caremap/map reads; unchanged when none is configured (the maps draw the offline basemap).
 */
export function withBasemap(html: string, styleUrl: string | undefined): string {
  if (!styleUrl) return html;
  return html.replace(
    '</head>',
    `<meta name="caremap-basemap-style" content="${attribute(styleUrl)}">\n</head>`,
  );
}

/** Reads the built shell, MFEs and shared deps; fails before anything starts when one is missing. */
export function loadFrontend(
  webRoot: string,
  options: { basemapStyleUrl?: string | undefined } = {},
): Frontend {
  // Read on every request for the import map (a few small files), so an MFE rebuilt while the
  // server runs (`pnpm dev`, or a redeploy of one MFE's dist) is picked up without a restart.
  const readMfes = () =>
    MFES.map(({ dir, prefix }) => {
      const manifestPath = join(webRoot, dir, 'dist', 'mfe.json');
      if (!existsSync(manifestPath)) {
        throw new FrontendNotBuiltError(`The frontend is not built: ${manifestPath} is missing.`);
      }
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name: string; entry: string };
      return {
        name: manifest.name,
        url: `${prefix}/${manifest.entry}`,
        root: join(webRoot, dir, 'dist'),
        prefix,
      };
    });
  const mfes = readMfes();
  const shellHtmlPath = join(webRoot, 'apps/shell/dist/index.html');
  const sharedRoot = join(webRoot, 'packages/shared-deps/dist/shared');
  // The manifest comes from the same folder /shared/ serves, so the map never names a file that
  // CAREMAP_WEB_ROOT does not hold.
  const composeImportMap = () =>
    buildImportMap({
      mfes: readMfes().map(({ name, url }) => ({ name, url })),
      manifest: readSharedManifest(sharedRoot),
    });
  const basemapRoot = join(webRoot, 'packages/map/dist/basemap');
  for (const path of [shellHtmlPath, sharedRoot, basemapRoot]) {
    if (!existsSync(path)) throw new FrontendNotBuiltError(`The frontend is not built: ${path} is missing.`);
  }
  const shellHtml = () => readFileSync(shellHtmlPath, 'utf8');
  composeImportMap(); // a stale or missing build fails start-up, not the first page load

  const statics: Array<{ prefix: string; root: string }> = [
    ...mfes.map(({ prefix, root }) => ({ prefix, root })),
    { prefix: '/shared', root: sharedRoot },
    { prefix: '/basemap', root: basemapRoot },
  ];

  return {
    mount(app) {
      app.get('/importmap.json', (c) => {
        c.header('Cache-Control', 'no-cache');
        return c.body(JSON.stringify(composeImportMap()), 200, {
          'Content-Type': 'application/importmap+json',
        });
      });
      for (const { prefix, root } of statics) {
        app.use(`${prefix}/*`, async (c, next) => {
          await next();
          if (c.res.status === 200) {
            c.res.headers.set(
              'Cache-Control',
              HASHED.test(c.req.path) ? 'public, max-age=31536000, immutable' : 'no-cache',
            );
          }
        });
        app.get(
          `${prefix}/*`,
          serveStatic({ root, rewriteRequestPath: (path) => path.slice(prefix.length) }),
        );
      }
      app.get('*', async (c, next) => {
        if (SHELL_ROUTES.test(c.req.path)) return this.shellPage(c, 200);
        return next();
      });
    },
    shellPage(c, status) {
      // no-cache: the page carries a nonce that is valid for this response only.
      c.header('Cache-Control', 'no-cache');
      return c.html(
        withScriptNonce(withBasemap(shellHtml(), options.basemapStyleUrl), scriptNonce(c)),
        status,
      );
    },
  };
}
