// The outbox against a real SMTP server (smtp-server, in this process): SMTP down while booking,
// SMTP back, a worker that dies holding a lease, several workers at once, and the local outbox.
import { type DatabaseHandle, openDatabase, schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addConferenceWorld,
  DAY,
  eightParticipants,
  mondayAfter,
  signedIn,
} from '../../test/conference-world';
import { makeWorld } from '../../test/fixtures';
import { freePort, smtpSink } from '../../test/smtp-sink';
import { backoffMs, claimDue, OutboxWorker } from './outbox-worker';

const t = useTestDatabase();
let world: Awaited<ReturnType<typeof makeWorld>>;
let extra: Awaited<ReturnType<typeof addConferenceWorld>>;
let wide: DatabaseHandle | undefined;
beforeAll(async () => {
  world = await makeWorld(t.current.db);
  extra = await addConferenceWorld(t.current.db, world);
  const { kind, location } = t.current;
  if (kind === 'postgres' && !location.includes('***'))
    wide = await openDatabase({ databaseUrl: location, maxConnections: 8 });
});
afterAll(async () => {
  await wide?.close();
});

let caseNo = 0;
/** Creates and books a conference through the router: 8 e-mails wait in the outbox. */
async function bookedConference() {
  const organiser = await signedIn(t.current.db, 'organiser');
  const start = mondayAfter(10 + 7 * caseNo);
  const { id } = await organiser.conference.create({
    kind: 'case_conference',
    caseRef: `HU-OUT-2026-${String(++caseNo).padStart(4, '0')}`,
    title: 'Outbox test',
    agencyId: world.agencies.welfare.id,
    timezone: 'Europe/Prague',
    durationMinutes: 60,
    scheduleBy: new Date(start.getTime() + 5 * DAY),
    participants: eightParticipants(world, extra),
    online: true,
  });
  const [slot] = (await organiser.conference.propose({ conferenceId: id, from: start })).proposals;
  await organiser.conference.book({ conferenceId: id, startsAt: slot!.startsAt, roomId: slot!.roomId });
  const rows = await t.current.db
    .select()
    .from(schema.outboxMessage)
    .where(eq(schema.outboxMessage.conferenceId, id));
  expect(rows).toHaveLength(8);
  return { id, rows };
}

const rowsOf = (ids: string[]) =>
  t.current.db.select().from(schema.outboxMessage).where(inArray(schema.outboxMessage.id, ids));

describe('outbox worker', () => {
  it('keeps the booking and the e-mails when SMTP is down, and sends each exactly once when it is back', async () => {
    const port = await freePort();
    const worker = new OutboxWorker({
      db: t.current.db,
      smtpUrl: `smtp://127.0.0.1:${port}`,
      smtpTimeoutMs: 2000,
      baseBackoffMs: 1000,
    });
    const { id, rows } = await bookedConference();
    const ids = rows.map((r) => r.id);
    const now = new Date();

    const down = await worker.runOnce(now);
    expect(down).toMatchObject({ claimed: 8, sent: 0, retrying: 8 });
    const waiting = await rowsOf(ids);
    for (const row of waiting) {
      expect(row).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
      expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + 1000);
      expect(row.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
      expect(row.lastError).not.toContain('@');
    }
    const [conference] = await t.current.db
      .select()
      .from(schema.conference)
      .where(eq(schema.conference.id, id));
    expect(conference!.status).toBe('scheduled');
    expect(
      await t.current.db.select().from(schema.booking).where(eq(schema.booking.conferenceId, id)),
    ).not.toEqual([]);
    // Backing off: nothing is due a moment later.
    expect((await worker.runOnce(new Date(now.getTime() + 500))).claimed).toBe(0);

    const sink = await smtpSink(port);
    try {
      const back = await worker.runOnce(new Date(now.getTime() + 1500));
      expect(back).toMatchObject({ claimed: 8, sent: 8 });
      // Later passes find nothing more to send.
      expect((await worker.runOnce(new Date(now.getTime() + 3 * DAY))).claimed).toBe(0);
      expect(sink.received).toHaveLength(8);
      expect(sink.received.map((m) => m.messageId).sort()).toEqual(rows.map((r) => r.messageId).sort());
      expect(sink.received.flatMap((m) => m.to).sort()).toEqual(rows.map((r) => r.recipientAddress).sort());
      for (const mail of sink.received) {
        expect(mail.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
        expect(mail.raw).not.toContain('Outbox test');
      }
      for (const row of await rowsOf(ids))
        expect(row).toMatchObject({ status: 'sent', transport: 'smtp', attempts: 2, lastError: null });
    } finally {
      await worker.stop();
      await sink.close();
    }
  });

  it('loses nothing when a worker dies after claiming: the lease runs out and another sends each once', async () => {
    const port = await freePort();
    const sink = await smtpSink(port);
    const worker = new OutboxWorker({
      db: t.current.db,
      smtpUrl: `smtp://127.0.0.1:${port}`,
      leaseMs: 60_000,
    });
    try {
      const { rows } = await bookedConference();
      const ids = rows.map((r) => r.id);
      const now = new Date(Date.now() + 10 * DAY); // later than anything earlier tests left due
      // The dying worker claims everything due and is never heard of again.
      const taken = await claimDue(t.current.db, { now, leaseMs: 60_000, limit: 100 });
      expect(taken.map((r) => r.id).sort()).toEqual([...ids].sort());
      expect((await worker.runOnce(new Date(now.getTime() + 59_000))).claimed).toBe(0);
      expect(sink.received).toHaveLength(0);
      const after = await worker.runOnce(new Date(now.getTime() + 61_000));
      expect(after).toMatchObject({ claimed: 8, sent: 8 });
      expect(sink.received.map((m) => m.messageId).sort()).toEqual(rows.map((r) => r.messageId).sort());
      expect((await worker.runOnce(new Date(now.getTime() + DAY))).claimed).toBe(0);
      expect(sink.received).toHaveLength(8);
    } finally {
      await worker.stop();
      await sink.close();
    }
  });

  it('re-sends a message a worker had handed to SMTP just before dying, with the same Message-ID', async () => {
    // SMTP said 250 but the worker died before recording it: nothing can know it was delivered,
    // so it is sent again (at least once), and the receiver recognises the copy by its Message-ID.
    const port = await freePort();
    const sink = await smtpSink(port);
    const worker = new OutboxWorker({
      db: t.current.db,
      smtpUrl: `smtp://127.0.0.1:${port}`,
      leaseMs: 60_000,
    });
    try {
      const { rows } = await bookedConference();
      const now = new Date(Date.now() + 15 * DAY);
      const taken = await claimDue(t.current.db, { now, leaseMs: 60_000, limit: 100 });
      expect(taken).toHaveLength(8);
      // The dying worker got one message out by hand, then vanished without updating its row.
      const nodemailer = (await import('nodemailer')).default;
      const first = taken[0]!;
      await nodemailer.createTransport(`smtp://127.0.0.1:${port}`).sendMail({
        from: 'x@caremap.invalid',
        to: first.recipientAddress,
        subject: first.subject,
        text: first.textBody,
        messageId: first.messageId,
      });
      const after = await worker.runOnce(new Date(now.getTime() + 61_000));
      expect(after).toMatchObject({ claimed: 8, sent: 8 });
      expect(sink.received).toHaveLength(9);
      const ids = sink.received.map((m) => m.messageId);
      expect(new Set(ids)).toEqual(new Set(rows.map((r) => r.messageId)));
      expect(ids.filter((id) => id === first.messageId)).toHaveLength(2);
    } finally {
      await worker.stop();
      await sink.close();
    }
  });

  it('lets several workers (replicas) run at once and still sends each message once', async () => {
    const port = await freePort();
    const sink = await smtpSink(port);
    const db = wide?.db ?? t.current.db;
    const workers = [1, 2, 3].map(
      () => new OutboxWorker({ db, smtpUrl: `smtp://127.0.0.1:${port}`, batchSize: 3 }),
    );
    try {
      const { rows } = await bookedConference();
      const now = new Date(Date.now() + 20 * DAY);
      for (let round = 0; round < 4; round++) await Promise.all(workers.map((w) => w.runOnce(now)));
      expect(sink.received.map((m) => m.messageId).sort()).toEqual(rows.map((r) => r.messageId).sort());
      for (const row of await rowsOf(rows.map((r) => r.id)))
        expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await sink.close();
    }
  });

  it('without SMTP delivers to the local outbox, which the organiser can read at /conferences/outbox', async () => {
    const worker = new OutboxWorker({ db: t.current.db });
    const { id, rows } = await bookedConference();
    const result = await worker.runOnce(new Date(Date.now() + 30 * DAY));
    expect(result.sent).toBe(8);
    for (const row of await rowsOf(rows.map((r) => r.id)))
      expect(row).toMatchObject({ status: 'sent', transport: 'local' });
    const listed = await (await signedIn(t.current.db, 'organiser')).conference.outbox({ conferenceId: id });
    expect(listed.items).toHaveLength(8);
    for (const item of listed.items) {
      expect(item.status).toBe('sent');
      expect(item.ics).toContain('METHOD:REQUEST');
      expect(item.textBody).toContain('/conferences/respond?token=');
    }
    await worker.stop();
  });

  it('backs off exponentially and gives up after the last attempt', async () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 1000, 5000))).toEqual([1000, 2000, 4000, 5000]);
    const port = await freePort(); // nobody listens
    const worker = new OutboxWorker({
      db: t.current.db,
      smtpUrl: `smtp://127.0.0.1:${port}`,
      maxAttempts: 2,
      baseBackoffMs: 1000,
      smtpTimeoutMs: 2000,
    });
    const { rows } = await bookedConference();
    const now = new Date(Date.now() + 40 * DAY);
    await worker.runOnce(now);
    await worker.runOnce(new Date(now.getTime() + 1000));
    for (const row of await rowsOf(rows.map((r) => r.id)))
      expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect((await worker.runOnce(new Date(now.getTime() + DAY))).claimed).toBe(0);
    await worker.stop();
  });
});
