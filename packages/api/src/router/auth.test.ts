import { schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { TRPCError } from '@trpc/server';
import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, makeWorld, PASSWORD } from '../../test/fixtures';

const t = useTestDatabase();
beforeAll(async () => {
  await makeWorld(t.current.db);
});

const lastAudit = async () =>
  (await t.current.db.select().from(schema.auditLog).orderBy(desc(schema.auditLog.id)).limit(1))[0];

describe('auth', () => {
  it('signs in, knows the user, signs out, and audits both', async () => {
    const session = callerFor(t.current.db);
    const user = await (await session.caller()).auth.login({
      email: 'Organiser@Test.caremap.eu',
      password: PASSWORD,
    });
    expect(user.roles.map((r) => r.role)).toEqual(['organiser']);
    expect(session.jar.token).toBeTruthy();
    expect(await lastAudit()).toMatchObject({
      action: 'auth.login',
      outcome: 'success',
      actorUserId: user.id,
    });

    const me = await (await session.caller()).auth.me();
    expect(me.user?.email).toBe('organiser@test.caremap.eu');

    await (await session.caller()).auth.logout();
    expect(session.jar.token).toBeNull();
    expect(await lastAudit()).toMatchObject({ action: 'auth.logout', actorUserId: user.id });
    // The old token no longer works even if someone kept it.
    const [stillThere] = await t.current.db
      .select()
      .from(schema.userSession)
      .where(eq(schema.userSession.userId, user.id));
    expect(stillThere).toBeUndefined();
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    const caller = await callerFor(t.current.db, '10.0.0.2').caller();
    for (const email of ['partner@test.caremap.eu', 'nobody@test.caremap.eu']) {
      const error = await caller.auth.login({ email, password: 'wrong' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('UNAUTHORIZED');
      expect((error as TRPCError).message).toBe('Wrong e-mail or password');
    }
    expect(await lastAudit()).toMatchObject({ action: 'auth.login', outcome: 'failure', actorUserId: null });
  });

  it('rejects malformed input naming the field', async () => {
    const caller = await callerFor(t.current.db).caller();
    const error = (await caller.auth
      .login({ email: 'not-an-email', password: 'x' })
      .catch((e: unknown) => e)) as TRPCError;
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/email/i);
  });

  it('locks an account out after ten failures from one client', async () => {
    const caller = await callerFor(t.current.db, '10.0.0.3').caller();
    for (let i = 0; i < 10; i++) {
      await caller.auth.login({ email: 'admin@test.caremap.eu', password: 'nope' }).catch(() => {});
    }
    const error = (await caller.auth
      .login({ email: 'admin@test.caremap.eu', password: PASSWORD })
      .catch((e: unknown) => e)) as TRPCError;
    expect(error.code).toBe('TOO_MANY_REQUESTS');
  });
});
