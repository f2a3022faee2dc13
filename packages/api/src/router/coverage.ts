import { coverageInput } from '@caremap/validators';
import { appError } from '../errors';
import { assertMayReadTerritory } from '../network/access';
import { coverageGaps, coverageMatrix } from '../network/coverage';
import { protectedProcedure, router } from '../trpc';

export const coverageRouter = router({
  /** Settlements without a service of the chosen types within the distance, and the summaries. */
  gaps: protectedProcedure.input(coverageInput).query(async ({ ctx, input }) => {
    await assertMayReadTerritory(ctx.db, ctx.user, input.territoryId);
    const result = await coverageGaps(ctx.db, input);
    if (!result) throw appError('NOT_FOUND', 'not_found', 'No such territory');
    return result;
  }),
  /** Each part of the territory (its ORPs or districts) against each service type separately. */
  matrix: protectedProcedure.input(coverageInput).query(async ({ ctx, input }) => {
    await assertMayReadTerritory(ctx.db, ctx.user, input.territoryId);
    const result = await coverageMatrix(ctx.db, input);
    if (!result) throw appError('NOT_FOUND', 'not_found', 'No such territory');
    return result;
  }),
});
