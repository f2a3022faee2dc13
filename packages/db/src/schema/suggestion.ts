import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access';
import { editable, id } from './columns';

export const suggestionStatuses = ['pending', 'accepted', 'rejected'] as const;
export const suggestionStatus = pgEnum('suggestion_status', suggestionStatuses);
export const suggestionTargets = ['service', 'organization', 'location'] as const;
export const suggestionTarget = pgEnum('suggestion_target', suggestionTargets);

/**
 * CareMap: a public "suggest an edit" for a directory record, waiting for a coordinator. `changes`
 * maps HSDS field names to the proposed values; the submitter's contact is optional personal data
 * (never logged, shown only to moderators).
 */
export const suggestion = pgTable(
  'suggestion',
  {
    id: id(),
    targetEntity: suggestionTarget('target_entity').notNull(),
    targetId: uuid('target_id').notNull(),
    changes: jsonb('changes').$type<Record<string, string>>().notNull(),
    comment: text('comment'),
    submitterName: text('submitter_name'),
    submitterEmail: text('submitter_email'),
    language: text('language').notNull(),
    status: suggestionStatus('status').notNull().default('pending'),
    reviewReason: text('review_reason'),
    reviewedByUserId: uuid('reviewed_by_user_id').references(() => appUser.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    ...editable,
  },
  (t) => [
    index('suggestion_status_idx').on(t.status, t.createdAt),
    index('suggestion_target_idx').on(t.targetEntity, t.targetId),
  ],
);
