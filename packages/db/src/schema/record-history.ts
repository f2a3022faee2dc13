import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access';
import { id } from './columns';

/** Records the network screens edit, each with a `version` column and a history. */
export const historyEntities = [
  'organization',
  'service',
  'location',
  'partner_institution',
  'need',
] as const;
export const historyEntity = pgEnum('history_entity', historyEntities);
export type HistoryEntity = (typeof historyEntities)[number];

/**
 * CareMap: one row per change of a directory or network record, written in the change's own
 * transaction: who, when, the version it produced, and the fields before and after (only the
 * fields that changed; `previous` is null for a creation). `action` tells edits, verifications and
 * accepted public suggestions apart.
 */
export const recordHistory = pgTable(
  'record_history',
  {
    id: id(),
    entity: historyEntity('entity').notNull(),
    entityId: uuid('entity_id').notNull(),
    /** The record's version after the change. */
    version: integer('version').notNull(),
    action: text('action').notNull(),
    changedBy: uuid('changed_by').references(() => appUser.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    previous: jsonb('previous').$type<Record<string, unknown>>(),
    next: jsonb('next').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('record_history_entity_idx').on(t.entity, t.entityId, t.version)],
);
