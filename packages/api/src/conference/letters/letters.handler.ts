// Feedback letters of a conference: drafted and edited by the responsible agency's organisers,
// listed (and downloaded as PDF, pdf.ts) by everyone who may read the conference, and recorded as
// sent (post or hand delivery: a letter never travels by e-mail). Every call is case data: audited.
import { schema } from '@caremap/db';
import type { Locale } from '@caremap/db/schema';
import type { feedbackLetterDraftInput, feedbackLetterEditInput } from '@caremap/validators';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../../audit';
import type { Context, SessionUser } from '../../context';
import { appError } from '../../errors';
import { decide } from '../../policy';
import { type ConferenceRow, conferenceFor, participantUserIds } from '../access';
import { letterRecipients } from './recipients';

const { appUser, feedbackLetter, organization, partnerInstitution } = schema;

type Ctx = Context & { user: SessionUser };
export type LetterRow = typeof feedbackLetter.$inferSelect;

/** The letter's path under the API; the browser fetches it with the session cookie. */
export const letterPdfPath = (conferenceId: string, letterId: string) =>
  `/api/conferences/${conferenceId}/letters/${letterId}.pdf`;

const written = (ctx: Ctx, conferenceId: string, what: string, letterId: string) =>
  audit(ctx, {
    action: `conference.letter.${what}`,
    outcome: 'success',
    resourceType: 'conference',
    resourceId: conferenceId,
    details: { letterId },
  });

const badRecipient = (field: string) =>
  appError('BAD_REQUEST', 'unknown_reference', `${field}: not a recipient of this conference's letters`, {
    field,
  });

/** A letter and its conference if the caller may `action` the conference; NOT_FOUND otherwise. */
export async function letterFor(
  ctx: Ctx,
  letterId: string,
  action: 'read' | 'update',
  what: string,
): Promise<{ letter: LetterRow; conf: ConferenceRow }> {
  const [letter] = await ctx.db.select().from(feedbackLetter).where(eq(feedbackLetter.id, letterId));
  if (!letter) {
    await audit(ctx, {
      action: `conference.letter.${what}`,
      outcome: 'denied',
      resourceType: 'feedback_letter',
      resourceId: letterId,
      details: { reason: 'unknown' },
    });
    throw appError('NOT_FOUND', 'not_found', 'No such letter, or not one you may see');
  }
  const conf = await conferenceFor(ctx, letter.conferenceId, action, `conference.letter.${what}`);
  return { letter, conf };
}

export async function listLetters(ctx: Ctx, conferenceId: string) {
  const conf = await conferenceFor(ctx, conferenceId, 'read', 'conference.letter.list');
  const canEdit = decide(ctx.user, 'conference', 'update', {
    agencyId: conf.agencyId,
    participantUserIds: await participantUserIds(ctx.db, conf.id),
  });
  const recipients = await letterRecipients(ctx.db, conf);
  const rows = await ctx.db
    .select({
      letter: feedbackLetter,
      sentByName: appUser.displayName,
      recipientName: sql<string>`coalesce(${partnerInstitution.name}, ${organization.name}, '')`,
    })
    .from(feedbackLetter)
    .leftJoin(appUser, eq(appUser.id, feedbackLetter.sentBy))
    .leftJoin(partnerInstitution, eq(partnerInstitution.id, feedbackLetter.partnerInstitutionId))
    .leftJoin(organization, eq(organization.id, feedbackLetter.organizationId))
    .where(eq(feedbackLetter.conferenceId, conf.id))
    .orderBy(asc(feedbackLetter.createdAt), asc(feedbackLetter.id));
  await audit(ctx, {
    action: 'conference.letter.list',
    outcome: 'allowed',
    resourceType: 'conference',
    resourceId: conf.id,
  });
  return {
    canEdit,
    // A conference that has not been held yet can get letters too (an invitation to contribute),
    // so drafting is not tied to the status; a cancelled one gets none.
    canDraft: canEdit && conf.status !== 'cancelled' && !!conf.caseRef,
    recipients: recipients.map((r) => ({ kind: r.kind, id: r.id, name: r.name, language: r.language })),
    letters: rows.map(({ letter, sentByName, recipientName }) => ({
      id: letter.id,
      recipient: {
        kind: letter.partnerInstitutionId ? ('partner_institution' as const) : ('organization' as const),
        id: (letter.partnerInstitutionId ?? letter.organizationId)!,
        name: recipientName,
      },
      language: letter.language,
      subject: letter.subject,
      body: letter.body,
      status: letter.status,
      sentAt: letter.sentAt,
      sentByName: sentByName ?? null,
      updatedAt: letter.updatedAt,
      pdfPath: letterPdfPath(conf.id, letter.id),
    })),
  };
}

export async function draftLetter(ctx: Ctx, input: z.output<typeof feedbackLetterDraftInput>) {
  const conf = await conferenceFor(ctx, input.conferenceId, 'update', 'conference.letter.draft');
  if (conf.status === 'cancelled') {
    throw appError('BAD_REQUEST', 'invalid_state', 'A cancelled conference gets no feedback letters');
  }
  // Feedback is about a case: a signalling meeting (no case_ref) has none to give.
  if (!conf.caseRef) {
    throw appError('BAD_REQUEST', 'invalid_state', 'Only a conference about a case (case_ref) gets letters');
  }
  const recipients = await letterRecipients(ctx.db, conf);
  const field = input.partnerInstitutionId ? 'partnerInstitutionId' : 'organizationId';
  const recipient = recipients.find(
    (r) =>
      (r.kind === 'partner_institution' && r.id === input.partnerInstitutionId) ||
      (r.kind === 'organization' && r.id === input.organizationId),
  );
  if (!recipient) throw badRecipient(field);
  const language: Locale = input.language ?? recipient.language;
  const [row] = await ctx.db
    .insert(feedbackLetter)
    .values({
      conferenceId: conf.id,
      partnerInstitutionId: input.partnerInstitutionId ?? null,
      organizationId: input.organizationId ?? null,
      language,
      subject: input.subject,
      body: input.body,
      createdBy: ctx.user.userId,
    })
    .returning();
  await written(ctx, conf.id, 'draft', row!.id);
  return { id: row!.id, language, pdfPath: letterPdfPath(conf.id, row!.id) };
}

export async function editLetter(ctx: Ctx, input: z.output<typeof feedbackLetterEditInput>) {
  const { letter, conf } = await letterFor(ctx, input.letterId, 'update', 'edit');
  const [row] = await ctx.db
    .update(feedbackLetter)
    .set({
      ...(input.language ? { language: input.language } : {}),
      ...(input.subject ? { subject: input.subject } : {}),
      ...(input.body ? { body: input.body } : {}),
    })
    .where(and(eq(feedbackLetter.id, letter.id), eq(feedbackLetter.status, 'draft')))
    .returning({ id: feedbackLetter.id });
  if (!row) throw appError('BAD_REQUEST', 'invalid_state', 'A letter already sent cannot be changed');
  await written(ctx, conf.id, 'edit', letter.id);
  return { id: letter.id };
}

export async function markLetterSent(ctx: Ctx, letterId: string, now = new Date()) {
  const { letter, conf } = await letterFor(ctx, letterId, 'update', 'mark_sent');
  // Only a draft turns into a sent letter: a second click (or a second tab) changes nothing.
  const [row] = await ctx.db
    .update(feedbackLetter)
    .set({ status: 'sent', sentAt: now, sentBy: ctx.user.userId })
    .where(and(eq(feedbackLetter.id, letter.id), eq(feedbackLetter.status, 'draft')))
    .returning({ sentAt: feedbackLetter.sentAt });
  if (!row) throw appError('BAD_REQUEST', 'invalid_state', 'This letter is already recorded as sent');
  await written(ctx, conf.id, 'mark_sent', letter.id);
  return { id: letter.id, sentAt: row.sentAt! };
}
