// Conferences: who meets, when, where, about which case; who is invited and how they answered;
// what blocks people's time; and the e-mails that leave through the transactional outbox.
// The meeting record (agenda, minutes, decisions, action items) is in meeting-record.ts.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appUser, type Locale } from './access';
import { editable, id, timestamps } from './columns';
import { conferenceSeries } from './conference-series';
import { organization } from './directory';
import { agency, partnerInstitution } from './network';

export const conferenceKinds = [
  'case_conference',
  'case_discussion',
  'family_conference',
  'signalling_meeting',
  'care_plan_review',
] as const;
export const conferenceKind = pgEnum('conference_kind', conferenceKinds);
export type ConferenceKind = (typeof conferenceKinds)[number];
/** `draft`: created, no time booked yet. `scheduled`: booked. */
export const conferenceStatuses = ['draft', 'scheduled', 'held', 'cancelled'] as const;
export const conferenceStatus = pgEnum('conference_status', ['scheduled', 'held', 'cancelled', 'draft']);
export type ConferenceStatus = (typeof conferenceStatuses)[number];

/**
 * A quorum rule as the slot finder (`@caremap/scheduling`'s `QuorumRule`) reads it. Declared here,
 * not imported, because the schema package depends on nothing; validators check the shape at the edge.
 */
export type StoredQuorumRule =
  | { kind: 'agency'; agencyId: string; atLeast: number }
  | { kind: 'pool'; participantIds: string[]; atLeast?: number };

export const conference = pgTable(
  'conference',
  {
    id: id(),
    kind: conferenceKind('kind').notNull(),
    /** Pseudonymous case code; CareMap never stores a child's name. Null for signalling meetings. */
    caseRef: text('case_ref'),
    title: text('title').notNull(),
    /** Null while a draft (not yet booked); set by booking. */
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    /** IANA zone the invitations are written in (VTIMEZONE), e.g. `Europe/Budapest`. */
    timezone: text('timezone').notNull(),
    status: conferenceStatus('status').notNull().default('scheduled'),
    durationMinutes: integer('duration_minutes').notNull().default(60),
    /** Proposals must end by then: the organiser's deadline. */
    scheduleBy: timestamp('schedule_by', { withTimezone: true }),
    /** iCalendar UID, fixed at creation so every invitation and cancellation names the same event. */
    icalUid: text('ical_uid').notNull().default(sql`gen_random_uuid()::text || '@caremap'`),
    /** iCalendar SEQUENCE: raised on every change that is sent out (reschedule, cancel). */
    sequence: integer('sequence').notNull().default(0),
    /** The booked room; null for an online meeting or before booking. */
    roomId: uuid('room_id').references(() => room.id),
    /** Rooms the organiser is willing to use, in order of preference (room ids). */
    candidateRoomIds: jsonb('candidate_room_ids').$type<string[]>().notNull().default([]),
    online: boolean('online').notNull().default(false),
    /** Logistics for the invitation (entrance, floor, meeting link). */
    locationNote: text('location_note'),
    quorum: jsonb('quorum').$type<StoredQuorumRule[]>().notNull().default([]),
    /** At least one participant with role `interpreter` must be free at the proposed time. */
    interpreterRequired: boolean('interpreter_required').notNull().default(false),
    organiserUserId: uuid('organiser_user_id')
      .notNull()
      .references(() => appUser.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    /** The conference whose minutes scheduled this one ("schedule the next one"); at most one each. */
    followsConferenceId: uuid('follows_conference_id').references((): AnyPgColumn => conference.id, {
      onDelete: 'set null',
    }),
    /** The signalling-meeting series this meeting was scheduled from, and which occurrence. */
    seriesId: uuid('series_id').references(() => conferenceSeries.id, { onDelete: 'set null' }),
    /** The occurrence's RECURRENCE-ID: the local wall time the rule generated, `YYYY-MM-DDTHH:MM`. */
    seriesOccurrence: text('series_occurrence'),
    ...editable,
  },
  (t) => [
    index('conference_starts_idx').on(t.startsAt),
    // One live conference per occurrence; a cancelled one frees it to be scheduled again.
    uniqueIndex('conference_series_occurrence_uq')
      .on(t.seriesId, t.seriesOccurrence)
      .where(sql`series_id is not null and status <> 'cancelled'`),
    uniqueIndex('conference_follows_uq').on(t.followsConferenceId),
    index('conference_agency_idx').on(t.agencyId),
    uniqueIndex('conference_ical_uid_uq').on(t.icalUid),
  ],
);

export const participantKinds = ['user', 'contact', 'external'] as const;
export const participantKind = pgEnum('participant_kind', participantKinds);
export type ParticipantKind = (typeof participantKinds)[number];
export const attendances = ['required', 'optional'] as const;
export const attendance = pgEnum('attendance', attendances);
export const participantRoles = ['chair', 'minute_taker', 'family', 'professional', 'interpreter'] as const;
export const participantRole = pgEnum('participant_role', participantRoles);
export type ParticipantRole = (typeof participantRoles)[number];
/** iCalendar PARTSTAT values we use, lower-cased. */
export const partstats = ['needs_action', 'accepted', 'declined', 'tentative'] as const;
export const partstat = pgEnum('partstat', partstats);
export type Partstat = (typeof partstats)[number];

/**
 * One invitee of a conference. `user`: a CareMap user (user_id). `contact`: a person at a partner
 * institution or organization, reached by e-mail. `external`: a family member or interpreter, known
 * only by display name and e-mail or phone. The CHECKs in migration SQL hold these shapes.
 * The response token (accept/decline links) is stored only as its SHA-256.
 */
export const conferenceParticipant = pgTable(
  'conference_participant',
  {
    id: id(),
    conferenceId: uuid('conference_id')
      .notNull()
      .references(() => conference.id, { onDelete: 'cascade' }),
    kind: participantKind('kind').notNull().default('user'),
    /** The organiser's order of invitees (lists, e-mails and pool rules follow it). */
    position: integer('position').notNull().default(0),
    userId: uuid('user_id').references(() => appUser.id, { onDelete: 'cascade' }),
    /** Who they represent; null only for externals. Agency quorum rules count by it. */
    agencyId: uuid('agency_id').references(() => agency.id),
    partnerInstitutionId: uuid('partner_institution_id').references(() => partnerInstitution.id, {
      onDelete: 'set null',
    }),
    organizationId: uuid('organization_id').references(() => organization.id, { onDelete: 'set null' }),
    /** Contacts and externals; users' names and addresses come from app_user. */
    displayName: text('display_name'),
    email: text('email'),
    phone: text('phone'),
    attendance: attendance('attendance').notNull().default('required'),
    role: participantRole('role').notNull().default('professional'),
    preferredLanguage: text('preferred_language').$type<Locale>().notNull().default('en'),
    partstat: partstat('partstat').notNull().default('needs_action'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    /**
     * Whether they were at the meeting, as the minutes record it; null until recorded. Not
     * `attendance`, which says whether they were required or optional (the slot finder and the
     * iCalendar ROLE read it).
     */
    attended: boolean('attended'),
    responseTokenHash: text('response_token_hash'),
    responseTokenExpiresAt: timestamp('response_token_expires_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('conference_participant_user_uq')
      .on(t.conferenceId, t.userId)
      .where(sql`user_id is not null`),
    index('conference_participant_conference_idx').on(t.conferenceId),
    index('conference_participant_user_idx').on(t.userId),
    uniqueIndex('conference_participant_token_uq').on(t.responseTokenHash),
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

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type StoredWeekday = (typeof weekdays)[number];
/** Working hours per weekday, `HH:MM` in the user's own zone, as the slot finder reads them. */
export type StoredWorkingHours = Partial<Record<StoredWeekday, Array<{ start: string; end: string }>>>;

/** A user's working week; a user without a row is assumed to work Mon-Fri 08:00-16:00 in the conference's zone. */
export const workingHours = pgTable('working_hours', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => appUser.id, { onDelete: 'cascade' }),
  timeZone: text('time_zone').notNull(),
  hours: jsonb('hours').$type<StoredWorkingHours>().notNull(),
  ...editable,
});

export const busySources = ['manual', 'ics'] as const;
export const busySource = pgEnum('busy_source', busySources);

/** A time a user is not available, entered by hand (or later imported from .ics). No reason is stored. */
export const busyBlock = pgTable(
  'busy_block',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    source: busySource('source').notNull().default('manual'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('busy_block_user_idx').on(t.userId, t.startsAt)],
);

export const outboxStatuses = ['pending', 'sending', 'sent', 'failed'] as const;
export const outboxStatus = pgEnum('outbox_status', outboxStatuses);
export type OutboxStatus = (typeof outboxStatuses)[number];
export const icsMethods = ['REQUEST', 'CANCEL'] as const;
export const icsMethod = pgEnum('ics_method', icsMethods);
export type IcsMethod = (typeof icsMethods)[number];
/** `smtp`: handed to the configured SMTP server. `local`: no SMTP configured, kept for /conferences/outbox. */
export const outboxTransports = ['smtp', 'local'] as const;
export const outboxTransport = pgEnum('outbox_transport', outboxTransports);

/**
 * The transactional outbox: an e-mail is a row written in the same transaction as the change it
 * announces, and a worker sends it later (claiming due rows with FOR UPDATE SKIP LOCKED and a
 * lease). `message_id` is fixed at insert, so a re-send after a crash carries the same Message-ID
 * and a mail server or client can recognise it. `last_error` holds an error code, never an address.
 */
export const outboxMessage = pgTable(
  'outbox_message',
  {
    id: id(),
    conferenceId: uuid('conference_id').references(() => conference.id, { onDelete: 'set null' }),
    participantId: uuid('participant_id').references(() => conferenceParticipant.id, {
      onDelete: 'set null',
    }),
    recipientAddress: text('recipient_address').notNull(),
    recipientLanguage: text('recipient_language').$type<Locale>().notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    ics: text('ics'),
    icsMethod: icsMethod('ics_method'),
    status: outboxStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error'),
    transport: outboxTransport('transport'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    messageId: text('message_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('outbox_message_message_id_uq').on(t.messageId),
    index('outbox_message_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_message_conference_idx').on(t.conferenceId),
  ],
);
