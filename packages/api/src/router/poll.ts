import { conferenceIdInput, pollAnswerInput, pollSendInput, pollTokenInput } from '@caremap/validators';
import { pollResults, sendPoll } from '../conference/poll.handler';
import { answerPoll, viewPoll } from '../conference/poll-public.handler';
import { protectedProcedure, publicProcedure, router } from '../trpc';

/** The availability poll: the organiser sends proposed times; externals answer through their link. */
export const pollRouter = router({
  /** Sends (or sends again) the chosen times to the externals: one outbox e-mail each, a new link each. */
  send: protectedProcedure.input(pollSendInput).mutation(({ ctx, input }) => sendPoll(ctx, input)),
  /** Every polled person's answer per time, for the proposals screen. */
  results: protectedProcedure
    .input(conferenceIdInput)
    .query(({ ctx, input }) => pollResults(ctx, input.conferenceId)),
  /** The poll page's data for the link's token: the kind and the times, never the title. */
  view: publicProcedure.input(pollTokenInput).query(({ ctx, input }) => viewPoll(ctx, input)),
  /** Saves (or changes) the answers until the deadline. */
  answer: publicProcedure.input(pollAnswerInput).mutation(({ ctx, input }) => answerPoll(ctx, input)),
});
