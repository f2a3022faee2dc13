import { schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import type { TRPCError } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, PASSWORD } from '../../test/fixtures';
import type { Context } from '../context';
import { createCaller } from '../root';
import { purgeExpiredSessions, resolveSession } from './session';

const t = useTestDatabase();
let world: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  world = await makeWorld(t.current.db);
});

/** One browser: a cookie jar, and a caller built per request as the HTTP layer builds it. */
function browser(settings: Context['settings'] = {}) {
  const jar = { token: null as string | null, expiresAt: undefined as Date | undefined };
  const caller = async () =>
    createCaller({
      db: t.current.db,
      requestId: 'test-request',
      clientKey: '10.5.0.1',
      sessionToken: jar.token,
      user: await resolveSession(t.current.db, jar.token, settings.sessionIdleMs),
      setSessionToken: (token, expiresAt) => {
        jar.token = token;
        jar.expiresAt = expiresAt;
      },
      settings,
    });
  const signIn = async (email: string) => (await caller()).auth.login({ email, password: PASSWORD });
  const me = async () => (await (await caller()).auth.me()).user;
  return { jar, caller, signIn, me };
}

const sessionsOf = (userId: string) =>
  t.current.db.select().from(schema.userSession).where(eq(schema.userSession.userId, userId));

describe('sessions', () => {
  it('honour the configured lifetime', async () => {
    const b = browser({ sessionTtlMs: 2 * 3600_000 });
    const before = Date.now();
    await b.signIn('partner@test.caremap.eu');
    const expires = b.jar.expiresAt!.getTime() - before;
    expect(expires).toBeGreaterThan(2 * 3600_000 - 5_000);
    expect(expires).toBeLessThan(2 * 3600_000 + 5_000);
    const [row] = (await sessionsOf(world.users.partner)).slice(-1);
    expect(Math.abs(row!.expiresAt.getTime() - b.jar.expiresAt!.getTime())).toBeLessThan(1000);
  });

  it('end after the idle timeout, and a used session stays alive', async () => {
    const b = browser({ sessionIdleMs: 30 * 60_000 });
    await b.signIn('networker@test.caremap.eu');
    expect((await b.me())?.email).toBe('networker@test.caremap.eu');
    // 20 minutes without a request: still alive, and the request moves last_seen_at on.
    await t.current.db.execute(
      sql`update user_session set last_seen_at = now() - interval '20 minutes' where user_id = ${world.users.networker}`,
    );
    expect((await b.me())?.email).toBe('networker@test.caremap.eu');
    const [touched] = await sessionsOf(world.users.networker);
    expect(Date.now() - touched!.lastSeenAt.getTime()).toBeLessThan(60_000);
    // 31 minutes without a request: signed out.
    await t.current.db.execute(
      sql`update user_session set last_seen_at = now() - interval '31 minutes' where user_id = ${world.users.networker}`,
    );
    expect(await b.me()).toBeNull();
  });

  it('get a new id at sign-in: the session held before is ended', async () => {
    const b = browser();
    await b.signIn('organiser@test.caremap.eu');
    const first = b.jar.token;
    await b.signIn('organiser@test.caremap.eu');
    expect(b.jar.token).not.toBe(first);
    const planted = browser();
    planted.jar.token = first;
    expect(await planted.me()).toBeNull();
  });

  it('are purged once past their lifetime or idle', async () => {
    const b = browser();
    await b.signIn('admin@test.caremap.eu');
    const live = await sessionsOf(world.users.admin);
    await t.current.db.execute(
      sql`update user_session set expires_at = now() - interval '1 minute' where id = ${live[0]!.id}`,
    );
    const b2 = browser();
    await b2.signIn('admin@test.caremap.eu');
    await t.current.db.execute(
      sql`update user_session set last_seen_at = now() - interval '2 hours' where token_hash <> ${live[0]!.tokenHash} and user_id = ${world.users.admin}`,
    );
    const b3 = browser();
    await b3.signIn('admin@test.caremap.eu');
    expect(await purgeExpiredSessions(t.current.db, 3600_000)).toBeGreaterThanOrEqual(2);
    const left = await sessionsOf(world.users.admin);
    expect(left).toHaveLength(1);
    expect((await b3.me())?.email).toBe('admin@test.caremap.eu');
  });

  it('can all be ended at once: "sign out everywhere"', async () => {
    const laptop = browser();
    const phone = browser();
    await laptop.signIn('coordinator@test.caremap.eu');
    await phone.signIn('coordinator@test.caremap.eu');
    const result = await (await phone.caller()).auth.logoutAll();
    expect(result.sessions).toBeGreaterThanOrEqual(2);
    expect(phone.jar.token).toBeNull();
    expect(await laptop.me()).toBeNull();
    expect(await sessionsOf(world.users.coordinator)).toHaveLength(0);
    const anonymous = await (await browser().caller()).auth.logoutAll().catch((e: unknown) => e);
    expect((anonymous as TRPCError).code).toBe('UNAUTHORIZED');
  });

  it('are revoked when the user is disabled or their memberships change', async () => {
    const b = browser();
    await b.signIn('partner@test.caremap.eu');
    await t.current.db
      .update(schema.membership)
      .set({ role: 'partner' })
      .where(eq(schema.membership.userId, world.users.partner));
    expect(await b.me()).toBeNull();
    expect(await sessionsOf(world.users.partner)).toHaveLength(0);

    await b.signIn('partner@test.caremap.eu');
    await t.current.db
      .update(schema.appUser)
      .set({ disabledAt: new Date() })
      .where(eq(schema.appUser.id, world.users.partner));
    expect(await sessionsOf(world.users.partner)).toHaveLength(0);
    expect(await b.me()).toBeNull();
    await expect(b.signIn('partner@test.caremap.eu')).rejects.toThrow('Wrong e-mail or password');
  });
});
