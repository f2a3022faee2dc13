import { schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../../test/fixtures';

const t = useTestDatabase();

beforeAll(async () => {
  const [taxonomy] = await t.current.db
    .insert(schema.taxonomy)
    .values({ name: 'CareMap service taxonomy', description: 'test' })
    .returning();
  const term = (
    code: string,
    labels: { hu: string; cs: string; tr: string; en: string },
    parentId?: string,
    facet = false,
  ) => ({
    code,
    name: labels.en,
    description: code,
    labels,
    parentId,
    taxonomyId: taxonomy!.id,
    taxonomy: facet ? 'caremap-facets' : null,
  });
  const [support, crisis] = await t.current.db
    .insert(schema.taxonomyTerm)
    .values([
      term('family_support', {
        hu: 'Családok támogatása',
        cs: 'Podpora rodin',
        tr: 'Ailelere destek',
        en: 'Family support',
      }),
      term('crisis', { hu: 'Krízisellátás', cs: 'Krizová pomoc', tr: 'Kriz', en: 'Crisis help' }),
    ])
    .returning();
  await t.current.db
    .insert(schema.taxonomyTerm)
    .values([
      term(
        'mediation',
        { hu: 'Mediáció', cs: 'Rodinná mediace', tr: 'Arabuluculuk', en: 'Mediation' },
        support!.id,
      ),
      term(
        'family_therapy',
        { hu: 'Családterápia', cs: 'Rodinná terapie', tr: 'Aile terapisi', en: 'Family therapy' },
        support!.id,
      ),
      term(
        'crisis_helpline',
        { hu: 'Lelkisegély-vonal', cs: 'Linka důvěry', tr: 'Kriz hattı', en: 'Crisis helpline' },
        crisis!.id,
      ),
      term(
        'wheelchair_accessible',
        { hu: 'Akadálymentes', cs: 'Bezbariérové', tr: 'Erişilebilir', en: 'Wheelchair' },
        undefined,
        true,
      ),
    ]);
});

describe('taxonomy.terms', () => {
  it('lists the service types by group, labelled and sorted in the asked language, without facet terms', async () => {
    const caller = await callerFor(t.current.db).caller();
    const cs = await caller.taxonomy.terms({ language: 'cs' });
    expect(cs.map((g) => [g.label, g.terms.map((term) => term.label)])).toEqual([
      ['Krizová pomoc', ['Linka důvěry']],
      ['Podpora rodin', ['Rodinná mediace', 'Rodinná terapie']],
    ]);
    const hu = await caller.taxonomy.terms({ language: 'hu' });
    expect(hu.map((g) => g.label)).toEqual(['Családok támogatása', 'Krízisellátás']);
    expect(hu.flatMap((g) => g.terms.map((term) => term.code))).not.toContain('wheelchair_accessible');
  });
});
