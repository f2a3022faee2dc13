import { schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, PASSWORD } from '../../test/fixtures';
import type { Context } from '../context';
import { createCaller } from '../root';
import { DEFAULT_LOGIN_LIMITS } from './rate-limit';

const t = useTestDatabase();
beforeAll(async () => {
  await makeWorld(t.current.db);
});

/** A caller as one HTTP request from `address` would get it. */
const callerAt = (address: string, settings: Context['settings'] = {}) =>
  createCaller({
    db: t.current.db,
    requestId: 'test-request',
    clientKey: address,
    sessionToken: null,
    user: null,
    setSessionToken: () => {},
    settings,
  });

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'OK',
    (e: unknown) => (e instanceof TRPCError ? e.code : `unexpected ${String(e)}`),
  );

const failedChecks = async (email: string) =>
  (
    await t.current.db
      .select()
      .from(schema.auditLog)
      .innerJoin(schema.appUser, eq(schema.appUser.id, schema.auditLog.actorUserId))
      .where(and(eq(schema.auditLog.action, 'auth.login'), eq(schema.appUser.email, email)))
  ).filter((r) => r.audit_log.outcome === 'failure').length;

describe('sign-in limits', () => {
  it('checks at most the limit of forty parallel wrong passwords for one account', async () => {
    const email = 'coordinator@test.caremap.eu';
    const codes = await Promise.all(
      Array.from({ length: 40 }, () => codeOf(callerAt('10.1.0.1').auth.login({ email, password: 'nope' }))),
    );
    // Exactly the allowance was checked against the password; the rest were refused unhashed.
    expect(codes.filter((c) => c === 'UNAUTHORIZED')).toHaveLength(DEFAULT_LOGIN_LIMITS.perAccount);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(40 - DEFAULT_LOGIN_LIMITS.perAccount);
    expect(await failedChecks(email)).toBe(DEFAULT_LOGIN_LIMITS.perAccount);
    // The right password from another address does not open a locked account either.
    expect(await codeOf(callerAt('10.9.9.9').auth.login({ email, password: PASSWORD }))).toBe(
      'TOO_MANY_REQUESTS',
    );
  });

  it('limits one address trying many accounts', async () => {
    const limits = { perAccount: 100, perAddress: 5, windowSeconds: 60 };
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      codes.push(
        await codeOf(
          callerAt('10.2.0.1', { loginLimits: limits }).auth.login({
            email: `guess${i}@test.caremap.eu`,
            password: 'nope',
          }),
        ),
      );
    }
    expect(codes).toEqual([...Array(5).fill('UNAUTHORIZED'), ...Array(3).fill('TOO_MANY_REQUESTS')]);
    // Another address is unaffected.
    expect(
      await codeOf(
        callerAt('10.2.0.2', { loginLimits: limits }).auth.login({
          email: 'partner@test.caremap.eu',
          password: PASSWORD,
        }),
      ),
    ).toBe('OK');
  });

  it('forgets an account’s failures after a successful sign-in', async () => {
    const caller = callerAt('10.3.0.1', {
      loginLimits: { perAccount: 3, perAddress: 100, windowSeconds: 60 },
    });
    const email = 'networker@test.caremap.eu';
    for (let round = 0; round < 3; round++) {
      expect(await codeOf(caller.auth.login({ email, password: 'nope' }))).toBe('UNAUTHORIZED');
      expect(await codeOf(caller.auth.login({ email, password: 'nope' }))).toBe('UNAUTHORIZED');
      expect(await codeOf(caller.auth.login({ email, password: PASSWORD }))).toBe('OK');
    }
  });

  it('counts only failures against an address: an office signing in all morning is not locked', async () => {
    const caller = callerAt('10.3.0.2', {
      loginLimits: { perAccount: 100, perAddress: 3, windowSeconds: 60 },
    });
    for (let i = 0; i < 6; i++) {
      expect(
        await codeOf(caller.auth.login({ email: 'organiser@test.caremap.eu', password: PASSWORD })),
      ).toBe('OK');
    }
  });

  it('keeps the counters in the database, shared by every server, without e-mail or address', async () => {
    const rows = await t.current.db.select().from(schema.rateLimit);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.key).not.toMatch(/@|10\.\d+\.\d+\.\d+/);
    }
  });

  it('refuses the configured refused passwords even when they are right', async () => {
    const caller = callerAt('10.4.0.1', { refusedPasswords: [PASSWORD] });
    const error = (await caller.auth
      .login({ email: 'organiser@test.caremap.eu', password: PASSWORD })
      .catch((e: unknown) => e)) as TRPCError;
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).toBe('Wrong e-mail or password');
  });
});
