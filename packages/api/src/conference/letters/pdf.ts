// A feedback letter as PDF, in its language, on the responsible agency's letterhead. For everyone
// who may read the conference (participants, the agency's organisers); the download is audited.
// The letter names the case by its case_ref only; the organiser's conference title (which may
// describe the case) is never printed.
import { schema } from '@caremap/db';
import type { Locale } from '@caremap/db/schema';
import { and, asc, eq } from 'drizzle-orm';
import { audit } from '../../audit';
import type { Context, SessionUser } from '../../context';
import { renderFeedbackLetter } from '../../documents/letter';
import { appError } from '../../errors';
import { letterFor } from './letters.handler';
import { addressBlock, agencyLetterhead, letterRecipients } from './recipients';

const { actionItem, agency, appUser } = schema;

/** The sign-off role of the organiser who writes the letter. */
const caseManager: Record<Locale, string> = {
  hu: 'esetmenedzser',
  cs: 'sociální pracovník',
  tr: 'Vaka Yöneticisi',
  en: 'Case manager',
};

/** Blank lines separate paragraphs; single line breaks stay inside a paragraph. */
export const paragraphsOf = (body: string) =>
  body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');

export async function feedbackLetterPdf(
  ctx: Pick<Context, 'db' | 'requestId' | 'clientKey' | 'sessionToken' | 'setSessionToken'> & {
    user: SessionUser;
  },
  conferenceId: string,
  letterId: string,
  now = new Date(),
): Promise<{ pdf: Buffer; fileName: string }> {
  const { letter, conf } = await letterFor(ctx, letterId, 'read', 'pdf');
  // The letter must be fetched under its own conference: a letter id under another conference's
  // path is as unknown as a made-up one.
  if (conf.id !== conferenceId) throw appError('NOT_FOUND', 'not_found', 'No such letter');
  const language = letter.language;
  const head = await agencyLetterhead(ctx.db, conf.agencyId);
  const recipient = (await letterRecipients(ctx.db, conf)).find(
    (r) => r.id === (letter.partnerInstitutionId ?? letter.organizationId),
  );
  const [writer] = await ctx.db
    .select({ name: appUser.displayName })
    .from(appUser)
    .where(eq(appUser.id, letter.sentBy ?? letter.createdBy));
  const actions = recipient?.agencyId
    ? await ctx.db
        .select({ what: actionItem.title, who: agency.name, due: actionItem.dueOn })
        .from(actionItem)
        .innerJoin(agency, eq(agency.id, actionItem.ownerAgencyId))
        .where(and(eq(actionItem.conferenceId, conf.id), eq(actionItem.ownerAgencyId, recipient.agencyId)))
        .orderBy(asc(actionItem.dueOn), asc(actionItem.id))
    : [];
  const letterhead = head.letterhead(language);
  const pdf = await renderFeedbackLetter({
    language,
    timeZone: conf.timezone,
    letterhead,
    recipient: {
      // A recipient that left the conference's orbit (participant removed) keeps its letter.
      name: recipient?.name ?? '—',
      addressLines: recipient ? addressBlock(recipient, language, head.country) : ['—'],
    },
    place: head.place(language),
    date: letter.sentAt ?? now,
    reference: {
      caseRef: conf.caseRef ?? '',
      conference: { kind: conf.kind, startsAt: conf.startsAt ?? now },
    },
    subject: letter.subject,
    paragraphs: paragraphsOf(letter.body),
    actions,
    signOff: {
      name: writer?.name ?? ctx.user.displayName,
      role: caseManager[language],
      agency: letterhead.agencyName,
    },
  });
  await audit(ctx, {
    action: 'conference.letter.pdf',
    outcome: 'allowed',
    resourceType: 'conference',
    resourceId: conf.id,
    details: { letterId: letter.id },
  });
  return { pdf, fileName: `${(conf.caseRef ?? 'letter').replace(/[^A-Za-z0-9-]/g, '_')}-${language}.pdf` };
}
