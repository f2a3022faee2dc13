import { type Database, schema } from '@caremap/db';
import { needCreateInput, needListInput, needStatsInput, needUpdateInput } from '@caremap/validators';
import { sql } from 'drizzle-orm';
import { appError } from '../errors';
import {
  assertMayWriteNeed,
  insertNeed,
  listNeeds,
  needAssignments,
  needStats,
  readNeed,
} from '../network/needs';
import { versionedUpdate } from '../network/records/write';
import { protectedProcedure, router } from '../trpc';

export const needRouter = router({
  /** Needs of the territory and its parts, open and most severe first. */
  list: protectedProcedure.input(needListInput).query(({ ctx, input }) => listNeeds(ctx.db, ctx.user, input)),
  /** Quarterly counts by category and status. */
  stats: protectedProcedure
    .input(needStatsInput)
    .query(({ ctx, input }) => needStats(ctx.db, ctx.user, input)),
  create: protectedProcedure.input(needCreateInput).mutation(async ({ ctx, input }) => {
    const user = ctx.user!;
    await assertMayWriteNeed(ctx.db, user, input.territoryId, 'create');
    return ctx.db.transaction(async (tx) => {
      const row = await insertNeed(tx, user, input);
      const created = (await readNeed(tx, row.id))!;
      await tx.insert(schema.recordHistory).values({
        entity: 'need',
        entityId: row.id,
        version: row.version,
        action: 'create',
        changedBy: user.userId,
        previous: null,
        next: created.fields,
      });
      return { id: row.id, version: row.version };
    });
  }),
  /**
   * Changes on top of the version the editor loaded. Someone else's save since then is a CONFLICT
   * carrying both versions; the history row is written in the same transaction.
   */
  update: protectedProcedure.input(needUpdateInput).mutation(async ({ ctx, input }) => {
    const user = ctx.user!;
    return ctx.db.transaction(async (tx) => {
      const current = await readNeed(tx, input.id, true);
      if (!current) throw appError('NOT_FOUND', 'not_found', 'id: no need with this id');
      // Inside the transaction (PGlite has one connection: a query outside it would wait forever).
      await assertMayWriteNeed(tx as unknown as Database, user, current.territoryId, 'update');
      const { version } = await versionedUpdate(tx, {
        entity: 'need',
        table: sql`need`,
        id: input.id,
        expectedVersion: input.expectedVersion,
        changes: { ...input.changes },
        userId: user.userId,
        action: 'update',
        current,
        check: (merged) => {
          if ((merged.status === 'met') !== (merged.metOn !== null))
            throw appError(
              'BAD_REQUEST',
              'invalid_state',
              'metOn: a need has a date it was met exactly when it is met',
              { field: 'metOn' },
            );
          if (merged.metOn && merged.reportedOn && merged.metOn < merged.reportedOn)
            throw appError(
              'BAD_REQUEST',
              'invalid_state',
              'metOn: a need cannot be met before it was reported',
              {
                field: 'metOn',
              },
            );
        },
        set: (next) => needAssignments(next as Record<string, string | null>),
      });
      return { version };
    });
  }),
});
