import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppCode } from '@caremap/api';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { serialize } from 'hono/utils/cookie';
import { isSecureRequest } from './client-address';

/** Cookie the browser's tRPC client echoes in CSRF_HEADER (double submit). Readable by our scripts. */
export const CSRF_COOKIE = 'caremap_csrf';
export const CSRF_HEADER = 'x-caremap-csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

export interface CsrfOptions {
  /** CAREMAP_PUBLIC_URL's origin; unset = the origin the request itself was addressed to. */
  publicOrigin?: string | undefined;
  trustProxy: number;
  /** Name of the session cookie: a request carrying it is cookie-authenticated. */
  sessionCookie: string;
  /**
   * Paths that take a raw file body (`application/octet-stream`) besides JSON: the HSDS upload.
   * A form cannot send that type either, and Origin and the token are still checked.
   */
  uploadPaths?: readonly string[];
}

function refuse(c: Context, status: 403 | 415, reason: string) {
  return c.json({ error: { appCode: 'forbidden' satisfies AppCode, message: reason } }, status);
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Cross-site request protection for every request that can change state (anything but GET, HEAD,
 * OPTIONS; tRPC only runs mutations over POST):
 *   1. the body must be JSON: an HTML form can send only urlencoded, multipart or text/plain;
 *   2. the browser's Origin must be our own, or, without Origin, Sec-Fetch-Site must say same-origin;
 *   3. a cookie-authenticated request must echo the double-submit token in X-CareMap-CSRF: a page
 *      on a sibling subdomain ("same-site") passes SameSite=Lax but cannot read our cookie.
 * Every API answer and page sent to a browser without the token cookie sets one, so the shell has
 * it before its first mutation.
 */
export function csrfProtection(options: CsrfOptions): MiddlewareHandler {
  return async (c, next) => {
    const token = getCookie(c, CSRF_COOKIE);
    const validToken = token && TOKEN.test(token) ? token : undefined;
    if (!SAFE_METHODS.has(c.req.method)) {
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const upload = type === 'application/octet-stream' && (options.uploadPaths ?? []).includes(c.req.path);
      if (type !== 'application/json' && !upload)
        return refuse(c, 415, 'Only JSON request bodies are accepted');
      const expected =
        options.publicOrigin ??
        `${isSecureRequest(c, options.trustProxy) ? 'https' : 'http'}://${c.req.header('host') ?? ''}`;
      const origin = c.req.header('origin');
      const fetchSite = c.req.header('sec-fetch-site');
      if (origin !== undefined) {
        if (origin !== expected) return refuse(c, 403, 'Cross-site request refused');
      } else if (fetchSite !== undefined && fetchSite !== 'same-origin') {
        return refuse(c, 403, 'Cross-site request refused');
      }
      if (getCookie(c, options.sessionCookie)) {
        const sent = c.req.header(CSRF_HEADER);
        if (!validToken || !sent || !sameToken(sent, validToken)) {
          return refuse(c, 403, 'Missing or wrong CSRF token');
        }
      }
    }
    await next();
    // Only on API answers and pages: never on immutable, publicly cached static files.
    const gets =
      c.req.path.startsWith('/trpc/') || (c.res.headers.get('content-type') ?? '').startsWith('text/html');
    if (!validToken && gets) {
      c.res.headers.append(
        'Set-Cookie',
        serialize(CSRF_COOKIE, randomBytes(24).toString('base64url'), {
          path: '/',
          sameSite: 'Strict',
          secure: isSecureRequest(c, options.trustProxy),
        }),
      );
    }
  };
}
