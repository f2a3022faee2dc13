// Free text -> PostgreSQL tsquery over the search documents (migration 0013). Words are folded
// (unaccented, lower case) by the database itself, so query and documents agree whatever the
// language. The last word is a prefix while the user types; a word that occurs in no document is
// taken for a typo and replaced by its nearest known words (pg_trgm similarity over `search_word`).
import { type Database, selectRows } from '@caremap/db';
import { sql } from 'drizzle-orm';

export interface TextQuery {
  /** Matches documents containing every word (anywhere). */
  any: string;
  /** The same words, restricted to the service name (weight A): ranks name hits first. */
  name: string;
  /** The folded words as understood, for display and tests. */
  words: string[];
}

/** Words as the user typed them: runs of letters and digits, in order (at most 12). */
export function splitWords(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

const MAX_ALTERNATIVES = 3;

// tsquery syntax: a quoted lexeme, `:*` for a prefix, `A` to restrict to the name weight.
const lexeme = (word: string, prefix: boolean, weight: string) =>
  `'${word.replaceAll("'", "''").replaceAll('\\', '\\\\')}'${prefix || weight ? ':' : ''}${prefix ? '*' : ''}${weight}`;

/** null when the text holds no word. */
export async function buildTextQuery(db: Database, text: string | undefined): Promise<TextQuery | null> {
  const typed = splitWords(text ?? '');
  if (typed.length === 0) return null;
  const rows = await selectRows<{
    word: string;
    ord: number;
    exact: boolean;
    prefixed: boolean;
    similar: string[] | string | null;
  }>(
    db,
    sql`
      with w as (
        select caremap_fold(x) as word, i as ord
        from unnest(${`{${typed.map((t) => `"${t}"`).join(',')}}`}::text[]) with ordinality as t(x, i)
      )
      select w.word, w.ord::int as ord,
        exists (select 1 from search_word s where s.word = w.word) as exact,
        exists (select 1 from search_word s where s.word like replace(replace(w.word, '_', '\\_'), '%', '\\%') || '%') as prefixed,
        array(
          select s.word from search_word s
          where length(w.word) >= 3 and s.word % w.word
          order by similarity(s.word, w.word) desc, s.word
          limit ${MAX_ALTERNATIVES}
        ) as similar
      from w order by w.ord`,
  );
  const words: string[] = [];
  const parts: Array<{ alternatives: string[]; prefix: boolean }> = [];
  rows.forEach((r, index) => {
    // Folding can leave punctuation (unaccent maps a few symbols to text); keep letters and digits.
    const word = splitWords(r.word).join('');
    if (!word) return;
    words.push(word);
    const last = index === rows.length - 1;
    const similar = (typeof r.similar === 'string' ? parseTextArray(r.similar) : (r.similar ?? [])).filter(
      (s) => s !== word,
    );
    if (last && r.prefixed) parts.push({ alternatives: [word], prefix: true });
    else if (r.exact) parts.push({ alternatives: [word], prefix: false });
    else if (similar.length > 0) parts.push({ alternatives: similar, prefix: false });
    else parts.push({ alternatives: [word], prefix: last });
  });
  if (parts.length === 0) return null;
  const build = (weight: string) =>
    parts
      .map(({ alternatives, prefix }) => {
        const terms = alternatives.map((a) => lexeme(a, prefix, weight));
        return terms.length === 1 ? terms[0] : `(${terms.join(' | ')})`;
      })
      .join(' & ');
  return { any: build(''), name: build('A'), words };
}

/** PostgreSQL's text[] literal, for drivers that hand arrays back as text. */
function parseTextArray(value: string): string[] {
  const inner = value.replace(/^\{|\}$/g, '');
  if (!inner) return [];
  return inner.split(',').map((s) => s.replace(/^"|"$/g, ''));
}
