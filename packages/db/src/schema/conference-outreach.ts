// What reaches people outside a conference's own screens: the availability poll for externals,
// written feedback letters to partner institutions, and each user's personal calendar feed.
// Every secret link stores only the SHA-256 of its token, as invitation links do.
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appUser, type Locale } from './access';
import { editable, id } from './columns';
import { conference, conferenceParticipant } from './conference';
import { organization } from './directory';
import { partnerInstitution } from './network';

/**
 * A poll of proposed times sent to a conference's externals (and optionally contacts). One per
 * conference: sending again replaces its times (answers to times that stay are kept).
 */
export const conferencePoll = pgTable('conference_poll', {
  id: id(),
  conferenceId: uuid('conference_id')
    .notNull()
    .unique()
    .references(() => conference.id, { onDelete: 'cascade' }),
  /** Answers are taken until then. */
  deadline: timestamp('deadline', { withTimezone: true }).notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => appUser.id),
  ...editable,
});

/** One proposed time of a poll. */
export const conferencePollOption = pgTable(
  'conference_poll_option',
  {
    id: id(),
    pollId: uuid('poll_id')
      .notNull()
      .references(() => conferencePoll.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('conference_poll_option_uq').on(t.pollId, t.startsAt)],
);

/** A poll link: one per polled participant; the token is stored only as its SHA-256. */
export const conferencePollInvite = pgTable(
  'conference_poll_invite',
  {
    id: id(),
    pollId: uuid('poll_id')
      .notNull()
      .references(() => conferencePoll.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => conferenceParticipant.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    /** The name the person gave on the poll page (prefilled with the invitee's display name). */
    respondentName: text('respondent_name'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('conference_poll_invite_token_uq').on(t.tokenHash),
    uniqueIndex('conference_poll_invite_participant_uq').on(t.pollId, t.participantId),
  ],
);

export const pollAnswers = ['yes', 'if_need_be', 'no'] as const;
export const pollAnswer = pgEnum('poll_answer', pollAnswers);
export type PollAnswer = (typeof pollAnswers)[number];

export const conferencePollAnswer = pgTable(
  'conference_poll_answer',
  {
    inviteId: uuid('invite_id')
      .notNull()
      .references(() => conferencePollInvite.id, { onDelete: 'cascade' }),
    optionId: uuid('option_id')
      .notNull()
      .references(() => conferencePollOption.id, { onDelete: 'cascade' }),
    answer: pollAnswer('answer').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.inviteId, t.optionId] })],
);

export const feedbackLetterStatuses = ['draft', 'sent'] as const;
export const feedbackLetterStatus = pgEnum('feedback_letter_status', feedbackLetterStatuses);

/**
 * Written feedback to a partner institution or organization after a conference (the seeds require
 * it, in writing, on letterhead). Rendered to PDF on request; it never travels by e-mail. `sent`
 * records that the organiser sent it (post, hand delivery), with who and when.
 */
export const feedbackLetter = pgTable(
  'feedback_letter',
  {
    id: id(),
    conferenceId: uuid('conference_id')
      .notNull()
      .references(() => conference.id, { onDelete: 'cascade' }),
    partnerInstitutionId: uuid('partner_institution_id').references(() => partnerInstitution.id),
    organizationId: uuid('organization_id').references(() => organization.id),
    language: text('language').$type<Locale>().notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: feedbackLetterStatus('status').notNull().default('draft'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentBy: uuid('sent_by').references(() => appUser.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => appUser.id),
    ...editable,
  },
  (t) => [
    index('feedback_letter_conference_idx').on(t.conferenceId),
    check(
      'feedback_letter_one_recipient',
      sql`(${t.partnerInstitutionId} is null) <> (${t.organizationId} is null)`,
    ),
    check(
      'feedback_letter_sent_shape',
      sql`(${t.status} = 'sent') = (${t.sentAt} is not null and ${t.sentBy} is not null)`,
    ),
  ],
);

/** A user's personal calendar feed: `/calendar/<token>.ics`; revoking deletes the row. */
export const calendarFeed = pgTable('calendar_feed', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => appUser.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
