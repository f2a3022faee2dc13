// The meeting record through the real router on a real database: who may read and write it (per
// role, with refusals), agenda templates and reordering, attendance, minutes that refuse a stale
// save, decisions, action items (mine, overdue) and scheduling the follow-up.
import { schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { agendaTemplates } from '@caremap/validators';
import type { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../test/conference-world';
import { makeWorld } from '../../../test/fixtures';
import { AppCodeError } from '../../errors';
import { followUpDeadline } from './follow-up.handler';

const t = useTestDatabase();
let world: Awaited<ReturnType<typeof makeWorld>>;
let contactId: string;
let externalId: string;
let partnerParticipantId: string;
beforeAll(async () => {
  world = await makeWorld(t.current.db);
  const [contact, external] = await t.current.db
    .insert(schema.conferenceParticipant)
    .values([
      {
        conferenceId: world.conference.id,
        kind: 'contact',
        agencyId: world.agencies.school.id,
        displayName: 'School Contact',
        email: 'school.contact@example.org',
        preferredLanguage: 'cs',
        position: 5,
      },
      {
        conferenceId: world.conference.id,
        kind: 'external',
        displayName: 'Family Member',
        email: 'family@example.org',
        role: 'family',
        position: 6,
      },
    ])
    .returning();
  contactId = contact!.id;
  externalId = external!.id;
  const [p] = await t.current.db
    .select()
    .from(schema.conferenceParticipant)
    .where(
      and(
        eq(schema.conferenceParticipant.conferenceId, world.conference.id),
        eq(schema.conferenceParticipant.userId, world.users.partner),
      ),
    );
  partnerParticipantId = p!.id;
});

const as = (local: string) => signedIn(t.current.db, local);
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const e = error as TRPCError;
    return `${e.code}:${e.cause instanceof AppCodeError ? e.cause.appCode : ''}`;
  }
  return 'allowed';
}
const auditOf = (action: string, conferenceId: string) =>
  t.current.db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.action, action), eq(schema.auditLog.resourceId, conferenceId)));

describe('who sees and writes the meeting record', () => {
  it('lets participants and the agency organisers read it, audited, and refuses everyone else', async () => {
    const conferenceId = world.conference.id;
    const before = (await auditOf('conference.record.read', conferenceId)).length;
    // organiser: participant and own agency; partner: participant; colleague: own agency only.
    for (const who of ['organiser', 'partner', 'colleague']) {
      const record = await (await as(who)).record.get({ conferenceId });
      expect(record.conferenceId, who).toBe(conferenceId);
      expect(record.canEdit, who).toBe(who !== 'partner');
    }
    const reads = (await auditOf('conference.record.read', conferenceId)).slice(before);
    expect(
      reads
        .filter((r) => r.outcome === 'allowed')
        .map((r) => r.actorUserId)
        .sort(),
    ).toEqual([world.users.organiser, world.users.partner, world.colleagues.colleague].sort());
    // Another agency's organiser, and the agency's own networker/coordinator (no participants): not found.
    for (const who of ['other-organiser', 'networker', 'coordinator']) {
      expect(await refusal((await as(who)).record.get({ conferenceId })), who).toBe('NOT_FOUND:not_found');
    }
    expect(await refusal((await as('admin')).record.get({ conferenceId }))).toBe('FORBIDDEN:forbidden');
    const denied = (await auditOf('conference.record.read', conferenceId)).filter(
      (r) => r.outcome === 'denied',
    );
    expect(denied.length).toBeGreaterThanOrEqual(3);
  });

  it('lets only the responsible agency organisers write it', async () => {
    const conferenceId = world.conference.id;
    const write = (c: Awaited<ReturnType<typeof as>>) =>
      c.record.saveMinutes({ conferenceId, text: 'x', expectedVersion: 99 });
    expect(await refusal(write(await as('partner')))).toBe('FORBIDDEN:forbidden');
    expect(await refusal(write(await as('other-organiser')))).toBe('NOT_FOUND:not_found');
    // The colleague may (same agency): the stale version gets the conflict, not a refusal.
    expect(await refusal(write(await as('colleague')))).toBe('CONFLICT:minutes_conflict');
    expect(await refusal((await as('partner')).record.applyAgendaTemplate({ conferenceId }))).toBe(
      'FORBIDDEN:forbidden',
    );
    expect(await refusal((await as('other-organiser')).actionItems.overdue()).then(() => 'ok')).toBe('ok');
  });
});

describe('agenda', () => {
  it('applies the kind template once, in order, and reorders, adds and removes in one save', async () => {
    const organiser = await as('organiser');
    const conferenceId = world.conference.id;
    expect(await organiser.record.applyAgendaTemplate({ conferenceId })).toEqual({
      added: agendaTemplates.case_conference.length,
    });
    expect(await organiser.record.applyAgendaTemplate({ conferenceId })).toEqual({ added: 0 });
    let { agenda } = await organiser.record.get({ conferenceId });
    expect(agenda.map((a) => a.templateKey)).toEqual([...agendaTemplates.case_conference]);
    const [first, second, ...rest] = agenda;
    await organiser.record.setAgenda({
      conferenceId,
      items: [
        { id: second!.id },
        { id: first!.id },
        { title: 'School attendance since September' },
        ...rest.slice(0, -1).map((a) => ({ id: a.id })),
      ],
    });
    ({ agenda } = await organiser.record.get({ conferenceId }));
    expect(agenda.map((a) => a.templateKey ?? a.title)).toEqual([
      'purpose',
      'welcome',
      'School attendance since September',
      ...agendaTemplates.case_conference.slice(2, -1),
    ]);
    expect(agenda.map((a) => a.position)).toEqual(agenda.map((_, i) => i));
  });

  it('refuses an item of another conference, naming the field, and changes nothing', async () => {
    const organiser = await as('organiser');
    const { agenda: before } = await organiser.record.get({ conferenceId: world.conference.id });
    const error = await organiser.record
      .setAgenda({ conferenceId: world.conference.id, items: [{ id: world.conference.id }] })
      .catch((e: TRPCError) => e);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).message).toContain('items.0.id');
    const { agenda: after } = await organiser.record.get({ conferenceId: world.conference.id });
    expect(after).toEqual(before);
  });

  it('refuses an unknown template key at the edge', async () => {
    const organiser = await as('organiser');
    const error = (await organiser.record
      .setAgenda({ conferenceId: world.conference.id, items: [{ templateKey: 'nope' as 'welcome' }] })
      .catch((e: unknown) => e)) as TRPCError;
    expect(error.code).toBe('BAD_REQUEST');
  });
});

describe('attendance', () => {
  it('records who was there, keeping required/optional as it was', async () => {
    const organiser = await as('organiser');
    const conferenceId = world.conference.id;
    await organiser.record.setAttendance({
      conferenceId,
      participants: [
        { participantId: partnerParticipantId, attended: true },
        { participantId: externalId, attended: false },
      ],
    });
    const { participants } = await organiser.record.get({ conferenceId });
    expect(participants.find((p) => p.id === partnerParticipantId)?.attended).toBe(true);
    expect(participants.find((p) => p.id === externalId)?.attended).toBe(false);
    expect(participants.find((p) => p.id === contactId)?.attended).toBeNull();
    const [row] = await t.current.db
      .select()
      .from(schema.conferenceParticipant)
      .where(eq(schema.conferenceParticipant.id, partnerParticipantId));
    expect(row!.attendance).toBe('required');
  });

  it('refuses a participant of another conference and leaves the rest unchanged', async () => {
    const organiser = await as('organiser');
    const [other] = await t.current.db
      .select()
      .from(schema.conferenceParticipant)
      .where(eq(schema.conferenceParticipant.conferenceId, world.conferences.ownAgency.id));
    const error = (await organiser.record
      .setAttendance({
        conferenceId: world.conference.id,
        participants: [
          { participantId: partnerParticipantId, attended: false },
          { participantId: other!.id, attended: true },
        ],
      })
      .catch((e: unknown) => e)) as TRPCError;
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('participants.1.participantId');
    const { participants } = await organiser.record.get({ conferenceId: world.conference.id });
    expect(participants.find((p) => p.id === partnerParticipantId)?.attended).toBe(true);
  });
});

describe('minutes', () => {
  it('saves with a rising version and refuses a stale save without overwriting', async () => {
    const conferenceId = world.conferences.ownAgency.id;
    const organiser = await as('organiser');
    const colleague = await as('colleague');
    expect(
      await organiser.record.saveMinutes({ conferenceId, text: 'First draft', expectedVersion: 0 }),
    ).toEqual({
      version: 1,
    });
    // Both opened version 1; the colleague saves first.
    expect(
      await colleague.record.saveMinutes({ conferenceId, text: 'Colleague text', expectedVersion: 1 }),
    ).toEqual({ version: 2 });
    const error = (await organiser.record
      .saveMinutes({ conferenceId, text: 'Organiser text', expectedVersion: 1 })
      .catch((e: unknown) => e)) as TRPCError;
    expect(error.code).toBe('CONFLICT');
    expect((error.cause as AppCodeError).appCode).toBe('minutes_conflict');
    expect((error.cause as AppCodeError).details).toEqual({ currentVersion: 2 });
    const { minutes } = await organiser.record.get({ conferenceId });
    expect(minutes).toMatchObject({ text: 'Colleague text', version: 2, updatedBy: 'Test colleague' });
    // A second "first" save (version 0) is stale too.
    expect(
      await refusal(organiser.record.saveMinutes({ conferenceId, text: 'again', expectedVersion: 0 })),
    ).toBe('CONFLICT:minutes_conflict');
    expect(await organiser.record.saveMinutes({ conferenceId, text: 'Merged', expectedVersion: 2 })).toEqual({
      version: 3,
    });
  });
});

describe('decisions and action items', () => {
  it('adds a decision under an agenda item and refuses one of another conference', async () => {
    const organiser = await as('organiser');
    const conferenceId = world.conference.id;
    const { agenda } = await organiser.record.get({ conferenceId });
    const { id } = await organiser.record.addDecision({
      conferenceId,
      text: 'The school reports attendance weekly',
      agendaItemId: agenda[0]!.id,
    });
    await organiser.record.updateDecision({
      decisionId: id,
      text: 'The school reports attendance every week',
    });
    const { decisions } = await organiser.record.get({ conferenceId });
    expect(decisions).toEqual([
      expect.objectContaining({
        id,
        text: 'The school reports attendance every week',
        agendaItemId: agenda[0]!.id,
      }),
    ]);
    const error = (await organiser.record
      .addDecision({ conferenceId: world.conferences.ownAgency.id, text: 'x', agendaItemId: agenda[0]!.id })
      .catch((e: unknown) => e)) as TRPCError;
    expect(error.message).toContain('agendaItemId');
    expect(await refusal((await as('partner')).record.updateDecision({ decisionId: id, text: 'mine' }))).toBe(
      'FORBIDDEN:forbidden',
    );
  });

  it('gives action items to users and contacts, lists mine overdue first, and lets the owner close theirs', async () => {
    const organiser = await as('organiser');
    const partner = await as('partner');
    const conferenceId = world.conference.id;
    const today = new Date().toISOString().slice(0, 10);
    const shift = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const later = await organiser.actionItems.create({
      conferenceId,
      title: 'Send the attendance report',
      ownerParticipantId: partnerParticipantId,
      dueOn: shift(10),
    });
    const late = await organiser.actionItems.create({
      conferenceId,
      title: 'Call the health visitor',
      ownerParticipantId: partnerParticipantId,
      dueOn: shift(-3),
    });
    await organiser.actionItems.create({
      conferenceId,
      title: 'Contact checks the timetable',
      ownerParticipantId: contactId,
      ownerAgencyId: world.agencies.school.id,
      dueOn: today,
    });
    expect(
      await refusal(
        organiser.actionItems.create({
          conferenceId,
          title: 'x',
          ownerParticipantId: externalId,
          dueOn: today,
        }),
      ),
    ).toBe('BAD_REQUEST:unknown_reference');
    expect(
      await refusal(
        partner.actionItems.create({
          conferenceId,
          title: 'x',
          ownerParticipantId: partnerParticipantId,
          dueOn: today,
        }),
      ),
    ).toBe('FORBIDDEN:forbidden');

    const mine = await partner.actionItems.mine();
    expect(mine.items.map((i) => [i.id, i.overdue])).toEqual([
      [late.id, true],
      [later.id, false],
    ]);
    expect(mine.items[0]).toMatchObject({ caseRef: 'HU-TST-2026-0001', ownerAgencyName: 'School' });
    expect((await organiser.actionItems.mine()).items).toEqual([]);
    const audited = await auditOf('conference.action_items.read', conferenceId);
    expect(audited.map((a) => a.actorUserId)).toContain(world.users.partner);

    // The owner may close their own item, not change what it says.
    expect(await refusal(partner.actionItems.update({ actionItemId: late.id, title: 'Changed' }))).toBe(
      'FORBIDDEN:forbidden',
    );
    await partner.actionItems.update({ actionItemId: late.id, status: 'done' });
    const [row] = await t.current.db
      .select()
      .from(schema.actionItem)
      .where(eq(schema.actionItem.id, late.id));
    expect(row!.status).toBe('done');
    expect(row!.completedAt).toBeInstanceOf(Date);
    expect((await partner.actionItems.mine()).items.map((i) => i.id)).toEqual([later.id]);
    // Reopened by the organiser: completed_at is cleared again.
    await organiser.actionItems.update({ actionItemId: late.id, status: 'open', dueOn: shift(-1) });
    const [reopened] = await t.current.db
      .select()
      .from(schema.actionItem)
      .where(eq(schema.actionItem.id, late.id));
    expect(reopened).toMatchObject({ status: 'open', completedAt: null, dueOn: shift(-1) });
    // Nobody else changes it.
    expect(
      await refusal(
        (await as('other-organiser')).actionItems.update({ actionItemId: late.id, status: 'done' }),
      ),
    ).toBe('NOT_FOUND:not_found');
  });

  it("lists overdue items for the responsible agency's organisers only", async () => {
    const overdueFor = async (who: string) =>
      (await (await as(who)).actionItems.overdue()).items.map((i) => i.title);
    expect(await overdueFor('organiser')).toEqual(['Call the health visitor']);
    expect(await overdueFor('colleague')).toEqual(['Call the health visitor']);
    expect(await overdueFor('other-organiser')).toEqual([]);
    expect(await refusal((await as('partner')).actionItems.overdue())).toBe('FORBIDDEN:forbidden');
    expect(await refusal((await as('admin')).actionItems.mine())).toBe('FORBIDDEN:forbidden');
  });
});

describe('schedule the next one', () => {
  it('creates one draft follow-up for the same case with the same invitees', async () => {
    const organiser = await as('organiser');
    const conferenceId = world.conference.id;
    const first = await organiser.record.scheduleNext({ conferenceId });
    expect(first.created).toBe(true);
    expect(await organiser.record.scheduleNext({ conferenceId })).toEqual({ id: first.id, created: false });
    const next = await organiser.conference.get({ conferenceId: first.id });
    expect(next).toMatchObject({ status: 'draft', kind: 'case_conference', caseRef: 'HU-TST-2026-0001' });
    expect(next.participants.map((p) => p.displayName)).toEqual(
      (await organiser.conference.get({ conferenceId })).participants.map((p) => p.displayName),
    );
    expect(next.participants.every((p) => p.partstat === 'needs_action')).toBe(true);
    expect((await organiser.record.get({ conferenceId })).followUp).toEqual({
      id: first.id,
      status: 'draft',
    });
    expect(await refusal((await as('partner')).record.scheduleNext({ conferenceId }))).toBe(
      'FORBIDDEN:forbidden',
    );
  });

  it('sets a care plan review deadline at most six months after this review', async () => {
    const held = new Date('2031-08-31T08:00:00Z');
    const deadline = followUpDeadline(
      { kind: 'care_plan_review', startsAt: held, timezone: 'Europe/Budapest' },
      new Date('2031-09-01T08:00:00Z'),
    );
    // 31 Aug + 6 months = 29 Feb 2032 (leap year), the end of that day in Budapest.
    expect(deadline.toISOString()).toBe('2032-02-29T22:59:59.999Z');
    // An overdue review is not refused for a past deadline: the next week instead.
    const now = new Date('2032-04-01T08:00:00Z');
    expect(
      followUpDeadline(
        { kind: 'care_plan_review', startsAt: held, timezone: 'Europe/Budapest' },
        now,
      ).getTime(),
    ).toBe(now.getTime() + 7 * 86_400_000);
  });

  it('schedules a care plan review through the router with that deadline', async () => {
    const organiser = await as('organiser');
    const startsAt = new Date(Date.now() + 2 * 86_400_000);
    const [review] = await t.current.db
      .insert(schema.conference)
      .values({
        kind: 'care_plan_review',
        caseRef: 'HU-TST-2026-0042',
        title: 'Review',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        timezone: 'Europe/Budapest',
        organiserUserId: world.users.organiser,
        agencyId: world.agencies.welfare.id,
      })
      .returning();
    await t.current.db.insert(schema.conferenceParticipant).values({
      conferenceId: review!.id,
      userId: world.users.organiser,
      agencyId: world.agencies.welfare.id,
    });
    const { id } = await organiser.record.scheduleNext({ conferenceId: review!.id });
    const next = await organiser.conference.get({ conferenceId: id });
    expect(next.kind).toBe('care_plan_review');
    const sixMonths = new Date(startsAt);
    sixMonths.setUTCMonth(sixMonths.getUTCMonth() + 6);
    expect(next.scheduleBy!.getTime()).toBeLessThanOrEqual(sixMonths.getTime() + 86_400_000);
    expect(next.scheduleBy!.getTime()).toBeGreaterThan(sixMonths.getTime() - 4 * 86_400_000);
  });
});
