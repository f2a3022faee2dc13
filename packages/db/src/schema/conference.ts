// Only what the conferences screen needs today: who meets, when, about which case. Scheduling,
// invitations, minutes and action items arrive with the conference issues and extend these tables.
import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access';
import { editable, id, timestamps } from './columns';
import { agency } from './network';

export const conferenceKinds = [
  'case_conference',
  'case_discussion',
  'family_conference',
  'signalling_meeting',
  'care_plan_review',
] as const;
export const conferenceKind = pgEnum('conference_kind', conferenceKinds);
export type ConferenceKind = (typeof conferenceKinds)[number];
export const conferenceStatus = pgEnum('conference_status', ['scheduled', 'held', 'cancelled']);

export const conference = pgTable(
  'conference',
  {
    id: id(),
    kind: conferenceKind('kind').notNull(),
    /** Pseudonymous case code; CareMap never stores a child's name. Null for signalling meetings. */
    caseRef: text('case_ref'),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    timezone: text('timezone').notNull(),
    status: conferenceStatus('status').notNull().default('scheduled'),
    organiserUserId: uuid('organiser_user_id')
      .notNull()
      .references(() => appUser.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    ...editable,
  },
  (t) => [index('conference_starts_idx').on(t.startsAt), index('conference_agency_idx').on(t.agencyId)],
);

export const conferenceParticipant = pgTable(
  'conference_participant',
  {
    conferenceId: uuid('conference_id')
      .notNull()
      .references(() => conference.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.conferenceId, t.userId] }),
    index('conference_participant_user_idx').on(t.userId),
  ],
);

/** A bookable place for a conference. `capacity` null: an online meeting, without a limit. */
export const room = pgTable(
  'room',
  {
    id: id(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    name: text('name').notNull(),
    capacity: integer('capacity'),
    ...editable,
  },
  (t) => [index('room_agency_idx').on(t.agencyId)],
);

export const bookingResourceKinds = ['room', 'person'] as const;
export const bookingResourceKind = pgEnum('booking_resource_kind', bookingResourceKinds);
export type BookingResourceKind = (typeof bookingResourceKinds)[number];

/**
 * One resource (a room, or a person: an app_user) held by one conference for [starts_at, ends_at).
 * No foreign key on resource_id, since it points at one of two tables by resource_kind. The
 * EXCLUDE constraint `booking_no_overlap` (migration SQL) makes PostgreSQL refuse a second booking
 * of the same resource at an overlapping time, even when two writers commit at once.
 */
export const booking = pgTable(
  'booking',
  {
    id: id(),
    conferenceId: uuid('conference_id')
      .notNull()
      .references(() => conference.id, { onDelete: 'cascade' }),
    resourceKind: bookingResourceKind('resource_kind').notNull(),
    resourceId: uuid('resource_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('booking_conference_idx').on(t.conferenceId)],
);
