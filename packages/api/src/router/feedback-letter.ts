// Feedback letters of a conference: the table of contents; the work is in conference/letters/.
// The PDF itself is a plain GET the browser fetches with its session (apps/api, conference-files.ts).
import {
  conferenceIdInput,
  feedbackLetterDraftInput,
  feedbackLetterEditInput,
  feedbackLetterIdInput,
} from '@caremap/validators';
import { draftLetter, editLetter, listLetters, markLetterSent } from '../conference/letters/letters.handler';
import { protectedProcedure, router } from '../trpc';

export const feedbackLetterRouter = router({
  /** The conference's letters and the recipients a letter can go to (participants and agency organisers). */
  list: protectedProcedure
    .input(conferenceIdInput)
    .query(({ ctx, input }) => listLetters(ctx, input.conferenceId)),
  /** A new draft to one partner institution or organization, in its language unless another is chosen. */
  draft: protectedProcedure
    .input(feedbackLetterDraftInput)
    .mutation(({ ctx, input }) => draftLetter(ctx, input)),
  /** Changes a draft; a letter recorded as sent stays as it was sent. */
  edit: protectedProcedure
    .input(feedbackLetterEditInput)
    .mutation(({ ctx, input }) => editLetter(ctx, input)),
  /** Records that the letter was sent (by post or by hand): who and when. */
  markSent: protectedProcedure
    .input(feedbackLetterIdInput)
    .mutation(({ ctx, input }) => markLetterSent(ctx, input.letterId)),
});
