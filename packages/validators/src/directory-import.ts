import { z } from 'zod';

/** Largest upload the server accepts unless CAREMAP_IMPORT_MAX_MB says otherwise. */
export const DEFAULT_IMPORT_MAX_MB = 100;

/**
 * The `?name=` of `POST /api/imports/hsds`: the picked file's own name, shown in the job list. A
 * name only (no folder), so it can never point the server anywhere.
 */
export const importFileName = z
  .string()
  .trim()
  .min(1, 'the file name is missing')
  .max(200, 'the file name is longer than 200 characters')
  .refine((name) => !/[/\\]/.test(name), 'the file name must not contain / or \\')
  .refine(
    (name) => ![...name].some((ch) => ch.charCodeAt(0) < 32),
    'the file name must not contain control characters',
  )
  .refine((name) => /\.(json|ndjson|jsonl|zip)$/i.test(name), 'upload a .json, .ndjson or .zip file');

export const importUploadQuery = z.object({ name: importFileName });

export const directoryImportGetInput = z.object({ id: z.uuid() });
export const directoryImportListInput = z
  .object({ limit: z.number().int().min(1).max(100).default(20) })
  .default({ limit: 20 });

export const importJobStatusValues = ['queued', 'validating', 'applying', 'succeeded', 'failed'] as const;

/**
 * Problems CareMap itself finds (not the HSDS schema's): the UI shows them in the user's language
 * from the code; `problem` keeps the English text for logs and the CLI.
 */
export const importProblemCodes = [
  'outside_territory',
  'stored_outside_territory',
  'no_coordinates',
  'file_missing',
  'unreadable',
  'import_broke',
  'interrupted',
  'not_allowed',
] as const;
export type ImportProblemCode = (typeof importProblemCodes)[number];
