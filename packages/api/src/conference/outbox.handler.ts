// conference.outbox: the e-mails CareMap has queued or sent, for /conferences/outbox. Organisers see
// those of their agencies' conferences; administrators see every message's delivery state but no
// subject or text (the subject carries the case_ref). Bodies and .ics files are shown only for
// messages kept in the local outbox (no SMTP configured, demos and tests), where nobody else got them.
import { schema } from '@caremap/db';
import type { conferenceOutboxInput } from '@caremap/validators';
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Context, SessionUser } from '../context';
import { agenciesWith, scopeOf } from '../policy';

const { conference, outboxMessage } = schema;

export async function listOutbox(
  ctx: Context & { user: SessionUser },
  input: z.output<typeof conferenceOutboxInput>,
) {
  const all = scopeOf(ctx.user, 'outbox_message', 'read') === 'all';
  const agencies = agenciesWith(ctx.user, 'outbox_message', 'read');
  const organiserView = agencies.length > 0;
  const filters: SQL[] = [];
  if (!all)
    filters.push(
      inArray(conference.agencyId, agencies.length ? agencies : ['00000000-0000-0000-0000-000000000000']),
    );
  if (input.conferenceId) filters.push(eq(outboxMessage.conferenceId, input.conferenceId));
  const where = filters.length ? and(...filters) : undefined;
  const rows = await ctx.db
    .select({
      id: outboxMessage.id,
      conferenceId: outboxMessage.conferenceId,
      agencyId: conference.agencyId,
      recipientAddress: outboxMessage.recipientAddress,
      recipientLanguage: outboxMessage.recipientLanguage,
      subject: outboxMessage.subject,
      textBody: outboxMessage.textBody,
      ics: outboxMessage.ics,
      icsMethod: outboxMessage.icsMethod,
      status: outboxMessage.status,
      transport: outboxMessage.transport,
      attempts: outboxMessage.attempts,
      nextAttemptAt: outboxMessage.nextAttemptAt,
      lastError: outboxMessage.lastError,
      sentAt: outboxMessage.sentAt,
      messageId: outboxMessage.messageId,
      createdAt: outboxMessage.createdAt,
    })
    .from(outboxMessage)
    .leftJoin(conference, eq(conference.id, outboxMessage.conferenceId))
    .where(where)
    .orderBy(desc(outboxMessage.createdAt), desc(outboxMessage.id))
    .limit(input.size)
    .offset((input.page - 1) * input.size);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(outboxMessage)
    .leftJoin(conference, eq(conference.id, outboxMessage.conferenceId))
    .where(where);
  return {
    total: total?.n ?? 0,
    items: rows.map(({ subject, textBody, ics, agencyId, ...r }) => {
      const ownAgency = organiserView && !!agencyId && agencies.includes(agencyId);
      const local = ownAgency && r.transport === 'local';
      return {
        ...r,
        subject: ownAgency ? subject : null,
        textBody: local ? textBody : null,
        ics: local ? ics : null,
      };
    }),
  };
}
