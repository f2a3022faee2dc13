// CareMap search support: the search document of every service and the public holidays that close
// services. The document rows are kept by triggers (migration 0013): nobody writes them by hand.
import { customType, date, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { service } from './directory';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One row per service: the unaccented, lower-cased text of its name (weight A), alternate name and
 * organization name (B), the labels of its taxonomy terms in every language (C) and the
 * descriptions (D). `name_text` carries the service name alone, for name-first ranking and sorting.
 */
export const serviceSearch = pgTable('service_search', {
  serviceId: uuid('service_id')
    .primaryKey()
    .references(() => service.id, { onDelete: 'cascade' }),
  nameText: text('name_text').notNull(),
  document: tsvector('document').notNull(),
});

/**
 * Every word that occurs in some search document (unaccented, lower case). A query word found in no
 * document is taken for a typo and replaced by its nearest words here (pg_trgm similarity). Words
 * are only added: a stale word costs nothing, it just matches no document.
 */
export const searchWord = pgTable('search_word', {
  word: text('word').primaryKey(),
});

/** Public holidays on which services are closed unless they say otherwise (filled by migration 0014). */
export const publicHoliday = pgTable(
  'public_holiday',
  {
    /** ISO 3166-1 alpha-2. */
    country: text('country').notNull(),
    date: date('date').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.country, t.date] }), index('public_holiday_date_idx').on(t.date)],
);
