import { hashPassword, schema, verifyPassword } from '@caremap/db';
import { loginInput } from '@caremap/validators';
import { eq } from 'drizzle-orm';
import { audit } from '../audit';
import { beginLoginAttempt, DEFAULT_LOGIN_LIMITS, TooManyAttempts } from '../auth/rate-limit';
import {
  createSession,
  loadSessionUser,
  revokeAllSessions,
  revokeSession,
  SESSION_TTL_MS,
} from '../auth/session';
import type { SessionUser } from '../context';
import { appError } from '../errors';
import { protectedProcedure, publicProcedure, router } from '../trpc';

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
    let attempt: Awaited<ReturnType<typeof beginLoginAttempt>>;
    try {
      attempt = await beginLoginAttempt(
        ctx.db,
        input.email,
        ctx.clientKey,
        ctx.settings?.loginLimits ?? DEFAULT_LOGIN_LIMITS,
      );
    } catch (error) {
      if (!(error instanceof TooManyAttempts)) throw error;
      await audit(ctx, {
        action: 'auth.login',
        outcome: 'denied',
        actorUserId: null,
        details: { reason: 'too_many_attempts' },
      });
      throw appError(
        'TOO_MANY_REQUESTS',
        'too_many_attempts',
        `Too many failed sign-in attempts; try again in ${Math.ceil(error.retryAfterSeconds / 60)} minutes`,
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
    const refusedPassword = ok && (ctx.settings?.refusedPasswords ?? []).includes(input.password);
    if (!user || !ok || refusedPassword) {
      await audit(ctx, {
        action: 'auth.login',
        outcome: 'failure',
        actorUserId: user?.id ?? null,
        resourceType: 'app_user',
        ...(user ? { resourceId: user.id } : {}),
        details: {
          reason: !user
            ? 'unknown_email'
            : user.disabledAt
              ? 'disabled'
              : refusedPassword
                ? 'refused_password'
                : 'wrong_password',
        },
      });
      throw appError('UNAUTHORIZED', 'invalid_credentials', 'Wrong e-mail or password');
    }
    await attempt.succeeded();
    // Rotation: whatever session this browser held before is ended, and a new id is issued, so a
    // session id planted before sign-in (fixation) is worth nothing after it.
    if (ctx.sessionToken) await revokeSession(ctx.db, ctx.sessionToken);
    const session = await createSession(ctx.db, user.id, ctx.settings?.sessionTtlMs ?? SESSION_TTL_MS);
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

  /** Ends every session of the signed-in user, on every device ("sign out everywhere"). */
  logoutAll: protectedProcedure.mutation(async ({ ctx }) => {
    const ended = await revokeAllSessions(ctx.db, ctx.user.userId);
    await audit(ctx, {
      action: 'auth.logout_all',
      outcome: 'success',
      resourceType: 'app_user',
      resourceId: ctx.user.userId,
      details: { sessions: ended },
    });
    ctx.setSessionToken(null);
    return { ok: true as const, sessions: ended };
  }),
});
