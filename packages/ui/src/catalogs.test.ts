import { describe, expect, it } from 'vitest';
import { catalogs, supportedLanguages } from './i18n';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The plural forms i18next asks a language for with whole-number counts (cs: one, few, other). */
const pluralForms = (language: string) =>
  [...new Set(Array.from({ length: 200 }, (_, n) => new Intl.PluralRules(language).select(n)))].sort();
const PLURAL = /_(zero|one|two|few|many|other)$/;
/** A catalog's keys with plural variants folded into `key_#plural` per base key. */
function pluralBases(catalog: Map<string, string>): Map<string, string[]> {
  const bases = new Map<string, string[]>();
  for (const key of catalog.keys()) {
    const match = PLURAL.exec(key);
    if (!match) continue;
    const base = key.slice(0, -match[0].length);
    bases.set(base, [...(bases.get(base) ?? []), match[1]!].sort());
  }
  return bases;
}

const placeholders = (value: string) => [...value.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const reference = flatten(catalogs.en as Tree);

describe('UI catalogs', () => {
  it('ship hu, cs, tr and en', () => {
    expect([...supportedLanguages].sort()).toEqual(['cs', 'en', 'hu', 'tr']);
    expect(Object.keys(catalogs).sort()).toEqual(['cs', 'en', 'hu', 'tr']);
  });

  for (const language of supportedLanguages) {
    describe(language, () => {
      const catalog = flatten(catalogs[language] as Tree);

      it('has every key of the English catalog and no other (plurals in this language’s forms)', () => {
        const plain = (keys: Iterable<string>) => [...keys].filter((key) => !PLURAL.test(key));
        const missing = plain(reference.keys()).filter((key) => !catalog.has(key));
        const extra = plain(catalog.keys()).filter((key) => !reference.has(key));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
        // Every plural text in exactly the forms i18next will ask for: a missing Czech "few" would
        // fall back to English for 2, 3 and 4.
        const forms = pluralForms(language);
        const expected = new Map([...pluralBases(reference).keys()].map((base) => [base, forms]));
        expect(Object.fromEntries(pluralBases(catalog))).toEqual(Object.fromEntries(expected));
      });

      it('has a real text for every key (never empty, never the key itself)', () => {
        const bad = [...catalog].filter(([key, value]) => {
          const leaf = key.split('.').pop();
          return value.trim() === '' || value === key || value === leaf;
        });
        expect(bad).toEqual([]);
      });

      it('keeps the same {{placeholders}} as English', () => {
        const wrong = [...reference]
          .filter(
            ([key, value]) =>
              catalog.has(key) && placeholders(catalog.get(key)!).join() !== placeholders(value).join(),
          )
          .map(([key]) => key);
        expect(wrong).toEqual([]);
      });
    });
  }

  it('is actually translated: most texts differ from English', () => {
    for (const language of ['hu', 'cs', 'tr'] as const) {
      const catalog = flatten(catalogs[language] as Tree);
      const same = [...reference].filter(([key, value]) => catalog.get(key) === value).map(([key]) => key);
      // Language names (endonyms), the product name and the "{{field}}: {{problem}}" pattern are the
      // same everywhere; anything beyond a handful means an untranslated copy.
      expect(same.length, `${language}: ${same.join(', ')}`).toBeLessThanOrEqual(8);
    }
  });
});
