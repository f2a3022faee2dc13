// Territories: the hierarchy, one territory's page, creating one (administrative units, drawing,
// GeoJSON/KML import with checks and confirmed repairs), and who is assigned. The work is in
// src/network/territory-*.ts; the download (GET /api/territories/<id>.geojson) is a Hono route.
import {
  territoryAssignmentInput,
  territoryCheckInput,
  territoryCreateInput,
  territoryIdInput,
  territoryReportInput,
} from '@caremap/validators';
import { appError } from '../errors';
import { assertTerritoryAccess } from '../network/access';
import { DEFAULT_VERIFY_AFTER_MONTHS } from '../network/records/verification.handler';
import { assignableUsers, checkSource, createTerritory, setAssignment } from '../network/territory-create';
import { mineHandler } from '../network/territory-mine';
import { territoryReport } from '../network/territory-report';
import { territoryPage, territoryTree } from '../network/territory-tree';
import { protectedProcedure, router } from '../trpc';

export const territoryRouter = router({
  /** The territories the signed-in user works in (all of them for an administrator). */
  mine: protectedProcedure.query(({ ctx }) => mineHandler(ctx)),
  /** The hierarchy the caller may see: theirs, what lies below, and the ancestors for context. */
  tree: protectedProcedure.query(({ ctx }) => territoryTree(ctx)),
  get: protectedProcedure
    .input(territoryIdInput)
    .query(({ ctx, input }) => territoryPage(ctx, input.territoryId)),
  /** Validates a file or drawing and answers the geometry to preview; nothing is stored. */
  /** The report's figures (rendered as CSV and PDF by GET /api/territories/<id>/report.{csv,pdf}). */
  report: protectedProcedure.input(territoryReportInput).query(async ({ ctx, input }) => {
    await assertTerritoryAccess(ctx, input.territoryId, 'read');
    const report = await territoryReport(ctx.db, {
      ...input,
      verifyAfterMonths: ctx.verifyAfterMonths ?? DEFAULT_VERIFY_AFTER_MONTHS,
    });
    if (!report) throw appError('NOT_FOUND', 'not_found', 'No such territory');
    return report;
  }),
  check: protectedProcedure
    .input(territoryCheckInput)
    .mutation(({ ctx, input }) => checkSource(ctx.db, input)),
  create: protectedProcedure
    .input(territoryCreateInput)
    .mutation(({ ctx, input }) => createTerritory(ctx, input)),
  assignable: protectedProcedure
    .input(territoryIdInput)
    .query(({ ctx, input }) => assignableUsers(ctx, input.territoryId)),
  assign: protectedProcedure
    .input(territoryAssignmentInput)
    .mutation(({ ctx, input }) => setAssignment(ctx, input, true)),
  unassign: protectedProcedure
    .input(territoryAssignmentInput)
    .mutation(({ ctx, input }) => setAssignment(ctx, input, false)),
});
