import { authRouter } from './router/auth';
import { availabilityRouter } from './router/availability';
import { calendarFeedRouter } from './router/calendar-feed';
import { caseTimelineRouter } from './router/case-timeline';
import { conferenceRouter } from './router/conference';
import { coverageRouter } from './router/coverage';
import { directoryRouter } from './router/directory';
import { directoryImportRouter } from './router/directory-import';
import { familyPhasesRouter } from './router/family-phases';
import { feedbackLetterRouter } from './router/feedback-letter';
import { invitationRouter } from './router/invitation';
import { actionItemsRouter, recordRouter } from './router/meeting-record';
import { needRouter } from './router/need';
import { networkRecordRouter } from './router/network-record';
import { pollRouter } from './router/poll';
import { providerImportRouter } from './router/provider-import';
import { seriesRouter } from './router/series';
import { taxonomyRouter } from './router/taxonomy';
import { territoryRouter } from './router/territory';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  directory: directoryRouter,
  taxonomy: taxonomyRouter,
  territory: territoryRouter,
  coverage: coverageRouter,
  need: needRouter,
  conference: conferenceRouter,
  availability: availabilityRouter,
  invitation: invitationRouter,
  directoryImport: directoryImportRouter,
  record: recordRouter,
  actionItems: actionItemsRouter,
  poll: pollRouter,
  feedbackLetter: feedbackLetterRouter,
  calendarFeed: calendarFeedRouter,
  caseTimeline: caseTimelineRouter,
  networkRecord: networkRecordRouter,
  providerImport: providerImportRouter,
  series: seriesRouter,
  familyPhases: familyPhasesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
