// Action-item reminders, queued by a background worker in every server process. One e-mail per
// action item when it is due within N days (CAREMAP_ACTION_REMINDER_DAYS), and one when it becomes
// overdue. Idempotent by the unique key of action_item_reminder (item, kind, due date): a restart or
// a second replica that tries the same reminder inserts nothing and so queues nothing. Candidates
// are claimed with FOR UPDATE SKIP LOCKED, so replicas do not even wait for each other. The e-mail
// is written into the outbox in the same transaction; the outbox worker sends it.
import { randomUUID } from 'node:crypto';
import { type Database, schema, selectRows } from '@caremap/db';
import type { ActionItemReminderKind, Locale } from '@caremap/db/schema';
import { eq, sql } from 'drizzle-orm';
import { DEFAULT_PUBLIC_URL } from '../outbox';
import { reminderMessage } from './reminder-messages';

const { actionItemReminder, outboxMessage } = schema;

/** The page the reminder links to: the owner's action items. */
export const ACTIONS_PATH = '/conferences/actions';
export const REMINDER_DEFAULTS = { dueSoonDays: 2, batchSize: 50, pollMs: 60_000 };

export interface ActionItemRemindersOptions {
  db: Database;
  /** Remind this many days before the due date (0: on the day only). */
  dueSoonDays?: number;
  publicUrl?: string | undefined;
  batchSize?: number;
  /** Counts only, never addresses or texts. */
  log?: (level: 'info' | 'warn', fields: Record<string, unknown>, message: string) => void;
}

interface Candidate {
  action_item_id: string;
  due_on: string;
  kind: ActionItemReminderKind;
  conference_id: string;
  case_ref: string | null;
  participant_id: string;
  address: string | null;
  locale: Locale;
}

/** One pass: queue every reminder due at `now`. Returns how many e-mails were queued. */
export async function queueActionItemReminders(
  db: Database,
  options: { now?: Date; dueSoonDays?: number; publicUrl?: string | undefined; batchSize?: number } = {},
): Promise<number> {
  const now = (options.now ?? new Date()).toISOString();
  const days = options.dueSoonDays ?? REMINDER_DEFAULTS.dueSoonDays;
  const limit = options.batchSize ?? REMINDER_DEFAULTS.batchSize;
  const link = `${(options.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/$/, '')}${ACTIONS_PATH}`;
  let queued = 0;
  // Batches until nothing is left, each its own transaction (locks held briefly).
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const today = sql`(${now}::timestamptz at time zone c.timezone)::date`;
      const kind = sql`(case when ai.due_on < ${today} then 'overdue' else 'due_soon' end)`;
      const candidates = await selectRows<Candidate>(
        tx,
        sql`select ai.id as action_item_id, ai.due_on::text as due_on, ${kind} as kind,
              c.id as conference_id, c.case_ref, p.id as participant_id,
              coalesce(u.email, p.email) as address,
              coalesce(u.locale, p.preferred_language) as locale
            from action_item ai
            join conference c on c.id = ai.conference_id
            join conference_participant p on p.id = ai.owner_participant_id
            left join app_user u on u.id = p.user_id and u.disabled_at is null
            where ai.status = 'open' and c.status <> 'cancelled'
              and ai.due_on <= ${today} + ${days}::int
              and not exists (select 1 from action_item_reminder r where r.action_item_id = ai.id
                and r.due_on = ai.due_on and r.kind::text = ${kind})
            order by ai.due_on, ai.id
            limit ${limit}
            for update of ai skip locked`,
      );
      let written = 0;
      for (const c of candidates) {
        const [reminder] = await tx
          .insert(actionItemReminder)
          .values({ actionItemId: c.action_item_id, kind: c.kind, dueOn: c.due_on })
          .onConflictDoNothing()
          .returning({ id: actionItemReminder.id });
        // Taken by another worker, or the owner has no address: recorded, nothing (more) to send.
        if (!reminder || !c.address) continue;
        const { subject, text } = reminderMessage(c.locale, {
          kind: c.kind,
          caseRef: c.case_ref,
          dueOn: c.due_on,
          link,
        });
        const [message] = await tx
          .insert(outboxMessage)
          .values({
            conferenceId: c.conference_id,
            participantId: c.participant_id,
            recipientAddress: c.address,
            recipientLanguage: c.locale,
            subject,
            textBody: text,
            messageId: `<${randomUUID()}@caremap>`,
            nextAttemptAt: new Date(now),
          })
          .returning({ id: outboxMessage.id });
        await tx
          .update(actionItemReminder)
          .set({ outboxMessageId: message!.id })
          .where(eq(actionItemReminder.id, reminder.id));
        written++;
      }
      return { seen: candidates.length, written };
    });
    queued += batch.written;
    if (batch.seen < limit) return queued;
  }
}

export class ActionItemReminders {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  constructor(private readonly options: ActionItemRemindersOptions) {}

  runOnce(now: Date = new Date()): Promise<number> {
    this.running ??= queueActionItemReminders(this.options.db, {
      now,
      dueSoonDays: this.options.dueSoonDays,
      publicUrl: this.options.publicUrl,
      batchSize: this.options.batchSize,
    })
      .then((n) => {
        if (n) this.options.log?.('info', { reminders: n }, 'action item reminders queued');
        return n;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  start(pollMs = REMINDER_DEFAULTS.pollMs): this {
    const tick = () =>
      this.runOnce().catch((error: unknown) =>
        this.options.log?.(
          'warn',
          { code: (error as { code?: string }).code ?? 'Error' },
          'reminder pass failed',
        ),
      );
    void tick();
    this.timer = setInterval(tick, pollMs);
    this.timer.unref();
    return this;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}
