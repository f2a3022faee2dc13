import type { Context, MiddlewareHandler } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import { isSecureRequest } from './client-address';

/** One year, and every subdomain: only ever sent on a response that itself came over TLS. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The browser-side protections on every response:
 *
 * - Content-Security-Policy: scripts only from this origin, and inline scripts only when they carry
 *   this response's nonce (a fresh random value per request, hono's NONCE). The shell page puts the
 *   nonce on each of its <script> tags, and its boot script hands it to the one inline script the
 *   app needs, the import map. No 'unsafe-inline', no 'unsafe-eval': a script an attacker manages
 *   to inject into the page does not run.
 * - Strict-Transport-Security only when the request reached us over TLS (directly, or through the
 *   `trustProxy` trusted proxies): sent over plain HTTP it is ignored at best, and on a
 *   development or intranet host it would lock the browser out of plain HTTP for a year.
 * - Referrer-Policy strict-origin-when-cross-origin: other sites see at most our origin, never a
 *   path or search terms. (no-referrer would also make browsers send `Origin: null` on form posts,
 *   which an Origin check against cross-site requests must then reject.)
 * - A configured basemap's origins (and only those) are added to connect-src and img-src: MapLibre
 *   fetches the style, tiles, glyphs and sprite from them.
 * - nosniff, frame-ancestors 'none' + X-Frame-Options, same-origin opener and resource policies.
 */
export function securityHeaders({
  trustProxy,
  mapOrigins = [],
}: {
  trustProxy: number;
  /** Origins a configured basemap loads from (CAREMAP_BASEMAP_STYLE_URL, CAREMAP_BASEMAP_ORIGINS). */
  mapOrigins?: readonly string[];
}): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", NONCE],
      // Styles keep 'unsafe-inline': MapLibre and React set style attributes on elements, and the
      // MFEs add their stylesheets as <style> elements. Inline styles cannot run code.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:', ...mapOrigins],
      workerSrc: ["'self'", 'blob:'],
      connectSrc: ["'self'", ...mapOrigins],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: false,
  });
  return async (c, next) => {
    // A route may relax the resource policy on purpose (the public HSDS API sets `cross-origin`);
    // secureHeaders would otherwise overwrite it with same-origin on the way out.
    let routePolicy: string | null = null;
    await headers(c, async () => {
      await next();
      routePolicy = c.res.headers.get('Cross-Origin-Resource-Policy');
    });
    if (routePolicy) c.res.headers.set('Cross-Origin-Resource-Policy', routePolicy);
    if (isSecureRequest(c, trustProxy)) c.res.headers.set('Strict-Transport-Security', HSTS);
    else c.res.headers.delete('Strict-Transport-Security');
  };
}

/**
 * This response's script nonce, for the <script> tags of an HTML page. Throws when the security
 * headers did not run for the request: a page without the nonce would not start under the policy.
 */
export function scriptNonce(c: Context): string {
  const nonce: unknown = c.get('secureHeadersNonce');
  if (typeof nonce !== 'string' || nonce === '') {
    throw new Error('no script nonce for this response: securityHeaders() must run before HTML pages');
  }
  return nonce;
}

/**
 * The origins a configured basemap needs in the CSP: the style's own (when it is not on this
 * server) and the listed ones (its tiles, PMTiles files, glyphs, sprite), each once.
 */
export function basemapOrigins(styleUrl: string | undefined, extra: readonly string[] = []): string[] {
  const origins = new Set<string>();
  if (styleUrl && /^https?:\/\//.test(styleUrl)) origins.add(new URL(styleUrl).origin);
  for (const origin of extra) origins.add(origin);
  return [...origins];
}
