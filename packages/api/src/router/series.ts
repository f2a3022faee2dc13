// Signalling-meeting series: the rule, its exceptions and the conference of each occurrence. The
// work lives in packages/api/src/conference/series/.
import {
  seriesCreateInput,
  seriesIdInput,
  seriesMoveInput,
  seriesOccurrencesInput,
  seriesRestoreInput,
  seriesScheduleInput,
  seriesSkipInput,
  seriesUpdateInput,
} from '@caremap/validators';
import { getSeries, listSeries, seriesOccurrences } from '../conference/series/read.handler';
import { scheduleOccurrence } from '../conference/series/schedule.handler';
import {
  createSeries,
  moveOccurrence,
  restoreOccurrence,
  skipOccurrence,
  updateSeries,
} from '../conference/series/write.handler';
import { protectedProcedure, router } from '../trpc';

export const seriesRouter = router({
  /** The series of the agencies where the caller organises, with each one's next meeting. */
  list: protectedProcedure.query(({ ctx }) => listSeries(ctx)),
  /** One series: rule, first meeting, defaults and exceptions. */
  get: protectedProcedure.input(seriesIdInput).query(({ ctx, input }) => getSeries(ctx, input.seriesId)),
  /** A new series (every two months by default: the form's preset). */
  create: protectedProcedure.input(seriesCreateInput).mutation(({ ctx, input }) => createSeries(ctx, input)),
  /** Edits the rule, first meeting and defaults; refuses a bad RRULE naming its part. */
  update: protectedProcedure.input(seriesUpdateInput).mutation(({ ctx, input }) => updateSeries(ctx, input)),
  /** The next occurrences in the series' zone, exceptions applied, each with its conference if any. */
  occurrences: protectedProcedure
    .input(seriesOccurrencesInput)
    .query(({ ctx, input }) => seriesOccurrences(ctx, input)),
  /** Cancels one occurrence (EXDATE). */
  skip: protectedProcedure.input(seriesSkipInput).mutation(({ ctx, input }) => skipOccurrence(ctx, input)),
  /** Moves one occurrence to another local time. */
  move: protectedProcedure.input(seriesMoveInput).mutation(({ ctx, input }) => moveOccurrence(ctx, input)),
  /** Undoes a skip or a move. */
  restore: protectedProcedure
    .input(seriesRestoreInput)
    .mutation(({ ctx, input }) => restoreOccurrence(ctx, input)),
  /** Creates the occurrence's conference and books it at the occurrence's time. */
  schedule: protectedProcedure
    .input(seriesScheduleInput)
    .mutation(({ ctx, input }) => scheduleOccurrence(ctx, input)),
});
