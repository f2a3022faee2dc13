// HSDS import jobs for the upload page (apps/network /network/import). The upload itself is an HTTP
// route (apps/api/src/imports.ts: a file body is no tRPC input); these procedures poll its job.
import { directoryImportGetInput, directoryImportListInput } from '@caremap/validators';
import { getImportJob, listImportJobs } from '../directory-import/jobs';
import { appError } from '../errors';
import { protectedProcedure, router } from '../trpc';

export const directoryImportRouter = router({
  /** One job with its report: the caller's own (any for an administrator), else NOT_FOUND. */
  get: protectedProcedure.input(directoryImportGetInput).query(async ({ ctx, input }) => {
    const job = await getImportJob(ctx.db, ctx.user, input.id);
    if (!job) throw appError('NOT_FOUND', 'not_found', 'No such import');
    return job;
  }),
  /** Recent jobs, newest first, without their reports. */
  list: protectedProcedure.input(directoryImportListInput).query(async ({ ctx, input }) => ({
    items: await listImportJobs(ctx.db, ctx.user, input.limit),
  })),
});
