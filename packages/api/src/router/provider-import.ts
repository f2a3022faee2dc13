// Spreadsheet import of providers in the network screens (packages/api/src/network/import).
import { providerImportApplyInput, providerImportPreviewInput } from '@caremap/validators';
import { applyImport, previewImport } from '../network/import/import.handler';
import { protectedProcedure, router } from '../trpc';

export const providerImportRouter = router({
  // A mutation though it stores nothing: the file travels in the body, not the URL.
  preview: protectedProcedure
    .input(providerImportPreviewInput)
    .mutation(({ ctx, input }) => previewImport(ctx, input)),
  commit: protectedProcedure
    .input(providerImportApplyInput)
    .mutation(({ ctx, input }) => applyImport(ctx, input)),
});
