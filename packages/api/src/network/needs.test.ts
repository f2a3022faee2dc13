// The needs register on a real database: who may record and read needs where, two concurrent edits
// of one need (one wins, the other gets both versions, nothing is lost, history kept), a met need's
// date, and the quarterly figures against an independent count over the same rows.
import { type Database, schema, selectRows } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../test/conference-world';
import { makeWorld } from '../../test/fixtures';
import { AppCodeError } from '../errors';

const t = useTestDatabase();
let db: Database;
let world: Awaited<ReturnType<typeof makeWorld>>;
const ids = { elsewhere: '', term: '', otherTerm: '' };

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'allowed';
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return `${error.code}${error.cause instanceof AppCodeError ? `:${error.cause.appCode}` : ''}`;
  }
};

beforeAll(async () => {
  db = t.current.db;
  world = await makeWorld(db);
  const [elsewhere] = await db
    .insert(schema.territory)
    .values({
      name: 'ORP Elsewhere',
      kind: 'orp',
      country: 'CZ',
      geom: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [17, 49],
              [18, 49],
              [18, 50],
              [17, 50],
              [17, 49],
            ],
          ],
        ],
      },
    })
    .returning();
  const [tax] = await db.insert(schema.taxonomy).values({ name: 'Types', description: 'd' }).returning();
  const [term, otherTerm] = await db
    .insert(schema.taxonomyTerm)
    .values([
      {
        code: 'debt_counselling',
        name: 'Debt counselling',
        description: 'd',
        taxonomyId: tax!.id,
        labels: {
          hu: 'Adósságtanácsadás',
          cs: 'Dluhové poradenství',
          tr: 'Borç danışmanlığı',
          en: 'Debt counselling',
        },
      },
      {
        code: 'mediation',
        name: 'Mediation',
        description: 'd',
        taxonomyId: tax!.id,
        labels: { hu: 'Mediáció', cs: 'Mediace', tr: 'Arabuluculuk', en: 'Mediation' },
      },
    ])
    .returning();
  Object.assign(ids, { elsewhere: elsewhere!.id, term: term!.id, otherTerm: otherTerm!.id });
});

const need = (territoryId: string, over: Record<string, unknown> = {}) => ({
  territoryId,
  taxonomyTermId: ids.term,
  description: 'No debt counselling within reach for families in the villages',
  reportedBy: 'provider' as const,
  severity: 'high' as const,
  reportedOn: '2026-02-10',
  ...over,
});

describe('needs register', () => {
  it('lets a networker record and read needs of their territory only, and nobody else without a grant', async () => {
    const networker = await signedIn(db, 'networker');
    const created = await networker.need.create(need(world.territory.id));
    expect(created.version).toBe(1);
    const list = await networker.need.list({ territoryId: world.territory.id });
    expect(list.map((n) => n.id)).toContain(created.id);
    const mine = list.find((n) => n.id === created.id)!;
    expect(mine).toMatchObject({ status: 'open', severity: 'high', reportedBy: 'provider', metOn: null });
    expect(mine.category.cs).toBe('Dluhové poradenství');
    expect(mine.createdByName).toBe('Test networker');

    expect(await refusal(networker.need.create(need(ids.elsewhere)))).toBe('FORBIDDEN:forbidden');
    expect(await refusal(networker.need.list({ territoryId: ids.elsewhere }))).toBe('FORBIDDEN:forbidden');
    // The coordinator of the test world has no territory assigned; organisers and partners have no grant.
    const coordinator = await signedIn(db, 'coordinator');
    expect(await refusal(coordinator.need.create(need(world.territory.id)))).toBe('FORBIDDEN:forbidden');
    for (const role of ['organiser', 'partner'] as const) {
      const other = await signedIn(db, role);
      expect(await refusal(other.need.list({ territoryId: world.territory.id }))).toMatch(/^FORBIDDEN/);
    }
    const admin = await signedIn(db, 'admin');
    expect((await admin.need.list({ territoryId: ids.elsewhere })).length).toBe(0);
    expect(
      await refusal(admin.need.create(need(ids.elsewhere, { taxonomyTermId: world.territory.id }))),
    ).toBe('BAD_REQUEST:unknown_reference');
    const [{ n }] = (await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from need where territory_id = ${ids.elsewhere}::uuid`,
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('gives the loser of two concurrent edits a conflict with both versions, and loses nothing', async () => {
    const networker = await signedIn(db, 'networker');
    const colleague = await signedIn(db, 'admin');
    const { id } = await networker.need.create(
      need(world.territory.id, { description: 'A need edited twice' }),
    );
    const results = await Promise.allSettled([
      networker.need.update({ id, expectedVersion: 1, changes: { status: 'in_progress', metOn: null } }),
      colleague.need.update({ id, expectedVersion: 1, changes: { severity: 'critical' } }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = lost[0]!.reason as TRPCError;
    expect(error.code).toBe('CONFLICT');
    const details = (error.cause as AppCodeError).details as {
      theirs: { version: number; fields: Record<string, string | null> };
      yours: { expectedVersion: number; changes: Record<string, string | null> };
    };
    expect(details.theirs.version).toBe(2);
    expect(details.yours.expectedVersion).toBe(1);
    // The stored need is exactly the winner's edit on top of version 1.
    const [row] = await selectRows<{ status: string; severity: string; version: number }>(
      db,
      sql`select status::text, severity::text, version from need where id = ${id}::uuid`,
    );
    const networkerWon = results[0]!.status === 'fulfilled';
    expect(row).toEqual(
      networkerWon
        ? { status: 'in_progress', severity: 'high', version: 2 }
        : { status: 'open', severity: 'critical', version: 2 },
    );
    expect(details.theirs.fields.status).toBe(row!.status);
    expect(details.theirs.fields.severity).toBe(row!.severity);
    // The loser saves again on top of the winner's version: both edits now hold.
    const again = networkerWon
      ? await colleague.need.update({ id, expectedVersion: 2, changes: { severity: 'critical' } })
      : await networker.need.update({
          id,
          expectedVersion: 2,
          changes: { status: 'in_progress', metOn: null },
        });
    expect(again.version).toBe(3);
    const history = await selectRows<{ version: number; action: string; next: Record<string, unknown> }>(
      db,
      sql`select version, action, next from record_history where entity = 'need' and entity_id = ${id}::uuid order by version`,
    );
    expect(history.map((h) => [h.version, h.action])).toEqual([
      [1, 'create'],
      [2, 'update'],
      [3, 'update'],
    ]);
    expect(Object.assign({}, ...history.slice(1).map((h) => h.next))).toEqual({
      status: 'in_progress',
      severity: 'critical',
    });
  });

  it('records a met need with its date, refuses a met need without one, and counts quarters as a plain count does', async () => {
    const admin = await signedIn(db, 'admin');
    const rows = [
      { reportedOn: '2026-01-15', taxonomyTermId: ids.otherTerm },
      { reportedOn: '2026-04-02' },
      { reportedOn: '2026-05-20', metOn: '2026-08-01' },
      { reportedOn: '2026-09-30', metOn: '2026-10-01' },
      { reportedOn: '2025-12-01', metOn: '2026-03-31' },
    ];
    for (const r of rows) {
      const { metOn, ...over } = r as { metOn?: string };
      const { id } = await admin.need.create(need(ids.elsewhere, over));
      if (metOn) await admin.need.update({ id, expectedVersion: 1, changes: { status: 'met', metOn } });
    }
    const { id } = await admin.need.create(need(ids.elsewhere, { reportedOn: '2026-06-01' }));
    expect(await refusal(admin.need.update({ id, expectedVersion: 1, changes: { status: 'met' } }))).toBe(
      'BAD_REQUEST',
    );
    expect(
      await refusal(
        admin.need.update({ id, expectedVersion: 1, changes: { status: 'met', metOn: '2026-05-01' } }),
      ),
    ).toBe('BAD_REQUEST:invalid_state');

    // The independent count: straight from the rows the database holds, quarter by quarter.
    const stored = await selectRows<{ reported_on: string; met_on: string | null }>(
      db,
      sql`select reported_on::text, met_on::text from need where territory_id = ${ids.elsewhere}::uuid`,
    );
    const bounds = (q: number) =>
      [
        `2026-${String(3 * q - 2).padStart(2, '0')}-01`,
        q === 4 ? '2027-01-01' : `2026-${String(3 * q + 1).padStart(2, '0')}-01`,
      ] as const;
    const expected = [1, 2, 3, 4].map((q) => {
      const [from, to] = bounds(q);
      return {
        quarter: q,
        reported: stored.filter((s) => s.reported_on >= from && s.reported_on < to).length,
        met: stored.filter((s) => s.met_on !== null && s.met_on >= from && s.met_on < to).length,
        openAtEnd: stored.filter((s) => s.reported_on < to && (s.met_on === null || s.met_on >= to)).length,
      };
    });
    const stats = await admin.need.stats({ territoryId: ids.elsewhere, year: 2026 });
    expect(stats.quarters).toEqual(expected);
    expect(expected.map((q) => q.reported)).toEqual([1, 3, 1, 0]);
    const other = stats.categories.find((c) => c.taxonomyTermId === ids.otherTerm)!;
    expect(other.now).toEqual({ open: 1, in_progress: 0, met: 0 });
    const main = stats.categories.find((c) => c.taxonomyTermId === ids.term)!;
    expect(main.now).toEqual({ open: 2, in_progress: 0, met: 3 });
  });
});
