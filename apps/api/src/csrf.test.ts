import { hashPassword, schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, serveOnFreePort } from '../test/http';
import { createApp, SESSION_COOKIE } from './app';
import { CSRF_COOKIE, CSRF_HEADER } from './csrf';

const t = useTestDatabase();
let server: Awaited<ReturnType<typeof serveOnFreePort>>;
let userId: string;

beforeAll(async () => {
  const [u] = await t.current.db
    .insert(schema.appUser)
    .values({
      email: 'csrf@test.caremap.eu',
      displayName: 'C',
      passwordHash: await hashPassword('s3cret-pass'),
    })
    .returning();
  userId = u!.id;
  server = await serveOnFreePort(createApp({ database: t.current, logger: memoryLogger().logger }));
});
afterAll(() => server?.close());

const cookieValue = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);

/** A signed-in browser: session cookie, CSRF cookie, and the page's own origin. */
async function signedIn() {
  const first = await fetch(`${server.url}/trpc/auth.me`);
  const csrf = cookieValue(first, CSRF_COOKIE)!;
  const login = await fetch(`${server.url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, cookie: `${CSRF_COOKIE}=${csrf}` },
    body: JSON.stringify({ json: { email: 'csrf@test.caremap.eu', password: 's3cret-pass' } }),
  });
  expect(login.status).toBe(200);
  const session = cookieValue(login, SESSION_COOKIE)!;
  return { csrf, session, cookie: `${SESSION_COOKIE}=${session}; ${CSRF_COOKIE}=${csrf}` };
}

const stillSignedIn = async (cookie: string) => {
  const res = await fetch(`${server.url}/trpc/auth.me`, { headers: { cookie } });
  return (await res.json()).result.data.json.user !== null;
};
const sessionCount = async () =>
  (await t.current.db.select().from(schema.userSession).where(eq(schema.userSession.userId, userId))).length;

describe('cross-site request protection', () => {
  it('gives every browser a CSRF token cookie its scripts can read, SameSite=Strict', async () => {
    const res = await fetch(`${server.url}/trpc/auth.me`);
    const header = res.headers.getSetCookie().find((c) => c.startsWith(`${CSRF_COOKIE}=`))!;
    expect(header).toMatch(/SameSite=Strict/i);
    expect(header).not.toMatch(/HttpOnly/i);
    expect(cookieValue(res, CSRF_COOKIE)).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('refuses a cross-site form post that would sign the user out (multipart, urlencoded, text/plain)', async () => {
    const b = await signedIn();
    const form = new FormData();
    form.set('x', '1');
    const bodies: Array<[string | undefined, BodyInit]> = [
      [undefined, form],
      ['application/x-www-form-urlencoded', 'x=1'],
      ['text/plain', '{}'],
    ];
    for (const [type, body] of bodies) {
      const res = await fetch(`${server.url}/trpc/auth.logout`, {
        method: 'POST',
        headers: {
          origin: 'http://evil.example',
          cookie: b.cookie,
          ...(type ? { 'content-type': type } : {}),
        },
        body,
      });
      expect(res.status, type ?? 'multipart').toBe(415);
    }
    expect(await stillSignedIn(b.cookie)).toBe(true);
  });

  it('refuses JSON from a foreign Origin or a cross-site Sec-Fetch-Site, even with the token', async () => {
    const b = await signedIn();
    const json = { 'content-type': 'application/json', cookie: b.cookie, [CSRF_HEADER]: b.csrf };
    const foreign: Array<Record<string, string>> = [
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { origin: server.url.replace('127.0.0.1', 'localhost') },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const extra of foreign) {
      const res = await fetch(`${server.url}/trpc/auth.logout`, {
        method: 'POST',
        headers: { ...json, ...extra },
        body: '{}',
      });
      expect(res.status, JSON.stringify(extra)).toBe(403);
    }
    expect(await stillSignedIn(b.cookie)).toBe(true);
  });

  it('refuses a cookie-authenticated mutation without the double-submit token, or with a wrong one', async () => {
    const b = await signedIn();
    for (const token of [undefined, 'x'.repeat(32), `${b.csrf}x`]) {
      const res = await fetch(`${server.url}/trpc/auth.logout`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: server.url,
          cookie: b.cookie,
          ...(token ? { [CSRF_HEADER]: token } : {}),
        },
        body: '{}',
      });
      expect(res.status, String(token)).toBe(403);
    }
    expect(await stillSignedIn(b.cookie)).toBe(true);
  });

  it('lets the page’s own tRPC client through (same origin, JSON, token echoed)', async () => {
    const b = await signedIn();
    const before = await sessionCount();
    const res = await fetch(`${server.url}/trpc/auth.logout`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: server.url,
        'sec-fetch-site': 'same-origin',
        cookie: b.cookie,
        [CSRF_HEADER]: b.csrf,
      },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(await stillSignedIn(b.cookie)).toBe(false);
    expect(await sessionCount()).toBe(before - 1);
  });

  it('changes nothing on GET: a mutation over GET is refused and the session lives on', async () => {
    const b = await signedIn();
    const res = await fetch(`${server.url}/trpc/auth.logout`, { headers: { cookie: b.cookie } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await stillSignedIn(b.cookie)).toBe(true);
  });
});

describe('with CAREMAP_PUBLIC_URL', () => {
  it('accepts only that origin', async () => {
    const pinned = await serveOnFreePort(
      createApp({
        database: t.current,
        logger: memoryLogger().logger,
        publicUrl: 'https://caremap.example.org/',
      }),
    );
    try {
      const post = (origin: string) =>
        fetch(`${pinned.url}/trpc/auth.login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin },
          body: JSON.stringify({ json: { email: 'csrf@test.caremap.eu', password: 'wrong-password' } }),
        });
      expect((await post(pinned.url)).status).toBe(403);
      expect((await post('https://caremap.example.org')).status).toBe(401);
    } finally {
      await pinned.close();
    }
  });
});
