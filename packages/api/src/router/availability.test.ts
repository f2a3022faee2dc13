import { useTestDatabase } from '@caremap/db/testing';
import type { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../test/conference-world';
import { makeWorld } from '../../test/fixtures';

const t = useTestDatabase();
beforeAll(async () => {
  await makeWorld(t.current.db);
});
const as = (local: string) => signedIn(t.current.db, local);
const later = (days: number) => new Date(Date.now() + days * 86_400_000);

describe('availability', () => {
  it("keeps a user's working week and replaces it on the next save", async () => {
    const partner = await as('partner');
    expect((await partner.availability.mine()).workingHours).toBeNull();
    await partner.availability.setWorkingHours({
      timeZone: 'Europe/Budapest',
      hours: { mon: [{ start: '08:00', end: '12:00' }] },
    });
    await partner.availability.setWorkingHours({
      timeZone: 'Europe/Istanbul',
      hours: { tue: [{ start: '09:00', end: '17:00' }], thu: [{ start: '09:00', end: '13:00' }] },
    });
    expect((await partner.availability.mine()).workingHours).toEqual({
      timeZone: 'Europe/Istanbul',
      hours: { tue: [{ start: '09:00', end: '17:00' }], thu: [{ start: '09:00', end: '13:00' }] },
    });
    // Nobody else sees it.
    expect((await (await as('organiser')).availability.mine()).workingHours).toBeNull();
  });

  it("lets a user add and remove their own busy blocks, and nobody else's", async () => {
    const partner = await as('partner');
    const block = await partner.availability.addBusyBlock({ startsAt: later(3), endsAt: later(4) });
    expect((await partner.availability.mine()).busyBlocks.map((b) => b.id)).toEqual([block.id]);
    const organiser = await as('organiser');
    expect((await organiser.availability.mine()).busyBlocks).toEqual([]);
    const refused = await organiser.availability
      .removeBusyBlock({ busyBlockId: block.id })
      .catch((e: unknown) => e);
    expect((refused as TRPCError).code).toBe('NOT_FOUND');
    expect((await partner.availability.mine()).busyBlocks).toHaveLength(1);
    await partner.availability.removeBusyBlock({ busyBlockId: block.id });
    expect((await partner.availability.mine()).busyBlocks).toEqual([]);
  });

  it('names the field of a bad time', async () => {
    const partner = await as('partner');
    const paths = async (p: Promise<unknown>) =>
      ((await p.catch((e: unknown) => e)) as TRPCError).cause as unknown as {
        issues: Array<{ path: unknown[] }>;
      };
    const backwards = await paths(
      partner.availability.addBusyBlock({ startsAt: later(4), endsAt: later(3) }),
    );
    expect(backwards.issues.map((i) => i.path.join('.'))).toEqual(['endsAt']);
    const bad = await paths(
      partner.availability.setWorkingHours({
        timeZone: 'Europe/Budapest',
        hours: { mon: [{ start: '09:00', end: '25:00' }] },
      }),
    );
    expect(bad.issues.map((i) => i.path.join('.'))).toEqual(['hours.mon.0.end']);
  });
});
