export { audit } from './audit';
export { resolveSession, SESSION_TTL_MS } from './auth/session';
export type { Context, SessionUser } from './context';
export { type AppCode, AppCodeError, appError } from './errors';
export { type Action, type Actor, decide, type Resource, type Scope, scopeOf } from './policy';
export { type AppRouter, appRouter, createCaller } from './root';
export type { ZodIssueShape } from './trpc';
