// Safe defaults, through the real start-up path (startServer) on a scratch database: what a new
// machine gets from `pnpm start`, and what a production start that forgets a setting gets.
import { hashPassword, schema } from '@caremap/db';
import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDatabase } from '../test/spawn';
import { CSRF_COOKIE } from './csrf';
import { ConfigError, loadEnv } from './env';
import { createLogger } from './logger';
import { type RunningServer, startServer, UnsafeStartError } from './server';

let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
beforeAll(async () => {
  scratch = await scratchDatabase();
});
afterAll(() => scratch?.dispose());

const start = (vars: Record<string, string>) =>
  startServer(
    loadEnv({ ...scratch.env, PORT: '0', CAREMAP_SERVE_FRONTEND: 'false', LOG_LEVEL: 'silent', ...vars }),
    createLogger('silent'),
  );

async function withServer<T>(vars: Record<string, string>, use: (s: RunningServer) => Promise<T>) {
  const server = await start(vars);
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

const login = async (server: RunningServer, email: string, password: string) => {
  const csrf = (await fetch(`${server.url}/trpc/auth.me`)).headers
    .getSetCookie()
    .find((c) => c.startsWith(CSRF_COOKIE))!;
  return fetch(`${server.url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: csrf.split(';')[0]! },
    body: JSON.stringify({ json: { email, password } }),
  });
};

describe('configuration defaults', () => {
  it('listen on loopback only', () => {
    expect(loadEnv({}).HOST).toBe('127.0.0.1');
  });

  it('refuse demo data in production', () => {
    expect(() => loadEnv({ CAREMAP_ENV: 'production', CAREMAP_SEED: 'demo' })).toThrow(ConfigError);
  });

  it('read CAREMAP_TRUST_PROXY as a number of hops', () => {
    expect(loadEnv({}).CAREMAP_TRUST_PROXY).toBe(0);
    expect(loadEnv({ CAREMAP_TRUST_PROXY: 'true' }).CAREMAP_TRUST_PROXY).toBe(1);
    expect(loadEnv({ CAREMAP_TRUST_PROXY: '2' }).CAREMAP_TRUST_PROXY).toBe(2);
    expect(() => loadEnv({ CAREMAP_TRUST_PROXY: 'maybe' })).toThrow(/CAREMAP_TRUST_PROXY/);
  });
});

describe('start-up with demo accounts', { timeout: 240_000 }, () => {
  it('loads no demo data on a listener beyond this machine, and says why', async () => {
    await withServer({ HOST: '0.0.0.0' }, async (server) => {
      expect(server.seeded).toBe(false);
      expect(server.seedSkipped).toMatch(/CAREMAP_SEED=demo/);
      const users = await server.database.db.select().from(schema.appUser);
      expect(users).toHaveLength(0);
      // A demo account appears (an older start, a copied database): the next exposed start refuses.
      const [agency] = await server.database.db
        .insert(schema.agency)
        .values({ name: 'Demo agency', kind: 'partner', country: 'CZ' })
        .returning();
      const [user] = await server.database.db
        .insert(schema.appUser)
        .values({
          email: 'admin@demo.caremap.eu',
          displayName: 'Demo admin',
          passwordHash: await hashPassword('caremap-demo'),
        })
        .returning();
      await server.database.db
        .insert(schema.membership)
        .values({ userId: user!.id, agencyId: agency!.id, role: 'admin' });
    });
  });

  it('refuses to expose existing demo accounts unless CAREMAP_SEED=demo opts in', async () => {
    await expect(start({ HOST: '0.0.0.0' })).rejects.toThrow(UnsafeStartError);
    await expect(start({ HOST: '0.0.0.0', CAREMAP_SEED: 'none' })).rejects.toThrow(UnsafeStartError);
    await withServer({ HOST: '0.0.0.0', CAREMAP_SEED: 'demo' }, async (server) => {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    });
  });

  it('honours CAREMAP_SESSION_TTL_HOURS in the session cookie', async () => {
    await withServer({ CAREMAP_SESSION_TTL_HOURS: '2' }, async (server) => {
      const res = await login(server, 'admin@demo.caremap.eu', 'caremap-demo');
      expect(res.status).toBe(200);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('caremap_session='))!;
      const expires = Date.parse(/Expires=([^;]+)/i.exec(cookie)![1]!);
      expect(Math.abs(expires - (Date.now() + 2 * 3600_000))).toBeLessThan(60_000);
    });
  });

  it('refuses to start production on a database with demo accounts', async () => {
    await expect(start({ CAREMAP_ENV: 'production', CAREMAP_SEED: 'none' })).rejects.toThrow(/demo accounts/);
  });

  it('in production, never signs anyone in with the published demo password', async () => {
    await withServer({ CAREMAP_SEED: 'none' }, async (server) => {
      await server.database.db
        .update(schema.appUser)
        .set({ email: 'admin@agency.example' })
        .where(like(schema.appUser.email, '%@demo.caremap.eu'));
    });
    await withServer({ CAREMAP_ENV: 'production' }, async (server) => {
      expect(server.seeded).toBe(false);
      const res = await login(server, 'admin@agency.example', 'caremap-demo');
      expect(res.status).toBe(401);
    });
  });
});
