import { useTestDatabase } from '@caremap/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, serveOnFreePort } from '../test/http';
import { createApp } from './app';
import { trustedForwardedValue } from './client-address';

describe('trustedForwardedValue', () => {
  it('takes the entry the outermost trusted proxy wrote, never a client-chosen one', () => {
    expect(trustedForwardedValue('6.6.6.6, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(trustedForwardedValue('6.6.6.6, 203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7');
    expect(trustedForwardedValue(' 203.0.113.7 ', 1)).toBe('203.0.113.7');
    expect(trustedForwardedValue('6.6.6.6, 203.0.113.7', 0)).toBeUndefined();
    expect(trustedForwardedValue(undefined, 1)).toBeUndefined();
    expect(trustedForwardedValue(' , ', 1)).toBeUndefined();
  });
});

const t = useTestDatabase();
const servers: Array<Awaited<ReturnType<typeof serveOnFreePort>>> = [];
const serve = async (trustProxy: number) => {
  const s = await serveOnFreePort(
    createApp({
      database: t.current,
      logger: memoryLogger().logger,
      trustProxy,
      security: { loginLimits: { perAccount: 100, perAddress: 4, windowSeconds: 60 } },
    }),
  );
  servers.push(s);
  return s;
};
afterAll(() => Promise.all(servers.map((s) => s.close())));

/** Sign-in attempts for different unknown accounts, each with a new invented X-Forwarded-For head. */
async function attempts(url: string, proxyHop: string, n: number) {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i}, ${proxyHop}` },
      body: JSON.stringify({ json: { email: `guess${i}.${proxyHop}@test.caremap.eu`, password: 'nope' } }),
    });
    statuses.push(res.status);
  }
  return statuses;
}

describe('sign-in limits per client address', () => {
  let behindProxy: string;
  let direct: string;
  beforeAll(async () => {
    behindProxy = (await serve(1)).url;
    direct = (await serve(0)).url;
  });

  it('cannot be dodged by inventing X-Forwarded-For entries behind one trusted proxy', async () => {
    expect(await attempts(behindProxy, '203.0.113.7', 6)).toEqual([401, 401, 401, 401, 429, 429]);
    // Another client behind the same proxy has its own allowance.
    expect(await attempts(behindProxy, '203.0.113.8', 1)).toEqual([401]);
  });

  it('ignores X-Forwarded-For entirely when no proxy is trusted', async () => {
    expect(await attempts(direct, '192.0.2.1', 3)).toEqual([401, 401, 401]);
    // A different header value is still the same socket address, whose allowance is now used up.
    expect(await attempts(direct, '192.0.2.2', 2)).toEqual([401, 429]);
  });
});
