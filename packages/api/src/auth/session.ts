import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@caremap/db';
import { schema } from '@caremap/db';
import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { SessionUser } from '../context';

const { appUser, agency, membership, territoryAssignment, userSession } = schema;

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 60 * 60 * 1000;
// last_seen_at is written at most this often per session, not on every request.
const TOUCH_EVERY_MS = 60 * 1000;

const sha256 = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Creates a session and returns the cookie token; only its hash is stored. */
export async function createSession(db: Database, userId: string, ttlMs = SESSION_TTL_MS) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMs);
  await db.insert(userSession).values({ tokenHash: sha256(token), userId, expiresAt });
  return { token, expiresAt };
}

export async function revokeSession(db: Database, token: string) {
  await db.delete(userSession).where(eq(userSession.tokenHash, sha256(token)));
}

/** Ends every session of a user ("sign out everywhere"); returns how many there were. */
export async function revokeAllSessions(db: Database, userId: string): Promise<number> {
  const rows = await db
    .delete(userSession)
    .where(eq(userSession.userId, userId))
    .returning({ id: userSession.id });
  return rows.length;
}

/** Deletes sessions past their lifetime or idle too long; the server runs it periodically. */
export async function purgeExpiredSessions(db: Database, idleMs = SESSION_IDLE_MS): Promise<number> {
  const now = Date.now();
  const rows = await db
    .delete(userSession)
    .where(or(lt(userSession.expiresAt, new Date(now)), lt(userSession.lastSeenAt, new Date(now - idleMs))))
    .returning({ id: userSession.id });
  return rows.length;
}

/**
 * The signed-in user behind a cookie token, or null when it is unknown, past its lifetime, idle
 * for longer than `idleMs`, or its user is disabled. A live session's last_seen_at moves on.
 */
export async function resolveSession(
  db: Database,
  token: string | null | undefined,
  idleMs = SESSION_IDLE_MS,
): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const now = Date.now();
  const [row] = await db
    .select({ user: appUser, sessionId: userSession.id, lastSeenAt: userSession.lastSeenAt })
    .from(userSession)
    .innerJoin(appUser, eq(appUser.id, userSession.userId))
    .where(
      and(
        eq(userSession.tokenHash, sha256(token)),
        gt(userSession.expiresAt, new Date(now)),
        gt(userSession.lastSeenAt, new Date(now - idleMs)),
        isNull(appUser.disabledAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(userSession)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(userSession.id, row.sessionId));
  }
  return loadSessionUser(db, row.user);
}

export async function loadSessionUser(db: Database, user: typeof appUser.$inferSelect): Promise<SessionUser> {
  const [roles, territories] = await Promise.all([
    db
      .select({ role: membership.role, agencyId: membership.agencyId, agencyName: agency.name })
      .from(membership)
      .innerJoin(agency, eq(agency.id, membership.agencyId))
      .where(eq(membership.userId, user.id)),
    db
      .select({ territoryId: territoryAssignment.territoryId })
      .from(territoryAssignment)
      .where(eq(territoryAssignment.userId, user.id)),
  ]);
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    roles,
    territoryIds: territories.map((t) => t.territoryId),
  };
}
