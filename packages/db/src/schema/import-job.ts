import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access';
import { id } from './columns';

export const importJobStatuses = ['queued', 'validating', 'applying', 'succeeded', 'failed'] as const;
export const importJobStatus = pgEnum('import_job_status', importJobStatuses);
export type ImportJobStatus = (typeof importJobStatuses)[number];

/**
 * CareMap: one HSDS file uploaded through the network app (`POST /api/imports/hsds`) and run by the
 * server's import worker. The upload waits in `file_path` (a file on disk, never in the database)
 * until a worker claims the row (FOR UPDATE SKIP LOCKED, `lease_until`); the report is the
 * importer's (file, record, field, problem), without the records themselves.
 */
export const importJob = pgTable(
  'import_job',
  {
    id: id(),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => appUser.id),
    fileName: text('file_name').notNull(),
    /** Where the upload waits on disk (CAREMAP_IMPORT_DIR); deleted once the job has finished. */
    filePath: text('file_path').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** What the importer recognised: hsds-json, hsds-json-package, hsds-tabular, hsds-legacy-tabular. */
    format: text('format'),
    status: importJobStatus('status').notNull().default('queued'),
    recordsRead: integer('records_read').notNull().default(0),
    recordsValidated: integer('records_validated').notNull().default(0),
    recordsWritten: integer('records_written').notNull().default(0),
    recordsTotal: integer('records_total'),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    report: jsonb('report').$type<Record<string, unknown>>(),
    attempts: integer('attempts').notNull().default(0),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('import_job_status_idx').on(t.status, t.createdAt),
    index('import_job_created_by_idx').on(t.createdByUserId, t.createdAt),
  ],
);
