import { describe, expect, it } from 'vitest';
import { buildTaxonomy, TERM_DEFS } from './taxonomy';

describe('service taxonomy', () => {
  const groups = TERM_DEFS.filter((t) => !t.group);
  const terms = TERM_DEFS.filter((t) => t.group);

  it('has at least 40 terms under a handful of groups, with unique stable codes', () => {
    expect(terms.length).toBeGreaterThanOrEqual(40);
    expect(groups.length).toBeGreaterThanOrEqual(6);
    expect(new Set(TERM_DEFS.map((t) => t.code)).size).toBe(TERM_DEFS.length);
    for (const t of TERM_DEFS) expect(t.code).toMatch(/^[a-z][a-z_]+$/);
  });

  it('is two levels deep: every term hangs off a group, groups off nothing', () => {
    const groupCodes = new Set(groups.map((g) => g.code));
    for (const t of terms) expect(groupCodes.has(t.group!)).toBe(true);
    for (const g of groups) expect(terms.some((t) => t.group === g.code)).toBe(true);
  });

  it('labels every term in hu, cs, tr and en, translated rather than copied', () => {
    for (const t of TERM_DEFS) {
      for (const locale of ['hu', 'cs', 'tr', 'en'] as const) expect(t.labels[locale].trim()).not.toBe('');
    }
    const allDistinct = TERM_DEFS.filter((t) => new Set(Object.values(t.labels)).size === 4);
    expect(allDistinct.length / TERM_DEFS.length).toBeGreaterThan(0.95);
  });

  it('covers the services the seed documents name', () => {
    const en = new Set(TERM_DEFS.map((t) => t.labels.en));
    for (const name of [
      'Crisis service',
      'Mediation',
      'Supervised contact',
      'Family therapy',
      'Family consultation',
      'Debt counselling',
      'Street social work',
      'Housing-estate social work',
      'Hospital social work',
      'Psychological counselling',
      'Legal information',
      'Job-search help',
      'On-call signalling service',
      'Signalling-system coordination',
      'Family decision-making conference',
      'Foster-care support',
      'Adoption support',
      'Hearing and therapy service',
      'Preparation for independent life',
    ]) {
      expect(en.has(name), name).toBe(true);
    }
  });

  it('builds rows with English names, parents before children', () => {
    const { taxonomy, terms: rows } = buildTaxonomy();
    expect(taxonomy.map((t) => t.name)).toEqual(['CareMap service taxonomy', 'caremap-facets']);
    const seen = new Set<string>();
    for (const row of rows) {
      expect(row.name).toBe(row.labels.en);
      if (row.parentId) expect(seen.has(row.parentId)).toBe(true);
      seen.add(row.id!);
    }
  });
});
