// availability.importIcs: the caller's calendar file becomes their 'ics' busy blocks for the next
// 90 days. The previous import is replaced in one transaction, so importing the same file again
// does not double anything, and a file that cannot be read changes nothing.
import { schema } from '@caremap/db';
import type { importIcsInput } from '@caremap/validators';
import { and, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import type { Context, SessionUser } from '../../context';
import { appError } from '../../errors';
import { busyTimesFromIcs, IcsProblem } from './busy-times';

const { busyBlock, workingHours } = schema;

/** How far ahead an import reaches; the slot finder looks at most this far anyway. */
export const ICS_HORIZON_DAYS = 90;

type Signed = Context & { user: SessionUser };

export async function importIcs(ctx: Signed, input: z.infer<typeof importIcsInput>, now = new Date()) {
  const userId = ctx.user.userId;
  const [hours] = await ctx.db
    .select({ timeZone: workingHours.timeZone })
    .from(workingHours)
    .where(eq(workingHours.userId, userId));
  const timeZone = input.timeZone ?? hours?.timeZone ?? 'UTC';
  // From the start of today on the user's clock, so this morning's meetings count too.
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .startOfDay();
  const from = new Date(today.epochMilliseconds);
  const to = new Date(today.add({ days: ICS_HORIZON_DAYS }).epochMilliseconds);

  let read: ReturnType<typeof busyTimesFromIcs>;
  try {
    read = busyTimesFromIcs(input.content, { from, to, floatingZone: timeZone });
  } catch (error) {
    if (!(error instanceof IcsProblem)) throw error;
    // The message names the problem and line for logs and API users; no content of the file.
    throw appError('BAD_REQUEST', 'invalid_calendar', `The calendar file cannot be read: ${error.message}`, {
      problem: error.problem,
      ...(error.line ? { line: error.line } : {}),
      ...(error.detail ? { detail: error.detail } : {}),
    });
  }

  await ctx.db.transaction(async (tx) => {
    await tx.delete(busyBlock).where(and(eq(busyBlock.userId, userId), eq(busyBlock.source, 'ics')));
    // In chunks: one statement's parameters are limited (PostgreSQL: 65,535).
    for (let i = 0; i < read.busy.length; i += 500) {
      await tx
        .insert(busyBlock)
        .values(read.busy.slice(i, i + 500).map((b) => ({ userId, ...b, source: 'ics' as const })));
    }
  });
  return { imported: read.busy.length, skipped: read.skipped, from, to, timeZone };
}
