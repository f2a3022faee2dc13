import { invitationRespondInput } from '@caremap/validators';
import { respondToInvitation } from '../conference/respond.handler';
import { publicProcedure, router } from '../trpc';

/** What invitees without an account do through the links in their e-mail. */
export const invitationRouter = router({
  /** Accept, maybe or decline with the token of the e-mail's link; a bad or expired token gets a typed error. */
  respond: publicProcedure
    .input(invitationRespondInput)
    .mutation(({ ctx, input }) => respondToInvitation(ctx, input)),
});
