import { authRouter } from './router/auth';
import { availabilityRouter } from './router/availability';
import { conferenceRouter } from './router/conference';
import { directoryRouter } from './router/directory';
import { invitationRouter } from './router/invitation';
import { pollRouter } from './router/poll';
import { taxonomyRouter } from './router/taxonomy';
import { territoryRouter } from './router/territory';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  directory: directoryRouter,
  taxonomy: taxonomyRouter,
  territory: territoryRouter,
  conference: conferenceRouter,
  availability: availabilityRouter,
  invitation: invitationRouter,
  poll: pollRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
