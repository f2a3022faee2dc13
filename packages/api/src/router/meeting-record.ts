// The meeting record of a conference (record.*) and action items across conferences
// (actionItems.*): a table of contents; the work is in packages/api/src/conference/record/.
import {
  actionItemCreateInput,
  actionItemUpdateInput,
  agendaApplyTemplateInput,
  agendaSetInput,
  attendanceSetInput,
  conferenceIdInput,
  decisionAddInput,
  decisionUpdateInput,
  minutesSaveInput,
  scheduleNextInput,
} from '@caremap/validators';
import {
  createActionItem,
  myActionItems,
  overdueActionItems,
  updateActionItem,
} from '../conference/record/action-items.handler';
import { scheduleNext } from '../conference/record/follow-up.handler';
import { getRecord } from '../conference/record/get.handler';
import {
  addDecision,
  applyAgendaTemplate,
  saveMinutes,
  setAgenda,
  setAttendance,
  updateDecision,
} from '../conference/record/write.handler';
import { protectedProcedure, router } from '../trpc';

export const recordRouter = router({
  /** Agenda, attendance, minutes, decisions, action items and the follow-up; audited. */
  get: protectedProcedure
    .input(conferenceIdInput)
    .query(({ ctx, input }) => getRecord(ctx, input.conferenceId)),
  /** The whole agenda in its new order (add, reorder, remove in one). */
  setAgenda: protectedProcedure.input(agendaSetInput).mutation(({ ctx, input }) => setAgenda(ctx, input)),
  /** Appends the conference kind's template items that are not on the agenda yet. */
  applyAgendaTemplate: protectedProcedure
    .input(agendaApplyTemplateInput)
    .mutation(({ ctx, input }) => applyAgendaTemplate(ctx, input)),
  setAttendance: protectedProcedure
    .input(attendanceSetInput)
    .mutation(({ ctx, input }) => setAttendance(ctx, input)),
  /** Saves the minutes unless someone saved since `expectedVersion` (then CONFLICT, nothing saved). */
  saveMinutes: protectedProcedure
    .input(minutesSaveInput)
    .mutation(({ ctx, input }) => saveMinutes(ctx, input)),
  addDecision: protectedProcedure
    .input(decisionAddInput)
    .mutation(({ ctx, input }) => addDecision(ctx, input)),
  updateDecision: protectedProcedure
    .input(decisionUpdateInput)
    .mutation(({ ctx, input }) => updateDecision(ctx, input)),
  /** A draft follow-up for the same case and kind, same invitees; returns the existing one if made. */
  scheduleNext: protectedProcedure
    .input(scheduleNextInput)
    .mutation(({ ctx, input }) => scheduleNext(ctx, input.conferenceId)),
});

export const actionItemsRouter = router({
  create: protectedProcedure
    .input(actionItemCreateInput)
    .mutation(({ ctx, input }) => createActionItem(ctx, input)),
  update: protectedProcedure
    .input(actionItemUpdateInput)
    .mutation(({ ctx, input }) => updateActionItem(ctx, input)),
  /** The caller's open items across conferences, overdue first. */
  mine: protectedProcedure.query(({ ctx }) => myActionItems(ctx)),
  /** Overdue open items of the conferences of the agencies the caller organises for. */
  overdue: protectedProcedure.query(({ ctx }) => overdueActionItems(ctx)),
});
