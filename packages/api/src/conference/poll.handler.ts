// poll.send and poll.results: the organiser's side of the availability poll. After the finder's
// proposals for an unbooked conference, the organiser sends chosen times to the externals (and, if
// asked, to contacts); each gets an e-mail in their language with a secret link (stored as a hash).
// Their answers feed the next conference.propose (availability.ts) and show here per time.
import { randomUUID } from 'node:crypto';
import { schema } from '@caremap/db';
import type { pollSendInput } from '@caremap/validators';
import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../audit';
import type { Context, SessionUser } from '../context';
import { appError } from '../errors';
import { conferenceFor } from './access';
import { DEFAULT_PUBLIC_URL, hashToken, newToken } from './outbox';
import { pollMessage } from './poll-messages';

const {
  conferenceParticipant,
  conferencePoll,
  conferencePollAnswer,
  conferencePollInvite,
  conferencePollOption,
  outboxMessage,
} = schema;

/** The public poll page the conferences MFE serves. */
export const POLL_PATH = '/conferences/poll';

export async function sendPoll(ctx: Context & { user: SessionUser }, input: z.output<typeof pollSendInput>) {
  const conf = await conferenceFor(ctx, input.conferenceId, 'update', 'conference.poll_send');
  if (conf.status !== 'draft') {
    throw appError(
      'BAD_REQUEST',
      'invalid_state',
      `the conference is ${conf.status}; polls are for unbooked conferences`,
    );
  }
  const now = new Date();
  const deadline = input.deadline ?? conf.scheduleBy;
  if (!deadline) {
    throw appError(
      'BAD_REQUEST',
      'invalid_state',
      'deadline: the conference has no schedule-by date; choose a deadline',
      {
        field: 'deadline',
      },
    );
  }
  if (deadline <= now) {
    throw appError('BAD_REQUEST', 'invalid_state', 'deadline: must be in the future', { field: 'deadline' });
  }
  if (input.times.some((t) => t.startsAt <= now)) {
    throw appError('BAD_REQUEST', 'invalid_state', 'times: every proposed time must be in the future', {
      field: 'times',
    });
  }
  const kinds = input.includeContacts ? (['external', 'contact'] as const) : (['external'] as const);
  const base = (ctx.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/$/, '');
  const times = [...input.times].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());

  const result = await ctx.db.transaction(async (tx) => {
    const recipients = await tx
      .select({
        id: conferenceParticipant.id,
        email: conferenceParticipant.email,
        language: conferenceParticipant.preferredLanguage,
      })
      .from(conferenceParticipant)
      .where(
        and(eq(conferenceParticipant.conferenceId, conf.id), inArray(conferenceParticipant.kind, [...kinds])),
      )
      .orderBy(conferenceParticipant.position, conferenceParticipant.id);
    const withEmail = recipients.filter((r) => r.email);
    if (withEmail.length === 0) {
      throw appError(
        'BAD_REQUEST',
        'no_poll_recipients',
        'No external participant (or contact) has an e-mail address',
      );
    }
    const [poll] = await tx
      .insert(conferencePoll)
      .values({ conferenceId: conf.id, deadline, createdBy: ctx.user.userId })
      .onConflictDoUpdate({ target: conferencePoll.conferenceId, set: { deadline } })
      .returning({ id: conferencePoll.id });
    const pollId = poll!.id;
    // Times dropped from the poll go with their answers; times kept keep theirs.
    await tx.delete(conferencePollOption).where(
      and(
        eq(conferencePollOption.pollId, pollId),
        notInArray(
          conferencePollOption.startsAt,
          times.map((t) => t.startsAt),
        ),
      ),
    );
    for (const t of times) {
      await tx
        .insert(conferencePollOption)
        .values({ pollId, startsAt: t.startsAt, endsAt: t.endsAt })
        .onConflictDoUpdate({
          target: [conferencePollOption.pollId, conferencePollOption.startsAt],
          set: { endsAt: t.endsAt },
        });
    }
    const rows: Array<typeof outboxMessage.$inferInsert> = [];
    for (const r of withEmail) {
      const token = newToken();
      await tx
        .insert(conferencePollInvite)
        .values({ pollId, participantId: r.id, tokenHash: hashToken(token) })
        .onConflictDoUpdate({
          target: [conferencePollInvite.pollId, conferencePollInvite.participantId],
          set: { tokenHash: hashToken(token) },
        });
      const link = `${base}${POLL_PATH}?token=${encodeURIComponent(token)}&lang=${r.language}`;
      const { subject, text } = pollMessage(r.language, {
        kind: conf.kind,
        caseRef: conf.caseRef,
        timezone: conf.timezone,
        times,
        deadline,
        link,
      });
      rows.push({
        conferenceId: conf.id,
        participantId: r.id,
        recipientAddress: r.email!,
        recipientLanguage: r.language,
        subject,
        textBody: text,
        messageId: `<${randomUUID()}@caremap>`,
        nextAttemptAt: now,
      });
    }
    await tx.insert(outboxMessage).values(rows);
    return { pollId, sent: rows.length };
  });
  await audit(ctx, {
    action: 'conference.poll_send',
    outcome: 'success',
    resourceType: 'conference',
    resourceId: conf.id,
    details: { times: times.length, recipients: result.sent },
  });
  return { ...result, deadline };
}

/** The poll's times with every polled person's answer, for the proposals screen. Audited read. */
export async function pollResults(ctx: Context & { user: SessionUser }, conferenceId: string) {
  const conf = await conferenceFor(ctx, conferenceId, 'update', 'conference.poll_results');
  const [poll] = await ctx.db.select().from(conferencePoll).where(eq(conferencePoll.conferenceId, conf.id));
  await audit(ctx, {
    action: 'conference.read',
    outcome: 'allowed',
    resourceType: 'conference',
    resourceId: conf.id,
    details: { via: 'poll_results' },
  });
  if (!poll) return { poll: null };
  const options = await ctx.db
    .select({
      id: conferencePollOption.id,
      startsAt: conferencePollOption.startsAt,
      endsAt: conferencePollOption.endsAt,
    })
    .from(conferencePollOption)
    .where(eq(conferencePollOption.pollId, poll.id))
    .orderBy(asc(conferencePollOption.startsAt));
  const invitees = await ctx.db
    .select({
      inviteId: conferencePollInvite.id,
      participantId: conferencePollInvite.participantId,
      displayName: conferenceParticipant.displayName,
      respondentName: conferencePollInvite.respondentName,
      respondedAt: conferencePollInvite.respondedAt,
    })
    .from(conferencePollInvite)
    .innerJoin(conferenceParticipant, eq(conferenceParticipant.id, conferencePollInvite.participantId))
    .where(eq(conferencePollInvite.pollId, poll.id))
    .orderBy(conferenceParticipant.position, conferenceParticipant.id);
  const answers = invitees.length
    ? await ctx.db
        .select({
          inviteId: conferencePollAnswer.inviteId,
          optionId: conferencePollAnswer.optionId,
          answer: conferencePollAnswer.answer,
        })
        .from(conferencePollAnswer)
        .where(
          inArray(
            conferencePollAnswer.inviteId,
            invitees.map((i) => i.inviteId),
          ),
        )
    : [];
  return {
    poll: {
      deadline: poll.deadline,
      invitees: invitees.map(({ inviteId: _, ...i }) => i),
      times: options.map((o) => ({
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        answers: invitees.map((i) => ({
          participantId: i.participantId,
          answer: answers.find((a) => a.inviteId === i.inviteId && a.optionId === o.id)?.answer ?? null,
        })),
      })),
    },
  };
}
