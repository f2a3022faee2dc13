// Family-conference phases through the real router on a real database: created with the conference
// (seven phases, template checklists), created on first read for older conferences, ticks with who
// and when, bad time slots refused naming the field, stale edits refused, and outsiders refused
// (and audited) while participants read and only the agency's organisers write.
import { schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { familyPhaseKeys, familyPhaseTemplates } from '@caremap/validators';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../test/conference-world';
import { makeWorld } from '../../../test/fixtures';
import { AppCodeError } from '../../errors';

const t = useTestDatabase();
let world: Awaited<ReturnType<typeof makeWorld>>;
let conferenceId: string;
beforeAll(async () => {
  world = await makeWorld(t.current.db);
  const organiser = await as('organiser');
  const created = await organiser.conference.create({
    kind: 'family_conference',
    caseRef: 'HU-FGC-0001',
    title: 'Family group conference',
    agencyId: world.agencies.welfare.id,
    timezone: 'Europe/Budapest',
    durationMinutes: 120,
    scheduleBy: new Date(Date.now() + 21 * 86_400_000),
    participants: [
      { kind: 'user', userId: world.users.organiser, role: 'chair' },
      { kind: 'user', userId: world.users.partner },
    ],
    online: true,
  });
  conferenceId = created.id;
});

const as = (local: string) => signedIn(t.current.db, local);
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a refusal, got ${String(error)}`);
  const cause = error.cause;
  return {
    code: error.code,
    appCode: cause instanceof AppCodeError ? cause.appCode : undefined,
    details: cause instanceof AppCodeError ? cause.details : undefined,
    issues: (cause as { issues?: Array<{ path: PropertyKey[]; message: string }> } | undefined)?.issues,
  };
}
const audits = (action: string, outcome: 'allowed' | 'denied' | 'success' | 'failure') =>
  t.current.db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.action, action), eq(schema.auditLog.outcome, outcome)));

describe('family-conference phases', () => {
  it('are created with the conference: the seven phases in order, each with its template checklist', async () => {
    const stored = await t.current.db
      .select()
      .from(schema.familyPhase)
      .where(eq(schema.familyPhase.conferenceId, conferenceId));
    expect(stored).toHaveLength(7);
    const got = await (await as('organiser')).familyPhases.get({ conferenceId });
    expect(got.canEdit).toBe(true);
    expect(got.phases.map((p) => p.phase)).toEqual([...familyPhaseKeys]);
    for (const p of got.phases) {
      expect(p.status).toBe('not_started');
      expect(p.startsAt).toBeNull();
      expect(p.items.map((i) => i.templateKey)).toEqual([...familyPhaseTemplates[p.phase]]);
      expect(p.items.every((i) => !i.done && i.doneBy === null)).toBe(true);
    }
    const reads = await audits('conference.familyPhases.read', 'allowed');
    expect(reads.some((r) => r.resourceId === conferenceId && r.actorUserId === world.users.organiser)).toBe(
      true,
    );
  });

  it('are created on the first read for a family conference made before phases existed', async () => {
    const [old] = await t.current.db
      .insert(schema.conference)
      .values({
        kind: 'family_conference',
        caseRef: 'HU-FGC-OLD',
        title: 'Older family conference',
        status: 'draft',
        timezone: 'Europe/Budapest',
        organiserUserId: world.users.organiser,
        agencyId: world.agencies.welfare.id,
      })
      .returning();
    const organiser = await as('organiser');
    const [first, second] = await Promise.all([
      organiser.familyPhases.get({ conferenceId: old!.id }),
      organiser.familyPhases.get({ conferenceId: old!.id }),
    ]);
    expect(first.phases).toHaveLength(7);
    expect(second.phases.map((p) => p.id)).toEqual(first.phases.map((p) => p.id));
    const items = await t.current.db
      .select()
      .from(schema.familyPhaseItem)
      .innerJoin(schema.familyPhase, eq(schema.familyPhase.id, schema.familyPhaseItem.phaseId))
      .where(eq(schema.familyPhase.conferenceId, old!.id));
    expect(items).toHaveLength(Object.values(familyPhaseTemplates).flat().length);
  });

  it('refuses phases for a conference of another kind', async () => {
    const r = await refusal((await as('organiser')).familyPhases.get({ conferenceId: world.conference.id }));
    expect(r).toMatchObject({ code: 'BAD_REQUEST', appCode: 'invalid_state' });
  });

  it('ticks an item recording who and when, and unticking clears both', async () => {
    const organiser = await as('organiser');
    const before = await organiser.familyPhases.get({ conferenceId });
    const item = before.phases[1]!.items[0]!;
    const start = Date.now();
    await organiser.familyPhases.tick({ itemId: item.id, done: true });
    // The partner (a participant) sees the tick, with the organiser's name.
    const seen = await (await as('partner')).familyPhases.get({ conferenceId });
    const ticked = seen.phases[1]!.items[0]!;
    expect(seen.canEdit).toBe(false);
    expect(ticked).toMatchObject({ id: item.id, done: true, doneBy: 'Test organiser' });
    expect(ticked.doneAt!.getTime()).toBeGreaterThanOrEqual(start - 1000);
    // Ticking again keeps the first tick's time.
    await organiser.familyPhases.tick({ itemId: item.id, done: true });
    const again = (await organiser.familyPhases.get({ conferenceId })).phases[1]!.items[0]!;
    expect(again.doneAt).toEqual(ticked.doneAt);
    await organiser.familyPhases.tick({ itemId: item.id, done: false });
    const cleared = (await organiser.familyPhases.get({ conferenceId })).phases[1]!.items[0]!;
    expect(cleared).toMatchObject({ done: false, doneBy: null, doneAt: null });
    const ticks = await audits('conference.familyPhases.tick', 'success');
    expect(ticks.filter((r) => r.resourceId === conferenceId)).toHaveLength(3);
  });

  it('adds a custom item at the end of a phase checklist', async () => {
    const organiser = await as('organiser');
    const phase = (await organiser.familyPhases.get({ conferenceId })).phases[3]!;
    await organiser.familyPhases.addItem({ phaseId: phase.id, text: '  Snacks for the children  ' });
    const items = (await organiser.familyPhases.get({ conferenceId })).phases[3]!.items;
    expect(items.at(-1)).toMatchObject({ templateKey: null, text: 'Snacks for the children', done: false });
    expect(items).toHaveLength(phase.items.length + 1);
  });

  it('sets a time slot and a status, refusing a stale version with CONFLICT', async () => {
    const organiser = await as('organiser');
    const phase = (await organiser.familyPhases.get({ conferenceId })).phases[2]!;
    const startsAt = new Date('2031-03-14T09:00:00Z');
    const endsAt = new Date('2031-03-14T11:30:00Z');
    const { version } = await organiser.familyPhases.setSlot({
      phaseId: phase.id,
      expectedVersion: phase.version,
      startsAt,
      endsAt,
    });
    await organiser.familyPhases.setStatus({
      phaseId: phase.id,
      expectedVersion: version,
      status: 'in_progress',
    });
    const stale = await refusal(
      organiser.familyPhases.setStatus({ phaseId: phase.id, expectedVersion: version, status: 'done' }),
    );
    expect(stale).toMatchObject({
      code: 'CONFLICT',
      appCode: 'conflict',
      details: { currentVersion: version + 1 },
    });
    const after = (await organiser.familyPhases.get({ conferenceId })).phases[2]!;
    expect(after).toMatchObject({ status: 'in_progress', startsAt, endsAt });
    // The audit keeps the slot before and after.
    const [entry] = (await audits('conference.familyPhases.setSlot', 'success')).filter(
      (r) => (r.details as { phaseId?: string }).phaseId === phase.id,
    );
    expect(entry!.details).toMatchObject({
      from: { startsAt: null, endsAt: null },
      to: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
    });
  });

  it('refuses a bad slot, naming the field, and stores nothing', async () => {
    const organiser = await as('organiser');
    const phase = (await organiser.familyPhases.get({ conferenceId })).phases[0]!;
    const at = (iso: string) => new Date(iso);
    const cases = [
      { startsAt: at('2031-03-14T11:00:00Z'), endsAt: at('2031-03-14T10:00:00Z'), field: 'endsAt' },
      { startsAt: at('2031-03-14T11:00:00Z'), endsAt: null, field: 'endsAt' },
      { startsAt: at('1931-03-14T11:00:00Z'), endsAt: at('1931-03-14T12:00:00Z'), field: 'startsAt' },
      { startsAt: at('2031-03-14T11:00:00Z'), endsAt: at('2033-03-14T12:00:00Z'), field: 'endsAt' },
    ];
    for (const { field, ...slot } of cases) {
      const r = await refusal(
        organiser.familyPhases.setSlot({ phaseId: phase.id, expectedVersion: phase.version, ...slot }),
      );
      expect(r.code).toBe('BAD_REQUEST');
      expect(r.issues?.[0]?.path).toEqual([field]);
      expect(r.issues?.[0]?.message).toContain(field);
    }
    const after = (await organiser.familyPhases.get({ conferenceId })).phases[0]!;
    expect(after).toMatchObject({ startsAt: null, endsAt: null, version: phase.version });
  });

  it('holds the slot and tick shapes in the database too, whoever writes', async () => {
    const [phase] = await t.current.db
      .select()
      .from(schema.familyPhase)
      .where(eq(schema.familyPhase.conferenceId, conferenceId));
    const backwards = t.current.db
      .update(schema.familyPhase)
      .set({ startsAt: new Date('2031-03-14T11:00:00Z'), endsAt: new Date('2031-03-14T10:00:00Z') })
      .where(eq(schema.familyPhase.id, phase!.id));
    await expect(backwards).rejects.toThrow();
    const tickWithoutTime = t.current.db
      .insert(schema.familyPhaseItem)
      .values({ phaseId: phase!.id, position: 99, text: 'x', done: true });
    await expect(tickWithoutTime).rejects.toThrow();
  });

  it('refuses outsiders with NOT_FOUND and audits it; participants read but do not write', async () => {
    const phase = (await (await as('organiser')).familyPhases.get({ conferenceId })).phases[0]!;
    const before = (await audits('conference.familyPhases.read', 'denied')).length;
    // The other centre's organiser is no participant and not of the responsible agency.
    const outsider = await as('other-organiser');
    expect(await refusal(outsider.familyPhases.get({ conferenceId }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    const denied = await audits('conference.familyPhases.read', 'denied');
    expect(denied).toHaveLength(before + 1);
    expect(denied.at(-1)).toMatchObject({
      resourceId: conferenceId,
      actorUserId: world.colleagues.otherOrganiser,
    });
    expect(
      await refusal(outsider.familyPhases.tick({ itemId: phase.items[0]!.id, done: true })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await audits('conference.familyPhases.tick', 'denied')).not.toHaveLength(0);
    // The partner takes part: may read, may not tick (the guard refuses partners any update).
    const partner = await as('partner');
    expect((await partner.familyPhases.get({ conferenceId })).phases).toHaveLength(7);
    expect(
      await refusal(partner.familyPhases.tick({ itemId: phase.items[0]!.id, done: true })),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    // A colleague organiser of the same agency (not a participant) edits.
    const colleague = await as('colleague');
    await colleague.familyPhases.tick({ itemId: phase.items[0]!.id, done: true });
    const item = (await partner.familyPhases.get({ conferenceId })).phases[0]!.items[0]!;
    expect(item).toMatchObject({ done: true, doneBy: 'Test colleague' });
  });
});
