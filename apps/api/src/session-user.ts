// The signed-in user of a REST request (downloads, uploads), from the session cookie: the same
// lookup the tRPC context makes, for the Hono sub-apps that answer outside tRPC.
import { resolveSession } from '@caremap/api';
import type { DatabaseHandle } from '@caremap/db';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';

export interface SessionCookieOptions {
  database: DatabaseHandle;
  sessionCookie: string;
  sessionIdleMs: number;
}

export function sessionUserOf(c: Context, options: SessionCookieOptions) {
  return resolveSession(
    options.database.db,
    getCookie(c, options.sessionCookie) ?? null,
    options.sessionIdleMs,
  );
}
