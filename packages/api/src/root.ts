import { authRouter } from './router/auth';
import { conferenceRouter } from './router/conference';
import { directoryRouter } from './router/directory';
import { territoryRouter } from './router/territory';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  directory: directoryRouter,
  territory: territoryRouter,
  conference: conferenceRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
