// poll.view and poll.answer: the public poll page of an external participant, without sign-in.
// The token is the only credential (32 random bytes, stored as SHA-256); it opens that person's
// own poll and nothing else: the conference kind and the proposed times, never the title, other
// invitees or their answers. Answers can be changed until the deadline. Rate-limited per address.
import { schema } from '@caremap/db';
import type { pollAnswerInput, pollTokenInput } from '@caremap/validators';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../audit';
import type { Context } from '../context';
import { appError } from '../errors';
import { hashToken } from './outbox';
import { consumePublicLink } from './public-limit';

const {
  conference,
  conferenceParticipant,
  conferencePoll,
  conferencePollAnswer,
  conferencePollInvite,
  conferencePollOption,
} = schema;

async function inviteFor(ctx: Context, token: string) {
  const [found] = await ctx.db
    .select({
      inviteId: conferencePollInvite.id,
      pollId: conferencePoll.id,
      deadline: conferencePoll.deadline,
      respondentName: conferencePollInvite.respondentName,
      respondedAt: conferencePollInvite.respondedAt,
      displayName: conferenceParticipant.displayName,
      language: conferenceParticipant.preferredLanguage,
      conferenceId: conference.id,
      kind: conference.kind,
      status: conference.status,
      timezone: conference.timezone,
    })
    .from(conferencePollInvite)
    .innerJoin(conferencePoll, eq(conferencePoll.id, conferencePollInvite.pollId))
    .innerJoin(conferenceParticipant, eq(conferenceParticipant.id, conferencePollInvite.participantId))
    .innerJoin(conference, eq(conference.id, conferencePoll.conferenceId))
    .where(eq(conferencePollInvite.tokenHash, hashToken(token)));
  if (!found) {
    throw appError(
      'NOT_FOUND',
      'poll_invalid',
      'This poll link is not valid (it may have been replaced by a newer one)',
    );
  }
  return { ...found, open: found.status === 'draft' && found.deadline.getTime() > Date.now() };
}

export async function viewPoll(ctx: Context, input: z.output<typeof pollTokenInput>) {
  await consumePublicLink(ctx, 'poll');
  const invite = await inviteFor(ctx, input.token);
  const times = await ctx.db
    .select({
      optionId: conferencePollOption.id,
      startsAt: conferencePollOption.startsAt,
      endsAt: conferencePollOption.endsAt,
      answer: conferencePollAnswer.answer,
    })
    .from(conferencePollOption)
    .leftJoin(
      conferencePollAnswer,
      and(
        eq(conferencePollAnswer.optionId, conferencePollOption.id),
        eq(conferencePollAnswer.inviteId, invite.inviteId),
      ),
    )
    .where(eq(conferencePollOption.pollId, invite.pollId))
    .orderBy(asc(conferencePollOption.startsAt));
  await audit(ctx, {
    action: 'poll.view',
    outcome: 'allowed',
    resourceType: 'conference',
    resourceId: invite.conferenceId,
    actorUserId: null,
  });
  return {
    kind: invite.kind,
    timezone: invite.timezone,
    language: invite.language,
    deadline: invite.deadline,
    open: invite.open,
    name: invite.respondentName ?? invite.displayName ?? '',
    respondedAt: invite.respondedAt,
    times: times.map((t) => ({ ...t, answer: t.answer ?? null })),
  };
}

export async function answerPoll(ctx: Context, input: z.output<typeof pollAnswerInput>) {
  await consumePublicLink(ctx, 'poll');
  const invite = await inviteFor(ctx, input.token);
  if (!invite.open) {
    throw appError(
      'BAD_REQUEST',
      'poll_closed',
      'This poll is closed: its deadline has passed or the time is settled',
    );
  }
  const optionIds = new Set(
    (
      await ctx.db
        .select({ id: conferencePollOption.id })
        .from(conferencePollOption)
        .where(eq(conferencePollOption.pollId, invite.pollId))
    ).map((o) => o.id),
  );
  const foreign = input.answers.findIndex((a) => !optionIds.has(a.optionId));
  if (foreign >= 0) {
    throw appError(
      'BAD_REQUEST',
      'unknown_reference',
      `answers[${foreign}].optionId: not a time of this poll`,
      {
        field: `answers[${foreign}].optionId`,
      },
    );
  }
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(conferencePollInvite)
      .set({ respondentName: input.name, respondedAt: now })
      .where(eq(conferencePollInvite.id, invite.inviteId));
    await tx
      .insert(conferencePollAnswer)
      .values(
        input.answers.map((a) => ({
          inviteId: invite.inviteId,
          optionId: a.optionId,
          answer: a.answer,
          answeredAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [conferencePollAnswer.inviteId, conferencePollAnswer.optionId],
        set: { answer: sql`excluded.answer`, answeredAt: now },
      });
  });
  await audit(ctx, {
    action: 'poll.answer',
    outcome: 'success',
    resourceType: 'conference',
    resourceId: invite.conferenceId,
    actorUserId: null,
    details: { answers: input.answers.length },
  });
  return { saved: input.answers.length, respondedAt: now };
}
