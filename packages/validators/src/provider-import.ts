// Inputs of the spreadsheet import of providers (network screens): the file as base64, the
// column chosen for each of our fields, and the rows the networker chose to skip.
import { z } from 'zod';

/** Our fields a sheet column can fill; `organizationName` and `town` are required. */
export const importFieldSchema = z.enum([
  'organizationName',
  'serviceName',
  'serviceType',
  'address',
  'postcode',
  'town',
  'phone',
  'email',
  'website',
  'notes',
  'partnerKind',
]);
export type ImportField = z.infer<typeof importFieldSchema>;
export const requiredImportFields: readonly ImportField[] = ['organizationName', 'town'];

/** 5 MB of file is about 6.7 million base64 characters. */
export const importMaxBytes = 5 * 1024 * 1024;

export const providerImportPreviewInput = z.object({
  fileName: z.string().trim().min(1).max(300),
  contentBase64: z.string().max(Math.ceil((importMaxBytes * 4) / 3) + 4, 'the file is larger than 5 MB'),
  /** Column index (0-based) per field; omitted: suggested from the header names. */
  mapping: z.partialRecord(importFieldSchema, z.number().int().min(0).max(200).nullable()).optional(),
});
export const providerImportApplyInput = providerImportPreviewInput.extend({
  /** Sheet row numbers (as the preview names them) not to create, e.g. duplicates. */
  skipRows: z.array(z.number().int().min(1)).max(10_000).default([]),
});
