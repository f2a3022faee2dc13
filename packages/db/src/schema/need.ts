import { sql } from 'drizzle-orm';
import { check, date, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access';
import { editable, id } from './columns';
import { organization, taxonomyTerm } from './directory';
import { territory } from './network';

/** Who told the networker about the need (the seeds: providers, families, OSPOD, schools, health). */
export const needReporters = [
  'provider',
  'family',
  'child_protection_office',
  'school',
  'health_service',
  'police',
  'court',
  'ngo',
  'municipality',
  'other',
] as const;
export const needReporter = pgEnum('need_reporter', needReporters);
export type NeedReporter = (typeof needReporters)[number];

export const needSeverities = ['low', 'medium', 'high', 'critical'] as const;
export const needSeverity = pgEnum('need_severity', needSeverities);
export type NeedSeverity = (typeof needSeverities)[number];

export const needStatuses = ['open', 'in_progress', 'met'] as const;
export const needStatus = pgEnum('need_status', needStatuses);
export type NeedStatus = (typeof needStatuses)[number];

/**
 * An unmet need recorded for a territory (needs register of network mapping): what is missing (a
 * service type of the taxonomy, and in words), who reported it, how serious, and where it stands.
 * Optionally linked to the provider it concerns. Edits keep a history (record_history).
 */
export const need = pgTable(
  'need',
  {
    id: id(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territory.id, { onDelete: 'cascade' }),
    taxonomyTermId: uuid('taxonomy_term_id')
      .notNull()
      .references(() => taxonomyTerm.id, { onDelete: 'restrict' }),
    description: text('description').notNull(),
    reportedBy: needReporter('reported_by').notNull(),
    severity: needSeverity('severity').notNull(),
    status: needStatus('status').notNull().default('open'),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    /** When the need was met; set exactly when status is `met`. */
    metOn: date('met_on', { mode: 'string' }),
    organizationId: uuid('organization_id').references(() => organization.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => appUser.id, { onDelete: 'set null' }),
    ...editable,
  },
  (t) => [
    index('need_territory_idx').on(t.territoryId, t.status),
    index('need_term_idx').on(t.taxonomyTermId),
    check('need_met_shape', sql`(${t.status} = 'met') = (${t.metOn} is not null)`),
    check('need_dates', sql`${t.metOn} is null or ${t.metOn} >= ${t.reportedOn}`),
    check('need_description', sql`length(btrim(${t.description})) between 3 and 4000`),
  ],
);
