import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { audit } from './audit';
import type { Context } from './context';
import { AppCodeError, appError } from './errors';
import { caseDataResources, procedurePolicy, scopeOf } from './policy';

export interface ZodIssueShape {
  path: (string | number)[];
  code: string;
  message: string;
  minimum?: number;
  maximum?: number;
  format?: string;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const zodIssues: ZodIssueShape[] | undefined =
      cause instanceof ZodError
        ? cause.issues.map((issue) => {
            const extra = issue as { minimum?: unknown; maximum?: unknown; format?: unknown };
            return {
              path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
              code: issue.code,
              message: issue.message,
              ...(typeof extra.minimum === 'number' ? { minimum: extra.minimum } : {}),
              ...(typeof extra.maximum === 'number' ? { maximum: extra.maximum } : {}),
              ...(typeof extra.format === 'string' ? { format: extra.format } : {}),
            };
          })
        : undefined;
    const appCode = cause instanceof AppCodeError ? cause.appCode : undefined;
    const details = cause instanceof AppCodeError ? cause.details : undefined;
    // Internal errors keep their details in the server log, not in the response.
    const message = error.code === 'INTERNAL_SERVER_ERROR' ? 'Internal server error' : shape.message;
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      message,
      data: { ...data, zodIssues, appCode, ...(details === undefined ? {} : { details }) },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const notSignedIn = () => appError('UNAUTHORIZED', 'not_signed_in', 'Sign in to continue');

/**
 * The authorisation guard every procedure passes first, before its input is even parsed: it looks
 * the procedure's path up in `procedurePolicies` (policy.ts). Deny by default: a procedure without
 * an entry fails for everyone, naming itself, so it cannot ship unnoticed. Row-level checks (which
 * conference, which territory) stay in the handlers.
 */
export const policyGuard = t.middleware(async ({ ctx, path, next }) => {
  const policy = procedurePolicy(path);
  if (!policy) {
    // A programming error, not the caller's: 500, and the message (naming the path) goes to the log.
    throw new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      message: `No authorisation policy for procedure '${path}': add it to procedurePolicies in packages/api/src/policy.ts`,
    });
  }
  if ('access' in policy) {
    if (policy.access === 'signed_in' && !ctx.user) throw notSignedIn();
    return next();
  }
  const { resource, action } = policy;
  if (scopeOf(ctx.user, resource, action)) return next();
  if (!ctx.user) throw notSignedIn();
  if (caseDataResources.has(resource)) {
    await audit(ctx, {
      action: path,
      outcome: 'denied',
      resourceType: resource,
      details: { reason: 'no_scope', required: `${resource}.${action}` },
    });
  }
  throw appError('FORBIDDEN', 'forbidden', 'You do not have permission to do this');
});

/** The base of every procedure: the policy table decides who may call it (see `policyGuard`). */
export const publicProcedure = t.procedure.use(policyGuard);

/** Procedures that use `ctx.user`: narrows its type. Their policy entry must not be `public`. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw notSignedIn();
  return next({ ctx: { ...ctx, user: ctx.user } });
});
