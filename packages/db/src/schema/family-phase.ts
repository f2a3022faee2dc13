// Family group decision-making (conference kind `family_conference`) in its phases: referral,
// preparation, information sharing, private family time, plan agreement, implementation, review.
// Each phase has a status, an optional time slot of its own and a checklist. A checklist item from
// the phase's template stores its key only (texts in the UI catalogs, `familyPhases.item.<key>`);
// one the organiser typed stores its text. CHECKs and triggers are in migration SQL (0029).
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appUser } from './access';
import { editable, id } from './columns';
import { conference } from './conference';

/** The phases in the order they are worked through. */
export const familyPhaseKeys = [
  'referral',
  'preparation',
  'information_sharing',
  'private_family_time',
  'plan_agreement',
  'implementation',
  'review',
] as const;
export const familyPhaseKey = pgEnum('family_phase_key', familyPhaseKeys);
export type FamilyPhaseKey = (typeof familyPhaseKeys)[number];

export const familyPhaseStatuses = ['not_started', 'in_progress', 'done'] as const;
export const familyPhaseStatus = pgEnum('family_phase_status', familyPhaseStatuses);
export type FamilyPhaseStatus = (typeof familyPhaseStatuses)[number];

/** One phase of one family conference; `version` (touch trigger) is the optimistic lock. */
export const familyPhase = pgTable(
  'family_phase',
  {
    id: id(),
    conferenceId: uuid('conference_id')
      .notNull()
      .references(() => conference.id, { onDelete: 'cascade' }),
    phase: familyPhaseKey('phase').notNull(),
    position: integer('position').notNull(),
    status: familyPhaseStatus('status').notNull().default('not_started'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    notes: text('notes'),
    updatedByUserId: uuid('updated_by_user_id').references(() => appUser.id, { onDelete: 'set null' }),
    ...editable,
  },
  (t) => [uniqueIndex('family_phase_conference_phase_uq').on(t.conferenceId, t.phase)],
);

/** One point of a phase's checklist: done by whom and when (both cleared when unticked). */
export const familyPhaseItem = pgTable(
  'family_phase_item',
  {
    id: id(),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => familyPhase.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    templateKey: text('template_key'),
    text: text('text'),
    done: boolean('done').notNull().default(false),
    doneByUserId: uuid('done_by_user_id').references(() => appUser.id, { onDelete: 'set null' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdByUserId: uuid('created_by_user_id').references(() => appUser.id, { onDelete: 'set null' }),
    ...editable,
  },
  (t) => [index('family_phase_item_phase_idx').on(t.phaseId, t.position)],
);
