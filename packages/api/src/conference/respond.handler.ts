// invitation.respond: the accept / maybe / decline link of an invitation e-mail, without sign-in.
// The token is the only credential: 32 random bytes, stored as a SHA-256 hash, replaced on every
// new REQUEST and dropped on cancellation. Answers reveal logistics and the case_ref only.
import { schema } from '@caremap/db';
import type { invitationRespondInput } from '@caremap/validators';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../audit';
import type { Context } from '../context';
import { appError } from '../errors';
import { hashToken } from './outbox';
import { consumePublicLink } from './public-limit';

const { conference, conferenceParticipant } = schema;

export async function respondToInvitation(ctx: Context, input: z.output<typeof invitationRespondInput>) {
  await consumePublicLink(ctx, 'invitation_respond');
  const [found] = await ctx.db
    .select({
      participantId: conferenceParticipant.id,
      expiresAt: conferenceParticipant.responseTokenExpiresAt,
      conferenceId: conference.id,
      status: conference.status,
      kind: conference.kind,
      caseRef: conference.caseRef,
      startsAt: conference.startsAt,
      endsAt: conference.endsAt,
      timezone: conference.timezone,
    })
    .from(conferenceParticipant)
    .innerJoin(conference, eq(conference.id, conferenceParticipant.conferenceId))
    .where(eq(conferenceParticipant.responseTokenHash, hashToken(input.token)));
  if (!found) {
    throw appError(
      'NOT_FOUND',
      'invitation_invalid',
      'This invitation link is not valid (it may have been replaced by a newer invitation)',
    );
  }
  if (found.status !== 'scheduled' || !found.expiresAt || found.expiresAt.getTime() <= Date.now()) {
    throw appError(
      'BAD_REQUEST',
      'invitation_expired',
      'This invitation link has expired: the conference is over or was cancelled',
    );
  }
  const [updated] = await ctx.db
    .update(conferenceParticipant)
    .set({ partstat: input.response, respondedAt: new Date() })
    // Only while the token is still this participant's (a reschedule in between replaces it).
    .where(
      and(
        eq(conferenceParticipant.id, found.participantId),
        eq(conferenceParticipant.responseTokenHash, hashToken(input.token)),
      ),
    )
    .returning({ partstat: conferenceParticipant.partstat });
  if (!updated) {
    throw appError(
      'NOT_FOUND',
      'invitation_invalid',
      'This invitation link has just been replaced by a newer invitation',
    );
  }
  await audit(ctx, {
    action: 'invitation.respond',
    outcome: 'success',
    resourceType: 'conference',
    resourceId: found.conferenceId,
    actorUserId: null,
    details: { participantId: found.participantId, partstat: input.response },
  });
  return {
    partstat: updated.partstat,
    conference: {
      kind: found.kind,
      caseRef: found.caseRef,
      startsAt: found.startsAt!,
      endsAt: found.endsAt!,
      timezone: found.timezone,
    },
  };
}
