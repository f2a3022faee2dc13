import { schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import type { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, makeWorld, PASSWORD } from '../../test/fixtures';

const t = useTestDatabase();
let world: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  world = await makeWorld(t.current.db);
});

async function signedIn(role: string) {
  const session = callerFor(t.current.db);
  await (await session.caller()).auth.login({ email: `${role}@test.caremap.eu`, password: PASSWORD });
  return session.caller();
}

describe('conference.upcoming', () => {
  it('shows the conference to its participants and audits each read', async () => {
    for (const role of ['organiser', 'partner']) {
      const result = await (await signedIn(role)).conference.upcoming();
      expect(result.items.map((c) => c.caseRef)).toEqual(['HU-TST-2026-0001']);
      expect(result.items[0]!.participantCount).toBe(2);
    }
    const reads = await t.current.db
      .select()
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.action, 'conference.read'),
          eq(schema.auditLog.resourceId, world.conference.id),
        ),
      );
    expect(reads.map((r) => r.actorUserId).sort()).toEqual(
      [world.users.organiser, world.users.partner].sort(),
    );
  });

  it('hides it from everyone else, administrators included', async () => {
    for (const role of ['networker', 'coordinator', 'admin']) {
      expect((await (await signedIn(role)).conference.upcoming()).items).toEqual([]);
    }
  });

  it('refuses anonymous callers', async () => {
    const error = (await (
      await callerFor(t.current.db).caller()
    ).conference
      .upcoming()
      .catch((e: unknown) => e)) as TRPCError;
    expect(error.code).toBe('UNAUTHORIZED');
  });
});

describe('territory.mine', () => {
  it("lists a networker's territories with counts and GeoJSON", async () => {
    const { items } = await (await signedIn('networker')).territory.mine();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ name: 'ORP Test', kind: 'orp', approximate: true, locationCount: 0 });
    expect(items[0]!.geometry.type).toBe('MultiPolygon');
  });

  it('gives an organiser without territories an empty list', async () => {
    expect((await (await signedIn('organiser')).territory.mine()).items).toEqual([]);
  });
});
