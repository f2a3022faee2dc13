import { coverageInput } from '@caremap/validators';
import { appError } from '../errors';
import { coverageGaps, coverageMatrix } from '../network/coverage';
import { territoryLineage } from '../network/territory-access';
import { decide } from '../policy';
import { protectedProcedure, router } from '../trpc';

async function assertMayRead(
  ctx: { db: Parameters<typeof coverageGaps>[0]; user: Parameters<typeof decide>[0] },
  territoryId: string,
) {
  const lineage = await territoryLineage(ctx.db, territoryId);
  if (lineage.length === 0) throw appError('NOT_FOUND', 'not_found', 'No such territory');
  if (!decide(ctx.user, 'territory', 'read', { territoryIds: lineage }))
    throw appError('FORBIDDEN', 'forbidden', 'This territory is not one of yours');
}

export const coverageRouter = router({
  /** Settlements without a service of the chosen types within the distance, and the summaries. */
  gaps: protectedProcedure.input(coverageInput).query(async ({ ctx, input }) => {
    await assertMayRead(ctx, input.territoryId);
    const result = await coverageGaps(ctx.db, input);
    if (!result) throw appError('NOT_FOUND', 'not_found', 'No such territory');
    return result;
  }),
  /** Each part of the territory (its ORPs or districts) against each service type separately. */
  matrix: protectedProcedure.input(coverageInput).query(async ({ ctx, input }) => {
    await assertMayRead(ctx, input.territoryId);
    const result = await coverageMatrix(ctx.db, input);
    if (!result) throw appError('NOT_FOUND', 'not_found', 'No such territory');
    return result;
  }),
});
