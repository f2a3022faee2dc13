import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { type createApp, SESSION_COOKIE } from '../src/app';
import { CSRF_COOKIE, CSRF_HEADER } from '../src/csrf';

/** Serves an app on a free loopback port for real-HTTP tests. */
export async function serveOnFreePort(app: ReturnType<typeof createApp>) {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  // Longer than any pause between a client's requests, so a kept-alive socket is never closed
  // under a request being sent on it (ECONNRESET on a loaded machine).
  (server as unknown as { keepAliveTimeout: number }).keepAliveTimeout = 60_000;
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A pino logger whose lines are kept for assertions. */
export function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).trim().split('\n'));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

const cookieValue = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);

/**
 * Signs in over real HTTP as a browser would (CSRF cookie first, then auth.login with the
 * double-submit header): the cookie header for later requests and the CSRF token for mutations.
 */
export async function signInOverHttp(baseUrl: string, email: string, password: string) {
  const first = await fetch(`${baseUrl}/trpc/auth.me`);
  const csrf = cookieValue(first, CSRF_COOKIE)!;
  const login = await fetch(`${baseUrl}/trpc/auth.login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: baseUrl,
      cookie: `${CSRF_COOKIE}=${csrf}`,
      [CSRF_HEADER]: csrf,
    },
    body: JSON.stringify({ json: { email, password } }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${email} answered ${login.status}`);
  return { csrf, cookie: `${SESSION_COOKIE}=${cookieValue(login, SESSION_COOKIE)}; ${CSRF_COOKIE}=${csrf}` };
}
