// Territories: the hierarchy, one territory's page, creating one (administrative units, drawing,
// GeoJSON/KML import with checks and confirmed repairs), and who is assigned. The work is in
// src/network/territory-*.ts; the download (GET /api/territories/<id>.geojson) is a Hono route.
import {
  territoryAssignmentInput,
  territoryCheckInput,
  territoryCreateInput,
  territoryIdInput,
} from '@caremap/validators';
import { assignableUsers, checkSource, createTerritory, setAssignment } from '../network/territory-create';
import { mineHandler } from '../network/territory-mine';
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
