import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { selectRows } from '../client';
import { useTestDatabase } from '../testing/use-database';
import { attribute, organization, service, taxonomyTerm } from './index';

const t = useTestDatabase();

/** Services whose search document matches the words (all of them, accent- and case-blind). */
async function matching(words: string): Promise<string[]> {
  const rows = await selectRows<{ name: string }>(
    t.current.db,
    sql`select s.name from service_search ss join service s on s.id = ss.service_id
        where ss.document @@ plainto_tsquery('simple', caremap_fold(${words})) order by s.name`,
  );
  return rows.map((r) => r.name);
}

describe('search support (migration 0013)', () => {
  it('has unaccent and pg_trgm, and folds accents and case the same on every database', async () => {
    const [row] = await selectRows<{ folded: string; similar: number }>(
      t.current.db,
      sql`select caremap_fold('Rodinná poradna ÇOCUK gyermekjóléti Şişli ığ') as folded,
                 similarity('gyermekjoleti', 'gyermekjolti') as similar`,
    );
    expect(row!.folded).toBe('rodinna poradna cocuk gyermekjoleti sisli ig');
    expect(Number(row!.similar)).toBeGreaterThan(0.5);
  });

  it('keeps the document in step with service, organization and taxonomy term changes', async () => {
    const db = t.current.db;
    const [org] = await db
      .insert(organization)
      .values({ name: 'Család- és Gyermekjóléti Központ', description: 'Szolnok' })
      .returning();
    const [svc] = await db
      .insert(service)
      .values({ organizationId: org!.id, name: 'Krízisszolgáltatás', description: 'Éjjel-nappal' })
      .returning();
    const [term] = await db
      .insert(taxonomyTerm)
      .values({
        code: 'test_crisis',
        name: 'Crisis service',
        description: 'd',
        labels: { hu: 'Krízisszolgáltatás', cs: 'Krizová pomoc', tr: 'Kriz hizmeti', en: 'Crisis service' },
      })
      .returning();
    expect(await matching('gyermekjoleti')).toEqual(['Krízisszolgáltatás']);
    expect(await matching('krizova pomoc')).toEqual([]);

    await db.insert(attribute).values({ linkId: svc!.id, linkEntity: 'service', taxonomyTermId: term!.id });
    expect(await matching('Krizová pomoc')).toEqual(['Krízisszolgáltatás']);

    await db
      .update(taxonomyTerm)
      .set({ labels: { ...term!.labels, cs: 'Pomoc v krizi' } })
      .where(eq(taxonomyTerm.id, term!.id));
    expect(await matching('krizova pomoc')).toEqual([]);
    expect(await matching('pomoc v krizi')).toEqual(['Krízisszolgáltatás']);

    await db.update(service).set({ name: 'Átmeneti otthon' }).where(eq(service.id, svc!.id));
    expect(await matching('atmeneti otthon')).toEqual(['Átmeneti otthon']);
    const [doc] = await selectRows<{ name_text: string }>(
      db,
      sql`select name_text from service_search where service_id = ${svc!.id}`,
    );
    expect(doc!.name_text).toBe('atmeneti otthon');

    await db.update(organization).set({ name: 'Vöröskereszt' }).where(eq(organization.id, org!.id));
    expect(await matching('voroskereszt')).toEqual(['Átmeneti otthon']);
    expect(await matching('gyermekjoleti')).toEqual([]);

    await db.delete(attribute).where(eq(attribute.linkId, svc!.id));
    expect(await matching('pomoc v krizi')).toEqual([]);

    // Every document word is in the typo lexicon.
    const [missing] = await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from service_search ss, unnest(tsvector_to_array(ss.document)) w
          where not exists (select 1 from search_word sw where sw.word = w)`,
    );
    expect(missing!.n).toBe(0);
  });

  it('holds the public holidays of HU, CZ and TR for 2024-2030, multi-day Bayrams day by day', async () => {
    const rows = await selectRows<{ country: string; n: number; first: string; last: string }>(
      t.current.db,
      sql`select country, count(*)::int as n, min(date)::text as first, max(date)::text as last
          from public_holiday group by country order by country`,
    );
    expect(rows.map((r) => r.country)).toEqual(['CZ', 'HU', 'TR']);
    for (const r of rows) {
      expect(r.first.slice(0, 4)).toBe('2024');
      expect(r.last.slice(0, 4)).toBe('2030');
    }
    const days = await selectRows<{ date: string }>(
      t.current.db,
      sql`select date::text as date from public_holiday where country = 'TR' and name = 'Ramazan Bayramı'
          and date between '2024-01-01' and '2024-12-31' order by date`,
    );
    expect(days.map((d) => d.date)).toEqual(['2024-04-10', '2024-04-11', '2024-04-12']);
    const [christmas] = await selectRows<{ n: number }>(
      t.current.db,
      sql`select count(*)::int as n from public_holiday where date = '2026-12-25'`,
    );
    expect(christmas!.n).toBe(2); // HU and CZ; not TR
  });
});
