import { schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import type { TRPCError } from '@trpc/server';
import { and, asc, eq } from 'drizzle-orm';
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

/** Who read the conference, one entry per audited read, oldest first. */
async function readsOf(conferenceId: string) {
  const reads = await t.current.db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.action, 'conference.read'), eq(schema.auditLog.resourceId, conferenceId)))
    .orderBy(asc(schema.auditLog.id));
  return reads.map((r) => r.actorUserId);
}

describe('conference.upcoming', () => {
  const caseRefs = async (local: string) =>
    (await (await signedIn(local)).conference.upcoming()).items.map((c) => c.caseRef);

  it('shows a conference to its participants and audits each read', async () => {
    for (const role of ['organiser', 'partner']) {
      const { items } = await (await signedIn(role)).conference.upcoming();
      const shared = items.find((c) => c.caseRef === 'HU-TST-2026-0001');
      expect(shared?.participantCount, role).toBe(2);
    }
    expect((await readsOf(world.conference.id)).sort()).toEqual(
      [world.users.organiser, world.users.partner].sort(),
    );
  });

  it("shows an organiser their agency's conferences, also those they do not attend, and no other agency's", async () => {
    // 0002 is run by a colleague without the organiser: only the own_agency scope shows it.
    // 0003 belongs to another agency and the organiser does not take part: never shown.
    const readsBefore = await readsOf(world.conferences.ownAgency.id);
    expect(await caseRefs('organiser')).toEqual(['HU-TST-2026-0001', 'HU-TST-2026-0002']);
    expect(await caseRefs('other-organiser')).toEqual(['HU-TST-2026-0003']);
    // Seen through the agency rather than as a participant, it is still case data: audited.
    expect(await readsOf(world.conferences.ownAgency.id)).toEqual([...readsBefore, world.users.organiser]);
  });

  it('shows a partner only the conferences they take part in, whichever agency runs them', async () => {
    expect(await caseRefs('partner')).toEqual(['HU-TST-2026-0001', 'HU-TST-2026-0003']);
  });

  it("hides them from the agency's networkers and coordinators, who attend none", async () => {
    // Members of the organiser's agency, but their conference scope is `participant`.
    for (const role of ['networker', 'coordinator']) {
      expect(await caseRefs(role), role).toEqual([]);
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

  it('gives a coordinator without assigned territories an empty list', async () => {
    expect((await (await signedIn('coordinator')).territory.mine()).items).toEqual([]);
  });
});
