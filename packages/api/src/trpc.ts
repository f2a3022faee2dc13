import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import type { Context } from './context';
import { AppCodeError, appError } from './errors';

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
    // Internal errors keep their details in the server log, not in the response.
    const message = error.code === 'INTERNAL_SERVER_ERROR' ? 'Internal server error' : shape.message;
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, message, data: { ...data, zodIssues, appCode } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

/** Procedures for signed-in users; anonymous callers get UNAUTHORIZED. */
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw appError('UNAUTHORIZED', 'not_signed_in', 'Sign in to continue');
  return next({ ctx: { ...ctx, user: ctx.user } });
});
