import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@caremap/db';
import { schema } from '@caremap/db';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { SessionUser } from '../context';

const { appUser, agency, membership, territoryAssignment, userSession } = schema;

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

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

/** The signed-in user behind a cookie token, or null when it is unknown, expired or disabled. */
export async function resolveSession(
  db: Database,
  token: string | null | undefined,
): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const [row] = await db
    .select({ user: appUser })
    .from(userSession)
    .innerJoin(appUser, eq(appUser.id, userSession.userId))
    .where(
      and(
        eq(userSession.tokenHash, sha256(token)),
        gt(userSession.expiresAt, new Date()),
        isNull(appUser.disabledAt),
      ),
    )
    .limit(1);
  return row ? loadSessionUser(db, row.user) : null;
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
