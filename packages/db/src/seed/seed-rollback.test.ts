// A bad row near the very end of the data set (a conference whose case code breaks the CHECK) makes
// the whole seed fail, and the database is left exactly as it was.
import { count } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { pgErrorOf } from '../errors';
import * as schema from '../schema/index';
import { useTestDatabase } from '../testing/use-database';
import { isSeeded, seed } from './index';

vi.mock('./generate', async (importOriginal) => {
  const original = await importOriginal<typeof import('./generate')>();
  return {
    ...original,
    generateSeedData: (options: Parameters<typeof original.generateSeedData>[0]) => {
      const data = original.generateSeedData(options);
      data.conference.at(-1)!.caseRef = 'not a case code';
      return data;
    },
  };
});

const t = useTestDatabase();

describe('seed() with a bad row', () => {
  it('fails on the CHECK constraint and rolls back every table', async () => {
    const error = await seed(t.current.db, { demoPassword: 'pw' }).then(
      () => undefined,
      (e: unknown) => pgErrorOf(e),
    );
    expect(error?.code).toBe('23514');
    expect(error?.message).toMatch(/conference_case_ref_ck/);
    for (const table of [
      schema.taxonomyTerm,
      schema.territory,
      schema.organization,
      schema.service,
      schema.appUser,
    ]) {
      const [row] = await t.current.db.select({ n: count() }).from(table);
      expect(Number(row!.n)).toBe(0);
    }
    expect(await isSeeded(t.current.db)).toBe(false);
    // A whole seed on the embedded database: a minute on a quiet machine, more on a busy one.
  }, 240_000);
});
