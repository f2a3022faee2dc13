// The phases of a family conference (familyPhases.*): a table of contents; the work is in
// packages/api/src/conference/family-phases/.
import {
  familyPhaseAddItemInput,
  familyPhaseSlotInput,
  familyPhaseStatusInput,
  familyPhasesGetInput,
  familyPhaseTickInput,
} from '@caremap/validators';
import { addItem, getPhases, setSlot, setStatus, tick } from '../conference/family-phases/handlers';
import { protectedProcedure, router } from '../trpc';

export const familyPhasesRouter = router({
  /** The seven phases in order, each with its slot and checklist (created on the first read if missing). */
  get: protectedProcedure
    .input(familyPhasesGetInput)
    .query(({ ctx, input }) => getPhases(ctx, input.conferenceId)),
  /** A phase's time slot (both ends, or none); refused naming the field when it is not sensible. */
  setSlot: protectedProcedure.input(familyPhaseSlotInput).mutation(({ ctx, input }) => setSlot(ctx, input)),
  setStatus: protectedProcedure
    .input(familyPhaseStatusInput)
    .mutation(({ ctx, input }) => setStatus(ctx, input)),
  /** Ticks or unticks a checklist item, recording who and when. */
  tick: protectedProcedure.input(familyPhaseTickInput).mutation(({ ctx, input }) => tick(ctx, input)),
  /** Adds a typed item at the end of a phase's checklist. */
  addItem: protectedProcedure
    .input(familyPhaseAddItemInput)
    .mutation(({ ctx, input }) => addItem(ctx, input)),
});
