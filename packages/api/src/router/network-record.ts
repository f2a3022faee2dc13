// Providers and partner institutions in the network screens: listing, editing without lost edits,
// history, verification and the moderation of public suggestions (packages/api/src/network/records).
import {
  partnerInstitutionCreateInput,
  providerCreateInput,
  recordRefInput,
  recordUpdateInput,
  recordVerifyInput,
  suggestionAcceptInput,
  suggestionRejectInput,
  territoryRecordsInput,
} from '@caremap/validators';
import { acceptSuggestion, listSuggestions, rejectSuggestion } from '../network/records/moderation.handler';
import {
  createPartner,
  createProvider,
  getRecord,
  listRecords,
  recordHistory,
  updateRecordHandler,
} from '../network/records/records.handler';
import { dueForVerification, verifyRecord } from '../network/records/verification.handler';
import { protectedProcedure, router } from '../trpc';

export const networkRecordRouter = router({
  list: protectedProcedure.input(territoryRecordsInput).query(({ ctx, input }) => listRecords(ctx, input)),
  get: protectedProcedure.input(recordRefInput).query(({ ctx, input }) => getRecord(ctx, input)),
  history: protectedProcedure.input(recordRefInput).query(({ ctx, input }) => recordHistory(ctx, input)),
  createPartner: protectedProcedure
    .input(partnerInstitutionCreateInput)
    .mutation(({ ctx, input }) => createPartner(ctx, input)),
  createProvider: protectedProcedure
    .input(providerCreateInput)
    .mutation(({ ctx, input }) => createProvider(ctx, input)),
  update: protectedProcedure
    .input(recordUpdateInput)
    .mutation(({ ctx, input }) => updateRecordHandler(ctx, input)),
  due: protectedProcedure
    .input(territoryRecordsInput)
    .query(({ ctx, input }) => dueForVerification(ctx, input)),
  verify: protectedProcedure.input(recordVerifyInput).mutation(({ ctx, input }) => verifyRecord(ctx, input)),
  suggestions: protectedProcedure
    .input(territoryRecordsInput)
    .query(({ ctx, input }) => listSuggestions(ctx, input)),
  acceptSuggestion: protectedProcedure
    .input(suggestionAcceptInput)
    .mutation(({ ctx, input }) => acceptSuggestion(ctx, input)),
  rejectSuggestion: protectedProcedure
    .input(suggestionRejectInput)
    .mutation(({ ctx, input }) => rejectSuggestion(ctx, input)),
});
