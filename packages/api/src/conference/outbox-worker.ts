// The outbox sender. Rows written by booking, rescheduling and cancelling (outbox.ts) are claimed
// here with FOR UPDATE SKIP LOCKED and a lease, so several server replicas share the work without
// sending a message twice, and a worker that dies after claiming loses nothing: its lease runs out
// and another worker takes the row. Sending is at-least-once by nature (a crash between SMTP's
// "250 OK" and our UPDATE sends again), so every message keeps the Message-ID fixed at insert and
// a re-send is recognisable as the same e-mail.
// With CAREMAP_SMTP_URL unset nothing leaves the machine: messages are marked sent to the local
// outbox (transport 'local') and shown at /conferences/outbox.
import { type Database, schema, selectRows } from '@caremap/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';

const { outboxMessage } = schema;

export interface OutboxWorkerOptions {
  db: Database;
  /** smtp:// or smtps:// URL (CAREMAP_SMTP_URL); unset = local outbox only. */
  smtpUrl?: string | undefined;
  /** From: address (CAREMAP_MAIL_FROM). */
  from?: string;
  /** How long a claimed row belongs to this worker before another may take it. */
  leaseMs?: number;
  batchSize?: number;
  /** After this many failed attempts a message is `failed` and waits for a person. */
  maxAttempts?: number;
  /** First retry delay; doubled on every further failure, capped at `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** SMTP connection and greeting timeouts, so an unreachable server fails fast. */
  smtpTimeoutMs?: number;
  /** Receives counts and error codes only, never addresses or texts. */
  log?: (level: 'info' | 'warn', fields: Record<string, unknown>, message: string) => void;
}

export const OUTBOX_DEFAULTS = {
  from: 'CareMap <no-reply@caremap.invalid>',
  leaseMs: 2 * 60_000,
  batchSize: 20,
  maxAttempts: 12,
  baseBackoffMs: 30_000,
  maxBackoffMs: 60 * 60_000,
  smtpTimeoutMs: 10_000,
  pollMs: 5_000,
};

export interface RunResult {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
}

/** Delay before attempt `attempts + 1`, after `attempts` failures: base * 2^(attempts-1), capped. */
export function backoffMs(
  attempts: number,
  base = OUTBOX_DEFAULTS.baseBackoffMs,
  max = OUTBOX_DEFAULTS.maxBackoffMs,
) {
  return Math.min(max, base * 2 ** Math.max(0, attempts - 1));
}

/**
 * Claims up to `limit` due messages: pending ones whose time has come, and `sending` ones whose
 * lease ran out (their worker died). Rows another worker is claiming right now are skipped, not waited for.
 */
export async function claimDue(db: Database, options: { now: Date; leaseMs: number; limit: number }) {
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  const claimed = await selectRows<{ id: string }>(
    db,
    sql`update outbox_message set status = 'sending', lease_until = ${leaseUntil.toISOString()}::timestamptz,
          attempts = attempts + 1
        where id in (
          select id from outbox_message
           where (status = 'pending' and next_attempt_at <= ${options.now.toISOString()}::timestamptz)
              or (status = 'sending' and lease_until < ${options.now.toISOString()}::timestamptz)
           order by next_attempt_at, id
           limit ${options.limit}
           for update skip locked)
        returning id`,
  );
  if (claimed.length === 0) return [];
  return db
    .select()
    .from(outboxMessage)
    .where(
      inArray(
        outboxMessage.id,
        claimed.map((c) => c.id),
      ),
    );
}

/** An error as a short code that names no person: nodemailer's code and SMTP status, or the class. */
function errorCode(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; name?: unknown };
  const parts = [
    typeof e.code === 'string' ? e.code : undefined,
    typeof e.responseCode === 'number' ? `smtp ${e.responseCode}` : undefined,
  ].filter(Boolean);
  return (parts.length ? parts.join(' ') : typeof e.name === 'string' ? e.name : 'Error').slice(0, 80);
}

export class OutboxWorker {
  private readonly options: Required<Omit<OutboxWorkerOptions, 'smtpUrl' | 'log'>> &
    Pick<OutboxWorkerOptions, 'smtpUrl' | 'log'>;
  private transporter: Transporter | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RunResult> | undefined;

  constructor(options: OutboxWorkerOptions) {
    this.options = { ...OUTBOX_DEFAULTS, ...options };
    if (options.smtpUrl) {
      const timeout = this.options.smtpTimeoutMs;
      this.transporter = nodemailer.createTransport(options.smtpUrl, {
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout * 3,
      } as never);
    }
  }

  /** One pass: claim what is due and send it. Passes never overlap within one worker. */
  runOnce(now: Date = new Date()): Promise<RunResult> {
    this.running ??= this.pass(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(now: Date): Promise<RunResult> {
    const { db, leaseMs, batchSize, maxAttempts, baseBackoffMs, maxBackoffMs } = this.options;
    const rows = await claimDue(db, { now, leaseMs, limit: batchSize });
    const result: RunResult = { claimed: rows.length, sent: 0, retrying: 0, failed: 0 };
    for (const row of rows) {
      // Only the claim we hold may finish the row: a worker whose lease ran out finds attempts changed.
      const ours = and(
        eq(outboxMessage.id, row.id),
        eq(outboxMessage.status, 'sending'),
        eq(outboxMessage.attempts, row.attempts),
      );
      try {
        if (this.transporter) {
          await this.transporter.sendMail({
            from: this.options.from,
            to: row.recipientAddress,
            subject: row.subject,
            text: row.textBody,
            messageId: row.messageId,
            ...(row.ics && row.icsMethod
              ? { icalEvent: { method: row.icsMethod, content: row.ics, filename: 'invite.ics' } }
              : {}),
          });
        }
        await db
          .update(outboxMessage)
          .set({
            status: 'sent',
            sentAt: now,
            leaseUntil: null,
            lastError: null,
            transport: this.transporter ? 'smtp' : 'local',
          })
          .where(ours);
        result.sent++;
      } catch (error) {
        const giveUp = row.attempts >= maxAttempts;
        await db
          .update(outboxMessage)
          .set({
            status: giveUp ? 'failed' : 'pending',
            leaseUntil: null,
            lastError: errorCode(error),
            nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts, baseBackoffMs, maxBackoffMs)),
          })
          .where(ours);
        if (giveUp) result.failed++;
        else result.retrying++;
      }
    }
    if (rows.length) {
      this.options.log?.('info', { ...result }, 'outbox pass');
    }
    return result;
  }

  /** Polls every `pollMs` until stopped. */
  start(pollMs = OUTBOX_DEFAULTS.pollMs): this {
    const tick = () =>
      this.runOnce().catch((error: unknown) =>
        this.options.log?.('warn', { code: errorCode(error) }, 'outbox pass failed'),
      );
    void tick();
    this.timer = setInterval(tick, pollMs);
    this.timer.unref();
    return this;
  }

  /** Stops polling, lets a pass in progress finish (its rows would otherwise wait for their lease), closes SMTP. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
    this.transporter?.close();
  }
}
