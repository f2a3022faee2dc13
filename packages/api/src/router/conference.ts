// The conference domain's table of contents: each procedure's work lives in packages/api/src/conference/.
import {
  conferenceBookInput,
  conferenceCreateInput,
  conferenceIdInput,
  conferenceOutboxInput,
  conferenceProposeInput,
  conferenceRangeInput,
} from '@caremap/validators';
import { bookOrReschedule, cancelConference } from '../conference/book.handler';
import { createConference } from '../conference/create.handler';
import { organiserDashboard } from '../conference/dashboard.handler';
import { getConference } from '../conference/get.handler';
import { listMyConferences } from '../conference/list.handler';
import { conferenceOptions } from '../conference/options.handler';
import { listOutbox } from '../conference/outbox.handler';
import { proposeForConference } from '../conference/propose.handler';
import { protectedProcedure, router } from '../trpc';

export const conferenceRouter = router({
  /**
   * Upcoming conferences the user may see: those they take part in, and their agency's. Case data:
   * audited. A user with no conference read scope at all (an administrator) never gets here: the
   * policy guard answers FORBIDDEN and audits the refusal.
   */
  upcoming: protectedProcedure.query(({ ctx }) =>
    listMyConferences(ctx, { endsAfter: new Date(), limit: 100 }),
  ),

  /**
   * The same conferences (same visibility, same audit) overlapping [from, to), for the week and
   * month calendar: one that began before `from` and is still going on is included.
   */
  inRange: protectedProcedure
    .input(conferenceRangeInput)
    .query(({ ctx, input }) =>
      listMyConferences(ctx, { endsAfter: input.from, startsBefore: input.to, limit: 500 }),
    ),

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
