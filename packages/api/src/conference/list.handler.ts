// "My conferences" as lists: the upcoming list and the week / month calendar read the same rows
// through one query, so what a user may see (their own conferences and their agency's) and what is
// written to the audit log cannot drift apart between the two screens.
import { schema } from '@caremap/db';
import { and, asc, eq, gt, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { audit } from '../audit';
import type { Context, SessionUser } from '../context';
import { agenciesWith, decide } from '../policy';

const { agency, conference, conferenceParticipant } = schema;

/**
 * Conferences still going on after `endsAfter` (and, with `startsBefore`, starting before it: the
 * ones overlapping [endsAfter, startsBefore)), soonest first, that the caller takes part in or whose
 * agency they read conferences of. Each row returned is audited as read. A user with no conference
 * read scope at all (an administrator) never gets here: the policy guard refuses them first.
 */
export async function listMyConferences(
  ctx: Context & { user: SessionUser },
  range: { endsAfter: Date; startsBefore?: Date; limit: number },
) {
  const user = ctx.user;
  const ownAgencies = agenciesWith(user, 'conference', 'read');
  const participates = sql`exists (select 1 from ${conferenceParticipant} cp
    where cp.conference_id = ${conference.id} and cp.user_id = ${user.userId})`;
  const visible = ownAgencies.length
    ? or(participates, inArray(conference.agencyId, ownAgencies))
    : participates;
  const when: SQL[] = [gt(conference.endsAt, range.endsAfter)];
  if (range.startsBefore) when.push(lt(conference.startsAt, range.startsBefore));
  const rows = await ctx.db
    .select({
      id: conference.id,
      kind: conference.kind,
      caseRef: conference.caseRef,
      title: conference.title,
      startsAt: conference.startsAt,
      endsAt: conference.endsAt,
      timezone: conference.timezone,
      status: conference.status,
      agencyId: conference.agencyId,
      agencyName: agency.name,
      participantUserIds: sql<
        string[]
      >`coalesce((select array_agg(cp.user_id::text) from ${conferenceParticipant} cp
        where cp.conference_id = ${conference.id} and cp.user_id is not null), '{}')`,
      participantCount: sql<number>`(select count(*)::int from ${conferenceParticipant} cp
        where cp.conference_id = ${conference.id})`,
    })
    .from(conference)
    .innerJoin(agency, eq(agency.id, conference.agencyId))
    .where(and(...when, visible))
    .orderBy(asc(conference.startsAt), asc(conference.id))
    .limit(range.limit);
  // The SQL filter and the policy must agree; checking each row again keeps a wrong join from leaking.
  const allowed = rows.filter((r) =>
    decide(user, 'conference', 'read', { agencyId: r.agencyId, participantUserIds: r.participantUserIds }),
  );
  await audit(
    ctx,
    allowed.map((r) => ({
      action: 'conference.read',
      outcome: 'allowed' as const,
      resourceType: 'conference',
      resourceId: r.id,
    })),
  );
  return {
    // Drafts have no time yet and fail `ends_at > endsAfter`, so every row here has both.
    items: allowed.map(({ agencyId: _a, participantUserIds: _p, startsAt, endsAt, ...r }) => ({
      ...r,
      startsAt: startsAt!,
      endsAt: endsAt!,
    })),
  };
}
