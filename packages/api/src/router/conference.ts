// The conference domain's table of contents: each procedure's work lives in packages/api/src/conference/.
import { schema } from '@caremap/db';
import {
  conferenceBookInput,
  conferenceCreateInput,
  conferenceIdInput,
  conferenceOutboxInput,
  conferenceProposeInput,
} from '@caremap/validators';
import { and, asc, eq, gte, inArray, or, sql } from 'drizzle-orm';
import { audit } from '../audit';
import { bookOrReschedule, cancelConference } from '../conference/book.handler';
import { createConference } from '../conference/create.handler';
import { organiserDashboard } from '../conference/dashboard.handler';
import { getConference } from '../conference/get.handler';
import { conferenceOptions } from '../conference/options.handler';
import { listOutbox } from '../conference/outbox.handler';
import { proposeForConference } from '../conference/propose.handler';
import { agenciesWith, decide } from '../policy';
import { protectedProcedure, router } from '../trpc';

const { agency, conference, conferenceParticipant } = schema;

export const conferenceRouter = router({
  /**
   * Upcoming conferences the user may see: those they take part in, and their agency's. Case data:
   * audited. A user with no conference read scope at all (an administrator) never gets here: the
   * policy guard answers FORBIDDEN and audits the refusal.
   */
  upcoming: protectedProcedure.query(async ({ ctx }) => {
    const user = ctx.user;
    const ownAgencies = agenciesWith(user, 'conference', 'read');
    const participates = sql`exists (select 1 from ${conferenceParticipant} cp
      where cp.conference_id = ${conference.id} and cp.user_id = ${user.userId})`;
    const visible = ownAgencies.length
      ? or(participates, inArray(conference.agencyId, ownAgencies))
      : participates;
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
      .where(and(gte(conference.endsAt, new Date()), visible))
      .orderBy(asc(conference.startsAt))
      .limit(100);
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
      // Drafts have no time yet and fail `ends_at >= now`, so every row here has both.
      items: allowed.map(({ agencyId: _a, participantUserIds: _p, startsAt, endsAt, ...r }) => ({
        ...r,
        startsAt: startsAt!,
        endsAt: endsAt!,
      })),
    };
  }),

  /** One conference and its invitees (participants and the agency's organisers); audited. */
  get: protectedProcedure
    .input(conferenceIdInput)
    .query(({ ctx, input }) => getConference(ctx, input.conferenceId)),

  /** What the new-conference form offers: own agencies and their rooms, users, partner agencies. */
  options: protectedProcedure.query(({ ctx }) => conferenceOptions(ctx)),

  /** A draft conference: invitees, quorum, rooms, deadline. Nothing booked, nobody told yet. */
  create: protectedProcedure
    .input(conferenceCreateInput)
    .mutation(({ ctx, input }) => createConference(ctx, input)),

  /** Ranked times before the deadline, or what blocks them and what would help. Changes nothing. */
  propose: protectedProcedure
    .input(conferenceProposeInput)
    .query(({ ctx, input }) => proposeForConference(ctx, input)),

  /** Books a proposed time (room and required people) and queues the invitations, in one transaction. */
  book: protectedProcedure
    .input(conferenceBookInput)
    .mutation(({ ctx, input }) => bookOrReschedule(ctx, input, 'book')),

  /** Moves a scheduled conference: same UID, SEQUENCE + 1, new invitations asking everyone again. */
  reschedule: protectedProcedure
    .input(conferenceBookInput)
    .mutation(({ ctx, input }) => bookOrReschedule(ctx, input, 'reschedule')),

  /** Cancels: bookings released, METHOD:CANCEL e-mails to everyone invited. */
  cancel: protectedProcedure
    .input(conferenceIdInput)
    .mutation(({ ctx, input }) => cancelConference(ctx, input.conferenceId)),

  /** What the caller's agencies owe: reviews and signalling meetings due, feedback letters unsent. */
  dashboard: protectedProcedure.query(({ ctx }) => organiserDashboard(ctx)),

  /** The outbox for /conferences/outbox: delivery state, no case content. */
  outbox: protectedProcedure.input(conferenceOutboxInput).query(({ ctx, input }) => listOutbox(ctx, input)),
});
