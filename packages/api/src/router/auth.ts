import { hashPassword, schema, verifyPassword } from '@caremap/db';
import { loginInput } from '@caremap/validators';
import { eq } from 'drizzle-orm';
import { audit } from '../audit';
import { clearFailures, isLockedOut, recordFailure } from '../auth/rate-limit';
import { createSession, loadSessionUser, revokeSession } from '../auth/session';
import type { SessionUser } from '../context';
import { appError } from '../errors';
import { publicProcedure, router } from '../trpc';

// Verifying against this when the e-mail is unknown makes both failures take the same time, so the
// response time does not tell an attacker which e-mails have accounts.
let dummyHash: Promise<string> | undefined;
const timingEqualiser = () => {
  dummyHash ??= hashPassword('caremap-timing-equaliser');
  return dummyHash;
};

const publicUser = (u: SessionUser) => ({
  id: u.userId,
  email: u.email,
  displayName: u.displayName,
  locale: u.locale,
  roles: u.roles,
});

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) => ({ user: ctx.user ? publicUser(ctx.user) : null })),

  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const limitKey = `${input.email}|${ctx.clientKey}`;
    if (await isLockedOut(limitKey)) {
      await audit(ctx, {
        action: 'auth.login',
        outcome: 'denied',
        actorUserId: null,
        details: { reason: 'too_many_attempts' },
      });
      throw appError(
        'TOO_MANY_REQUESTS',
        'too_many_attempts',
        'Too many failed sign-in attempts; try again in 15 minutes',
      );
    }
    const [user] = await ctx.db
      .select()
      .from(schema.appUser)
      .where(eq(schema.appUser.email, input.email))
      .limit(1);
    let ok = false;
    if (user && !user.disabledAt) ok = await verifyPassword(user.passwordHash, input.password);
    else await verifyPassword(await timingEqualiser(), input.password);
    if (!user || !ok) {
      await recordFailure(limitKey);
      await audit(ctx, {
        action: 'auth.login',
        outcome: 'failure',
        actorUserId: user?.id ?? null,
        resourceType: 'app_user',
        ...(user ? { resourceId: user.id } : {}),
        details: { reason: user ? (user.disabledAt ? 'disabled' : 'wrong_password') : 'unknown_email' },
      });
      throw appError('UNAUTHORIZED', 'invalid_credentials', 'Wrong e-mail or password');
    }
    await clearFailures(limitKey);
    const session = await createSession(ctx.db, user.id);
    ctx.setSessionToken(session.token, session.expiresAt);
    await audit(ctx, {
      action: 'auth.login',
      outcome: 'success',
      actorUserId: user.id,
      resourceType: 'app_user',
      resourceId: user.id,
    });
    return publicUser(await loadSessionUser(ctx.db, user));
  }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionToken) {
      await revokeSession(ctx.db, ctx.sessionToken);
      if (ctx.user) {
        await audit(ctx, {
          action: 'auth.logout',
          outcome: 'success',
          resourceType: 'app_user',
          resourceId: ctx.user.userId,
        });
      }
    }
    ctx.setSessionToken(null);
    return { ok: true as const };
  }),
});
