// Loading one conference for a caller, with the row-level decision of the policy: participants and
// the responsible agency's organisers read it; only the agency's organisers change it. Refusals are
// audited (case data) and answer NOT_FOUND, so a caller learns nothing about conferences not theirs.
import { type Database, schema } from '@caremap/db';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { audit } from '../audit';
import type { Context, SessionUser } from '../context';
import { appError } from '../errors';
import { decide } from '../policy';

const { conference, conferenceParticipant } = schema;

export type ConferenceRow = typeof conference.$inferSelect;

export async function participantUserIds(db: Database, conferenceId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: conferenceParticipant.userId })
    .from(conferenceParticipant)
    .where(
      and(eq(conferenceParticipant.conferenceId, conferenceId), isNotNull(conferenceParticipant.userId)),
    );
  return rows.map((r) => r.userId!);
}

/**
 * The one row-level rule for a conference: the policy decides on its responsible agency and the
 * users taking part. Every conference read and write goes through here.
 */
export const mayAccess = (
  user: SessionUser,
  action: 'read' | 'update',
  row: Pick<ConferenceRow, 'agencyId'>,
  participants: readonly string[],
) => decide(user, 'conference', action, { agencyId: row.agencyId, participantUserIds: participants });

/** Of `rows`, those `user` may `action` (by `mayAccess`), in the order given; one query for all. */
export async function accessibleConferences<R extends Pick<ConferenceRow, 'id' | 'agencyId'>>(
  db: Database,
  user: SessionUser,
  action: 'read' | 'update',
  rows: R[],
): Promise<R[]> {
  if (rows.length === 0) return [];
  const links = await db
    .select({ conferenceId: conferenceParticipant.conferenceId, userId: conferenceParticipant.userId })
    .from(conferenceParticipant)
    .where(
      and(
        inArray(
          conferenceParticipant.conferenceId,
          rows.map((r) => r.id),
        ),
        isNotNull(conferenceParticipant.userId),
      ),
    );
  const byConference = new Map<string, string[]>();
  for (const l of links)
    byConference.set(l.conferenceId, [...(byConference.get(l.conferenceId) ?? []), l.userId!]);
  return rows.filter((r) => mayAccess(user, action, r, byConference.get(r.id) ?? []));
}

/** The conference if `user` may `action` it; otherwise NOT_FOUND (and an audited refusal). */
export async function conferenceFor(
  ctx: Pick<Context, 'db' | 'requestId'> & { user: SessionUser },
  conferenceId: string,
  action: 'read' | 'update',
  auditAction: string,
): Promise<ConferenceRow> {
  const [row] = await ctx.db.select().from(conference).where(eq(conference.id, conferenceId));
  const allowed = !!row && mayAccess(ctx.user, action, row, await participantUserIds(ctx.db, conferenceId));
  if (!row || !allowed) {
    await audit(ctx, {
      action: auditAction,
      outcome: 'denied',
      resourceType: 'conference',
      resourceId: conferenceId,
      details: { reason: row ? 'not_permitted' : 'unknown' },
    });
    throw appError('NOT_FOUND', 'not_found', 'No such conference, or not one you may see');
  }
  return row;
}
