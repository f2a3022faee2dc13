// A case's timeline: the table of contents; the work is in conference/timeline.handler.ts.
import { caseTimelineInput } from '@caremap/validators';
import { caseTimeline } from '../conference/timeline.handler';
import { protectedProcedure, router } from '../trpc';

export const caseTimelineRouter = router({
  /** Every conference of one case_ref the caller may read, in time order, with its record and letters. */
  get: protectedProcedure
    .input(caseTimelineInput)
    .query(({ ctx, input }) => caseTimeline(ctx, input.caseRef)),
});
