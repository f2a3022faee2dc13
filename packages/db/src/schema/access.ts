import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { editable, id, timestamps } from './columns';
import { agency, territory } from './network';

export const roles = ['networker', 'coordinator', 'organiser', 'partner', 'admin'] as const;
export type Role = (typeof roles)[number];
export const role = pgEnum('role', roles);

export const locales = ['hu', 'cs', 'tr', 'en'] as const;
export type Locale = (typeof locales)[number];

export const appUser = pgTable(
  'app_user',
  {
    id: id(),
    /** Stored lower-cased; unique. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').$type<Locale>().notNull().default('en'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    ...editable,
  },
  (t) => [unique('app_user_email_uq').on(t.email)],
);

/** A user's role in an agency: user x agency x role. */
export const membership = pgTable(
  'membership',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id, { onDelete: 'cascade' }),
    role: role('role').notNull(),
    ...editable,
  },
  (t) => [
    unique('membership_uq').on(t.userId, t.agencyId, t.role),
    index('membership_agency_idx').on(t.agencyId),
  ],
);

/** Territories a networker or coordinator is responsible for ("own territory" scope). */
export const territoryAssignment = pgTable(
  'territory_assignment',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territory.id, { onDelete: 'cascade' }),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.userId, t.territoryId] })],
);

/** Login sessions. Only a SHA-256 of the cookie token is stored, so a database leak yields no live session. */
export const userSession = pgTable(
  'user_session',
  {
    id: id(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    /** Absolute end of the session, fixed at sign-in (CAREMAP_SESSION_TTL_HOURS). */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Last request seen; a session idle longer than CAREMAP_SESSION_IDLE_MINUTES is dead. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    unique('user_session_token_uq').on(t.tokenHash),
    index('user_session_user_idx').on(t.userId),
    index('user_session_expires_idx').on(t.expiresAt),
  ],
);

/**
 * Counters of rate-limiter-flexible's RateLimiterDrizzle (sign-in attempts per account and per
 * address), in the database so that every replica shares them. Column names are the library's.
 */
export const rateLimit = pgTable('rate_limit', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: timestamp('expire', { withTimezone: true }),
});

/** Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    /** e.g. `auth.login`, `auth.login_failed`, `auth.logout`, `conference.read`. */
    action: text('action').notNull(),
    resourceType: text('resource_type'),
    resourceId: text('resource_id'),
    outcome: text('outcome').$type<'allowed' | 'denied' | 'success' | 'failure'>().notNull(),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: timestamps.createdAt,
    updatedAt: timestamps.updatedAt,
  },
  (t) => [
    index('audit_log_actor_idx').on(t.actorUserId, t.at),
    index('audit_log_resource_idx').on(t.resourceType, t.resourceId),
  ],
);
