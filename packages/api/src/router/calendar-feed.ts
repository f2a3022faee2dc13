// The caller's personal calendar feed URL; the feed itself is served by apps/api (GET /calendar/:file).
import { feedStatus, revokeFeed, rotateFeed } from '../conference/calendar-feed';
import { protectedProcedure, router } from '../trpc';

export const calendarFeedRouter = router({
  /** Whether a feed exists and since when (its URL is shown only when made). */
  status: protectedProcedure.query(({ ctx }) => feedStatus(ctx)),
  /** Makes a new secret URL; the previous one stops working. */
  rotate: protectedProcedure.mutation(({ ctx }) => rotateFeed(ctx)),
  /** Deletes the feed: its URL answers 404 from now on. */
  revoke: protectedProcedure.mutation(({ ctx }) => revokeFeed(ctx)),
});
