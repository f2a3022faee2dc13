// Each user's personal calendar feed: a secret URL (`/calendar/<token>.ics`) a calendar app
// subscribes to, serving the user's conferences (as participant or organiser). Only the token's
// SHA-256 is stored (as for poll and invitation links); rotating replaces it, so the old URL dies at
// once; revoking deletes it. The feed carries logistics and the case_ref only, like the invitations,
// with the invitations' UID and SEQUENCE. The public side is rate-limited per client address.
import { schema } from '@caremap/db';
import { and, asc, eq, gte, isNotNull, or, sql } from 'drizzle-orm';
import { audit } from '../audit';
import type { Context, SessionUser } from '../context';
import { appError } from '../errors';
import { type FeedEvent, feedIcs } from './invitation';
import { invitationMessage, onlineLabel } from './messages';
import { DEFAULT_PUBLIC_URL, hashToken, newToken } from './outbox';
import { consumePublicLink } from './public-limit';

const { appUser, calendarFeed, conference, conferenceParticipant, room } = schema;

type Ctx = Context & { user: SessionUser };

export const CALENDAR_FEED_PATH = '/calendar';
/** Conferences that ended longer ago than this drop out of the feed. */
const FEED_HISTORY_DAYS = 90;

const feedUrl = (ctx: Pick<Context, 'publicUrl'>, token: string) =>
  `${(ctx.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/$/, '')}${CALENDAR_FEED_PATH}/${token}.ics`;

/** Whether the caller has a feed, and since when; the URL itself is shown only when it is made. */
export async function feedStatus(ctx: Ctx) {
  const [row] = await ctx.db
    .select({ createdAt: calendarFeed.createdAt })
    .from(calendarFeed)
    .where(eq(calendarFeed.userId, ctx.user.userId));
  return { active: !!row, createdAt: row?.createdAt ?? null };
}

/** A new secret URL; any earlier one stops working in the same statement. */
export async function rotateFeed(ctx: Ctx) {
  const token = newToken();
  const [row] = await ctx.db
    .insert(calendarFeed)
    .values({ userId: ctx.user.userId, tokenHash: hashToken(token) })
    .onConflictDoUpdate({
      target: calendarFeed.userId,
      set: { tokenHash: hashToken(token), createdAt: sql`now()` },
    })
    .returning({ createdAt: calendarFeed.createdAt });
  await audit(ctx, { action: 'calendar_feed.rotate', outcome: 'success', resourceType: 'calendar_feed' });
  return { url: feedUrl(ctx, token), createdAt: row!.createdAt };
}

export async function revokeFeed(ctx: Ctx) {
  const removed = await ctx.db
    .delete(calendarFeed)
    .where(eq(calendarFeed.userId, ctx.user.userId))
    .returning({ userId: calendarFeed.userId });
  await audit(ctx, { action: 'calendar_feed.revoke', outcome: 'success', resourceType: 'calendar_feed' });
  return { revoked: removed.length > 0 };
}

/**
 * The feed for a token, or NOT_FOUND (unknown, rotated or revoked token: indistinguishable).
 * Every conference it lists is audited as a read by the feed's owner.
 */
export async function calendarFeedIcs(
  ctx: Pick<Context, 'db' | 'requestId' | 'clientKey'>,
  token: string,
  now = new Date(),
): Promise<string> {
  await consumePublicLink(ctx, 'calendar-feed');
  const [owner] = /^[A-Za-z0-9_-]{43}$/.test(token)
    ? await ctx.db
        .select({ id: appUser.id, locale: appUser.locale, displayName: appUser.displayName })
        .from(calendarFeed)
        .innerJoin(appUser, eq(appUser.id, calendarFeed.userId))
        .where(eq(calendarFeed.tokenHash, hashToken(token)))
    : [];
  if (!owner) throw appError('NOT_FOUND', 'not_found', 'No such calendar feed');
  const takesPart = sql`exists (select 1 from ${conferenceParticipant} cp
    where cp.conference_id = ${conference.id} and cp.user_id = ${owner.id})`;
  const rows = await ctx.db
    .select({
      id: conference.id,
      kind: conference.kind,
      caseRef: conference.caseRef,
      startsAt: conference.startsAt,
      endsAt: conference.endsAt,
      timezone: conference.timezone,
      status: conference.status,
      icalUid: conference.icalUid,
      sequence: conference.sequence,
      online: conference.online,
      locationNote: conference.locationNote,
      roomName: room.name,
      organiserName: appUser.displayName,
      updatedAt: conference.updatedAt,
    })
    .from(conference)
    .innerJoin(appUser, eq(appUser.id, conference.organiserUserId))
    .leftJoin(room, eq(room.id, conference.roomId))
    .where(
      and(
        isNotNull(conference.startsAt),
        gte(conference.endsAt, new Date(now.getTime() - FEED_HISTORY_DAYS * 86_400_000)),
        or(eq(conference.organiserUserId, owner.id), takesPart),
      ),
    )
    .orderBy(asc(conference.startsAt), asc(conference.id))
    .limit(500);
  const locale = owner.locale;
  const events = rows.map((r): FeedEvent => {
    const place = [r.roomName ?? (r.online ? onlineLabel(locale) : null), r.locationNote]
      .filter(Boolean)
      .join(' – ');
    const cancelled = r.status === 'cancelled';
    const { summary, text } = invitationMessage(locale, cancelled ? 'CANCEL' : 'REQUEST', {
      kind: r.kind,
      caseRef: r.caseRef,
      startsAt: r.startsAt!,
      endsAt: r.endsAt!,
      timezone: r.timezone,
      place,
      organiserName: r.organiserName,
    });
    return {
      uid: r.icalUid,
      sequence: r.sequence,
      startsAt: r.startsAt!,
      endsAt: r.endsAt!,
      timezone: r.timezone,
      summary,
      ...(place ? { location: place } : {}),
      description: text,
      cancelled,
      stamp: r.updatedAt,
    };
  });
  await audit(
    { ...ctx, user: null },
    rows.map((r) => ({
      action: 'conference.calendar_feed',
      outcome: 'allowed' as const,
      resourceType: 'conference',
      resourceId: r.id,
      actorUserId: owner.id,
    })),
  );
  return feedIcs(`CareMap – ${owner.displayName}`, events);
}
