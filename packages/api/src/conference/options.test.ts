// conference.options: what the new-conference form may offer an organiser, and nothing more.
import { useTestDatabase } from '@caremap/db/testing';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { addConferenceWorld, signedIn } from '../../test/conference-world';
import { makeWorld } from '../../test/fixtures';

const t = useTestDatabase();
let world: Awaited<ReturnType<typeof makeWorld>>;
let extra: Awaited<ReturnType<typeof addConferenceWorld>>;
beforeAll(async () => {
  world = await makeWorld(t.current.db);
  extra = await addConferenceWorld(t.current.db, world);
});

describe('conference.options', () => {
  it('offers the organiser their agency, its rooms, other agencies and users without their addresses', async () => {
    const options = await (await signedIn(t.current.db, 'organiser')).conference.options();
    expect(options.organiserAgencyIds).toEqual([world.agencies.welfare.id]);
    expect(options.rooms.map((r) => r.id).sort()).toEqual([extra.rooms.a.id, extra.rooms.b.id].sort());
    expect(options.rooms.every((r) => r.agencyId === world.agencies.welfare.id)).toBe(true);
    const agencyIds = options.agencies.map((a) => a.id);
    for (const id of [extra.agencies.police.id, extra.agencies.health.id, world.agencies.welfare.id]) {
      expect(agencyIds).toContain(id);
    }
    expect(options.users.length).toBeGreaterThan(0);
    const organiser = options.users.find((u) => u.id === world.users.organiser);
    expect(organiser?.agencyIds).toContain(world.agencies.welfare.id);
    // No e-mail addresses of colleagues, and administrators are not offered as participants.
    expect(JSON.stringify(options.users)).not.toContain('@');
    expect(options.users.map((u) => u.displayName).join()).not.toMatch(/admin/i);
  });

  it('is refused to a role that cannot create conferences', async () => {
    const error = await (await signedIn(t.current.db, 'partner')).conference.options().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('FORBIDDEN');
  });
});
