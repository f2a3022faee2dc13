// A signed-in user's own availability for the slot finder: their working week and busy blocks.
// Each user sees and changes only their own; nobody else's calendar is readable here (organisers
// get free/busy only through conference.propose, as proposals).
import { schema } from '@caremap/db';
import { busyBlockIdInput, busyBlockInput, importIcsInput, workingHoursInput } from '@caremap/validators';
import { and, asc, eq, gte } from 'drizzle-orm';
import { importIcs } from '../conference/ics-import/import.handler';
import { appError } from '../errors';
import { protectedProcedure, router } from '../trpc';

const { busyBlock, workingHours } = schema;

export const availabilityRouter = router({
  /** My working hours (null: not entered, office hours are assumed) and my busy blocks from today on. */
  mine: protectedProcedure.query(async ({ ctx }) => {
    const [hours] = await ctx.db.select().from(workingHours).where(eq(workingHours.userId, ctx.user.userId));
    const blocks = await ctx.db
      .select({
        id: busyBlock.id,
        startsAt: busyBlock.startsAt,
        endsAt: busyBlock.endsAt,
        source: busyBlock.source,
      })
      .from(busyBlock)
      .where(and(eq(busyBlock.userId, ctx.user.userId), gte(busyBlock.endsAt, new Date())))
      .orderBy(asc(busyBlock.startsAt))
      .limit(500);
    return {
      workingHours: hours ? { timeZone: hours.timeZone, hours: hours.hours } : null,
      busyBlocks: blocks,
    };
  }),

  setWorkingHours: protectedProcedure.input(workingHoursInput).mutation(async ({ ctx, input }) => {
    await ctx.db
      .insert(workingHours)
      .values({ userId: ctx.user.userId, timeZone: input.timeZone, hours: input.hours })
      .onConflictDoUpdate({
        target: workingHours.userId,
        set: { timeZone: input.timeZone, hours: input.hours },
      });
    return { timeZone: input.timeZone, hours: input.hours };
  }),

  addBusyBlock: protectedProcedure.input(busyBlockInput).mutation(async ({ ctx, input }) => {
    const [row] = await ctx.db
      .insert(busyBlock)
      .values({ userId: ctx.user.userId, startsAt: input.startsAt, endsAt: input.endsAt, source: 'manual' })
      .returning({ id: busyBlock.id, startsAt: busyBlock.startsAt, endsAt: busyBlock.endsAt });
    return row!;
  }),

  removeBusyBlock: protectedProcedure.input(busyBlockIdInput).mutation(async ({ ctx, input }) => {
    const removed = await ctx.db
      .delete(busyBlock)
      .where(and(eq(busyBlock.id, input.busyBlockId), eq(busyBlock.userId, ctx.user.userId)))
      .returning({ id: busyBlock.id });
    if (removed.length === 0) throw appError('NOT_FOUND', 'not_found', 'No such busy block of yours');
    return { removed: removed[0]!.id };
  }),

  /**
   * Replaces my busy blocks from a calendar file with those of this one (today + 90 days). Only
   * start and end times are kept. A mutation: the file travels in the body.
   */
  importIcs: protectedProcedure.input(importIcsInput).mutation(({ ctx, input }) => importIcs(ctx, input)),
});
