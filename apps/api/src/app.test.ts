import { hashPassword, schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, serveOnFreePort } from '../test/http';
import { createApp, SESSION_COOKIE } from './app';

const t = useTestDatabase();
const log = memoryLogger();
let server: Awaited<ReturnType<typeof serveOnFreePort>>;

beforeAll(async () => {
  const [a] = await t.current.db
    .insert(schema.agency)
    .values({ name: 'Agency', kind: 'partner', country: 'CZ' })
    .returning();
  const [u] = await t.current.db
    .insert(schema.appUser)
    .values({
      email: 'anna@test.caremap.eu',
      displayName: 'Anna',
      passwordHash: await hashPassword('s3cret-pass'),
    })
    .returning();
  await t.current.db.insert(schema.membership).values({ userId: u!.id, agencyId: a!.id, role: 'partner' });
  server = await serveOnFreePort(createApp({ database: t.current, logger: log.logger, trustProxy: 1 }));
});
afterAll(() => server?.close());

const trpc = (path: string, init?: RequestInit) => fetch(`${server.url}/trpc/${path}`, init);
const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  trpc('auth.login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ json: { email, password } }),
  });

describe('HTTP API', () => {
  it('answers /healthz and /readyz, with a request id', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('x-request-id')).toMatch(/.{8,}/);
    const ready = await fetch(`${server.url}/readyz`);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });

  it('sets an httpOnly SameSite session cookie on sign-in, Secure only behind TLS', async () => {
    const plain = await login('anna@test.caremap.eu', 's3cret-pass');
    expect(plain.status).toBe(200);
    const cookie = plain.headers.get('set-cookie')!;
    expect(cookie).toContain(`${SESSION_COOKIE}=`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);

    const behindTls = await login('anna@test.caremap.eu', 's3cret-pass', { 'x-forwarded-proto': 'https' });
    expect(behindTls.headers.get('set-cookie')).toMatch(/Secure/i);

    const token = cookie.split(';')[0]!;
    const me = await trpc('auth.me', { headers: { cookie: token } });
    expect((await me.json()).result.data.json.user.displayName).toBe('Anna');
  });

  it('names the field and the problem for bad input', async () => {
    const res = await login('not-an-email', '');
    expect(res.status).toBe(400);
    const body = await res.json();
    const issues = body.error.json.data.zodIssues as Array<{ path: string[]; code: string }>;
    expect(issues.map((i) => `${i.path.join('.')}:${i.code}`)).toEqual([
      'email:invalid_format',
      'password:too_small',
    ]);
  });

  it('says wrong credentials with an app code the UI translates', async () => {
    const res = await login('anna@test.caremap.eu', 'wrong-password');
    expect(res.status).toBe(401);
    expect((await res.json()).error.json.data.appCode).toBe('invalid_credentials');
  });

  it('keeps personal data out of the logs', async () => {
    await login('anna@test.caremap.eu', 'wrong-password');
    // A path can carry one too (a mistyped link, a probe): the access log blanks such segments.
    await fetch(`${server.url}/find/anna@test.caremap.eu`);
    await fetch(`${server.url}/people/anna%40test.caremap.eu/420567632313`);
    const requestLines = log.lines.filter((l) => l.includes('"msg":"request"'));
    expect(requestLines.length).toBeGreaterThan(3);
    for (const line of log.lines) {
      expect(line).not.toContain('anna@test.caremap.eu');
      expect(line).not.toContain('s3cret-pass');
      expect(line).not.toContain('anna%40test.caremap.eu');
      expect(line).not.toContain('420567632313');
    }
  });

  it('answers unknown paths with a JSON 404', async () => {
    const res = await fetch(`${server.url}/no/such/thing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { appCode: 'not_found' } });
  });
});
