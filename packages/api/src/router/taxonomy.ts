import { schema } from '@caremap/db';
import { taxonomyTermsInput } from '@caremap/validators';
import { sql } from 'drizzle-orm';
import { publicProcedure, router } from '../trpc';

// Facet terms (wheelchair access and the like) are structured facts with their own filters, not
// types of service: the category list leaves them out.
const FACET_TAXONOMY = 'caremap-facets';

export interface TermGroup {
  id: string;
  code: string;
  label: string;
  terms: Array<{ id: string; code: string; label: string }>;
}

export const taxonomyRouter = router({
  /** The service types as groups with their terms, labelled and sorted in the asked language. */
  terms: publicProcedure.input(taxonomyTermsInput).query(async ({ ctx, input }) => {
    const t = schema.taxonomyTerm;
    const rows = await ctx.db
      .select({ id: t.id, code: t.code, name: t.name, parentId: t.parentId, labels: t.labels })
      .from(t)
      .where(sql`coalesce(${t.taxonomy}, '') <> ${FACET_TAXONOMY}`);
    const label = (row: (typeof rows)[number]) => row.labels?.[input.language] || row.name;
    const collator = new Intl.Collator(input.language);
    const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);
    const groups = new Map<string, TermGroup>();
    for (const row of rows) {
      if (!row.parentId) groups.set(row.id, { id: row.id, code: row.code, label: label(row), terms: [] });
    }
    for (const row of rows) {
      const group = row.parentId ? groups.get(row.parentId) : undefined;
      if (group) group.terms.push({ id: row.id, code: row.code, label: label(row) });
    }
    const list = [...groups.values()].sort(byLabel);
    for (const group of list) group.terms.sort(byLabel);
    return list;
  }),
});
