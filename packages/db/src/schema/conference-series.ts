// Recurring signalling-system meetings (kind `signalling_meeting`): a series holds the rule
// (RFC 5545 RRULE, every two months by default), the local wall time of the first meeting in the
// series' own IANA zone, and the defaults each meeting's conference is created with. Exceptions
// cancel one occurrence or move it (EXDATE / RECURRENCE-ID). The expansion itself is pure code in
// @caremap/scheduling; the database only stores. CHECKs and the version trigger are in migration SQL.
import {
  boolean,
  date,
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
import { agency } from './network';

/**
 * A default invitee of every meeting of a series, in the shape conference.create takes
 * (validators' participantInput); declared here because the schema package depends on nothing.
 */
export type StoredSeriesParticipant =
  | {
      kind: 'user';
      userId: string;
      agencyId?: string;
      attendance: 'required' | 'optional';
      role: 'chair' | 'minute_taker' | 'family' | 'professional' | 'interpreter';
    }
  | {
      kind: 'contact';
      agencyId: string;
      partnerInstitutionId?: string;
      organizationId?: string;
      displayName: string;
      email: string;
      preferredLanguage: Locale;
      attendance: 'required' | 'optional';
      role: 'chair' | 'minute_taker' | 'family' | 'professional' | 'interpreter';
    };

export const conferenceSeries = pgTable(
  'conference_series',
  {
    id: id(),
    title: text('title').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    organiserUserId: uuid('organiser_user_id')
      .notNull()
      .references(() => appUser.id),
    /** RRULE value without the `RRULE:` prefix, e.g. `FREQ=MONTHLY;INTERVAL=2`. */
    rrule: text('rrule').notNull(),
    /** IANA zone the rule is expanded in, so a meeting keeps its local time across DST. */
    timezone: text('timezone').notNull(),
    /** Local wall time of the first meeting (DTSTART) in `timezone`, no offset. */
    dtstart: timestamp('dtstart', { mode: 'string' }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    participants: jsonb('participants').$type<StoredSeriesParticipant[]>().notNull().default([]),
    /**
     * The room each meeting is booked in; null with `online`. Its foreign key to room is in
     * migration SQL: conference.ts points at this table, so this file cannot import that one.
     */
    roomId: uuid('room_id'),
    online: boolean('online').notNull().default(false),
    locationNote: text('location_note'),
    ...editable,
  },
  (t) => [index('conference_series_agency_idx').on(t.agencyId)],
);

export const seriesExceptionKinds = ['skipped', 'moved'] as const;
export const seriesExceptionKind = pgEnum('series_exception_kind', seriesExceptionKinds);
export type SeriesExceptionKind = (typeof seriesExceptionKinds)[number];

/**
 * One occurrence of a series that is not held as the rule says: `skipped` (EXDATE) or `moved` to
 * `moved_to`, a local wall time in the series' zone (RECURRENCE-ID override). Keyed by the local
 * date the rule generates it on.
 */
export const conferenceSeriesException = pgTable(
  'conference_series_exception',
  {
    id: id(),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => conferenceSeries.id, { onDelete: 'cascade' }),
    originalDate: date('original_date', { mode: 'string' }).notNull(),
    kind: seriesExceptionKind('kind').notNull(),
    movedTo: timestamp('moved_to', { mode: 'string' }),
    createdByUserId: uuid('created_by_user_id').references(() => appUser.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('conference_series_exception_uq').on(t.seriesId, t.originalDate)],
);
