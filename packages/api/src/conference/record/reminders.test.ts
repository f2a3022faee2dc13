// Action-item reminders through the real outbox and a local SMTP server: one e-mail per item when
// it comes due within N days and one when it is overdue, never twice (two workers at once, a
// restart), in the owner's language, with the case_ref, the due date and a link only.
import { type DatabaseHandle, openDatabase, schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld } from '../../../test/fixtures';
import { freePort, smtpSink } from '../../../test/smtp-sink';
import { OutboxWorker } from '../outbox-worker';
import { formatDueDate } from './reminder-messages';
import { ActionItemReminders, queueActionItemReminders } from './reminders';
import { localToday } from './shared';

const t = useTestDatabase();
let world: Awaited<ReturnType<typeof makeWorld>>;
let wide: DatabaseHandle | undefined;
const DAY = 86_400_000;
const ZONE = 'Europe/Budapest';
const now = new Date();
const dayIn = (days: number) => localToday(ZONE, new Date(now.getTime() + days * DAY));
const items: Record<string, string> = {};

beforeAll(async () => {
  world = await makeWorld(t.current.db);
  const { kind, location } = t.current;
  if (kind === 'postgres' && !location.includes('***'))
    wide = await openDatabase({ databaseUrl: location, maxConnections: 8 });
  const db = t.current.db;
  await db.update(schema.appUser).set({ locale: 'hu' }).where(eq(schema.appUser.id, world.users.partner));
  const participants = await db
    .select()
    .from(schema.conferenceParticipant)
    .where(eq(schema.conferenceParticipant.conferenceId, world.conference.id));
  const partner = participants.find((p) => p.userId === world.users.partner)!;
  const [contact] = await db
    .insert(schema.conferenceParticipant)
    .values({
      conferenceId: world.conference.id,
      kind: 'contact',
      agencyId: world.agencies.school.id,
      displayName: 'School Contact',
      email: 'school.contact@example.org',
      preferredLanguage: 'tr',
    })
    .returning();
  const add = async (
    key: string,
    ownerParticipantId: string,
    dueOn: string,
    status: 'open' | 'done' = 'open',
  ) => {
    const [row] = await db
      .insert(schema.actionItem)
      .values({
        conferenceId: world.conference.id,
        title: `SECRET-TITLE-${key}`,
        ownerParticipantId,
        ownerAgencyId: world.agencies.school.id,
        dueOn,
        status,
        completedAt: status === 'done' ? now : null,
      })
      .returning();
    items[key] = row!.id;
  };
  await add('tomorrow', partner.id, dayIn(1));
  await add('nextWeek', partner.id, dayIn(7));
  await add('late', partner.id, dayIn(-1));
  await add('closed', partner.id, dayIn(-1), 'done');
  await add('contactToday', contact!.id, dayIn(0));
});
afterAll(async () => {
  await wide?.close();
});

const remindersOf = (key: string) =>
  t.current.db
    .select()
    .from(schema.actionItemReminder)
    .where(eq(schema.actionItemReminder.actionItemId, items[key]!));

describe('action item reminders', () => {
  it('queues one e-mail per item due within the window and one per overdue item, even with two workers', async () => {
    const second = wide?.db ?? t.current.db;
    const [a, b] = await Promise.all([
      queueActionItemReminders(t.current.db, { now, dueSoonDays: 2 }),
      queueActionItemReminders(second, { now, dueSoonDays: 2 }),
    ]);
    expect(a + b).toBe(3);
    expect((await remindersOf('tomorrow')).map((r) => r.kind)).toEqual(['due_soon']);
    expect((await remindersOf('late')).map((r) => r.kind)).toEqual(['overdue']);
    expect((await remindersOf('contactToday')).map((r) => r.kind)).toEqual(['due_soon']);
    expect(await remindersOf('nextWeek')).toEqual([]);
    expect(await remindersOf('closed')).toEqual([]);
    // A restart (a new worker, the same moment): nothing new.
    expect(await new ActionItemReminders({ db: t.current.db, dueSoonDays: 2 }).runOnce(now)).toBe(0);
    const outbox = await t.current.db
      .select()
      .from(schema.outboxMessage)
      .where(eq(schema.outboxMessage.conferenceId, world.conference.id));
    expect(outbox).toHaveLength(3);
  });

  it('reminds again once an item due soon becomes overdue, and for a postponed item', async () => {
    const later = new Date(now.getTime() + 2 * DAY);
    expect(await queueActionItemReminders(t.current.db, { now: later, dueSoonDays: 2 })).toBe(2);
    expect((await remindersOf('tomorrow')).map((r) => r.kind).sort()).toEqual(['due_soon', 'overdue']);
    expect((await remindersOf('contactToday')).map((r) => r.kind).sort()).toEqual(['due_soon', 'overdue']);
    expect(await queueActionItemReminders(t.current.db, { now: later, dueSoonDays: 2 })).toBe(0);
    // Postponed to a new date inside the window: a reminder for the new date.
    await t.current.db
      .update(schema.actionItem)
      .set({ dueOn: dayIn(3) })
      .where(eq(schema.actionItem.id, items.late!));
    expect(await queueActionItemReminders(t.current.db, { now: later, dueSoonDays: 2 })).toBe(1);
  });

  it('sends them through SMTP in the owner language with case_ref, due date and link, no title', async () => {
    const port = await freePort();
    const sink = await smtpSink(port);
    const worker = new OutboxWorker({
      db: t.current.db,
      smtpUrl: `smtp://127.0.0.1:${port}`,
      smtpTimeoutMs: 2000,
    });
    try {
      const reminderRows = await t.current.db
        .select()
        .from(schema.actionItemReminder)
        .where(inArray(schema.actionItemReminder.actionItemId, Object.values(items)));
      const ids = reminderRows.map((r) => r.outboxMessageId!);
      expect(ids.every(Boolean)).toBe(true);
      await worker.runOnce(new Date(now.getTime() + 3 * DAY));
      const sent = await t.current.db
        .select()
        .from(schema.outboxMessage)
        .where(and(inArray(schema.outboxMessage.id, ids), eq(schema.outboxMessage.status, 'sent')));
      expect(sent).toHaveLength(ids.length);
      expect(sink.received).toHaveLength(ids.length);
      for (const mail of sink.received) {
        const decoded = mail.raw.replace(/=\r?\n/g, '');
        expect(decoded).not.toContain('SECRET-TITLE');
        expect(decoded).not.toContain('Test partner');
        expect(decoded).not.toContain('School Contact');
      }
      const partnerRows = sent.filter((s) => s.recipientAddress === 'partner@test.caremap.eu');
      const contactRows = sent.filter((s) => s.recipientAddress === 'school.contact@example.org');
      expect(partnerRows.length).toBe(4);
      expect(contactRows.length).toBe(2);
      for (const row of partnerRows) {
        expect(row.recipientLanguage).toBe('hu');
        expect(row.subject).toMatch(/feladat/);
        expect(row.textBody).toContain('HU-TST-2026-0001');
        expect(row.textBody).toContain('http://localhost:3000/conferences/actions');
        expect(row.ics).toBeNull();
      }
      const tomorrowSoon = reminderRows.find(
        (r) => r.actionItemId === items.tomorrow && r.kind === 'due_soon',
      )!;
      const tomorrowMail = sent.find((s) => s.id === tomorrowSoon.outboxMessageId)!;
      expect(tomorrowMail.textBody).toContain(formatDueDate(dayIn(1), 'hu'));
      for (const row of contactRows) {
        expect(row.recipientLanguage).toBe('tr');
        expect(row.textBody).toContain('Vaka: HU-TST-2026-0001');
      }
    } finally {
      await worker.stop();
      await sink.close();
    }
  });
});
