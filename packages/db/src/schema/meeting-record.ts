// The meeting record of a conference: its agenda, minutes, decisions and action items, and the
// reminders sent for action items. Attendance is `conference_participant.attended`.
// Everything here is case content: it is read only through packages/api (participants and the
// responsible agency's organisers, every read audited) and never goes into an e-mail.
import { sql } from 'drizzle-orm';
import {
  date,
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
import { editable, id, timestamps } from './columns';
import { conference, conferenceParticipant, outboxMessage } from './conference';
import { agency } from './network';

/**
 * One point of a conference's agenda, in the organiser's order. An item from a template stores the
 * template's key only (the texts live once, in the UI catalogs, so each reader sees it in their own
 * language); an item the organiser typed stores its title. A CHECK holds "exactly one of the two".
 */
export const agendaItem = pgTable(
  'agenda_item',
  {
    id: id(),
    conferenceId: uuid('conference_id')
      .notNull()
      .references(() => conference.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    templateKey: text('template_key'),
    title: text('title'),
    ...timestamps,
  },
  (t) => [index('agenda_item_conference_idx').on(t.conferenceId, t.position)],
);

/**
 * The minutes of a conference: one text, saved whole. `version` (bumped by the touch trigger) is
 * the optimistic lock: a save names the version it started from and is refused when another save
 * came first, so nobody's text is silently overwritten.
 */
export const conferenceMinutes = pgTable('conference_minutes', {
  conferenceId: uuid('conference_id')
    .primaryKey()
    .references(() => conference.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  updatedByUserId: uuid('updated_by_user_id').references(() => appUser.id, { onDelete: 'set null' }),
  ...editable,
});

/** A decision taken at the conference, optionally under one agenda item. */
export const conferenceDecision = pgTable(
  'conference_decision',
  {
    id: id(),
    conferenceId: uuid('conference_id')
      .notNull()
      .references(() => conference.id, { onDelete: 'cascade' }),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItem.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => appUser.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index('conference_decision_conference_idx').on(t.conferenceId)],
);

export const actionItemStatuses = ['open', 'done', 'cancelled'] as const;
export const actionItemStatus = pgEnum('action_item_status', actionItemStatuses);
export type ActionItemStatus = (typeof actionItemStatuses)[number];

/**
 * A follow-up someone owes after the conference. The owner is one of the conference's participants
 * (a CareMap user or a contact, never an external: a CHECK trigger in migration SQL holds that),
 * acting for `owner_agency_id`. `due_on` is a local date in the conference's time zone.
 * `completed_at` is set when the status becomes done (and cleared if it is reopened).
 */
export const actionItem = pgTable(
  'action_item',
  {
    id: id(),
    conferenceId: uuid('conference_id')
      .notNull()
      .references(() => conference.id, { onDelete: 'cascade' }),
    decisionId: uuid('decision_id').references(() => conferenceDecision.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    ownerParticipantId: uuid('owner_participant_id')
      .notNull()
      .references(() => conferenceParticipant.id),
    ownerAgencyId: uuid('owner_agency_id')
      .notNull()
      .references(() => agency.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: actionItemStatus('status').notNull().default('open'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdByUserId: uuid('created_by_user_id').references(() => appUser.id, { onDelete: 'set null' }),
    ...editable,
  },
  (t) => [
    index('action_item_conference_idx').on(t.conferenceId),
    index('action_item_owner_idx').on(t.ownerParticipantId),
    index('action_item_open_due_idx').on(t.dueOn).where(sql`status = 'open'`),
  ],
);

export const actionItemReminderKinds = ['due_soon', 'overdue'] as const;
export const actionItemReminderKind = pgEnum('action_item_reminder_kind', actionItemReminderKinds);
export type ActionItemReminderKind = (typeof actionItemReminderKinds)[number];

/**
 * The reminders already queued: one row per action item, kind and due date, written in the same
 * transaction as its outbox e-mail. The unique key is what makes reminders idempotent: a restarted
 * worker or a second replica inserting the same reminder gets a conflict and sends nothing. A new
 * due date is a new key, so a postponed item is reminded again.
 */
export const actionItemReminder = pgTable(
  'action_item_reminder',
  {
    id: id(),
    actionItemId: uuid('action_item_id')
      .notNull()
      .references(() => actionItem.id, { onDelete: 'cascade' }),
    kind: actionItemReminderKind('kind').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    outboxMessageId: uuid('outbox_message_id').references(() => outboxMessage.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('action_item_reminder_uq').on(t.actionItemId, t.kind, t.dueOn)],
);
