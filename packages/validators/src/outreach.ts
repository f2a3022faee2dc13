/**
 * Inputs of what reaches people outside the conference screens: the availability poll for externals
 * (organiser side and the public poll page), feedback letters, and the personal calendar feed.
 */
import { z } from 'zod';
import { localeSchema } from './common';
import { conferenceIdInput } from './conference';

/** A link secret: 32 random bytes, base64url (43 characters). */
const secretToken = (what: string) =>
  z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: `token is not a ${what} token` });

export const pollAnswerSchema = z.enum(['yes', 'if_need_be', 'no'], {
  message: 'answer must be yes, if_need_be or no',
});

const pollTime = z
  .object({ startsAt: z.date(), endsAt: z.date() })
  .refine((t) => t.endsAt > t.startsAt, { message: 'a time must end after it starts', path: ['endsAt'] });

/** The organiser sends the proposed times to the conference's externals (and, if asked, contacts). */
export const pollSendInput = conferenceIdInput.extend({
  times: z
    .array(pollTime)
    .min(1, { message: 'times: choose at least one proposed time' })
    .max(10, { message: 'times: at most 10 proposed times' })
    .refine((ts) => new Set(ts.map((t) => t.startsAt.getTime())).size === ts.length, {
      message: 'times: the same start appears twice',
    }),
  /** Answers are taken until then; default the conference's schedule_by. */
  deadline: z.date().optional(),
  /** Also poll the contacts of partner institutions and organizations, not only externals. */
  includeContacts: z.boolean().default(false),
});

/** The secret of a poll link: 32 random bytes, base64url, like an invitation link's. */
export const pollTokenInput = z.object({ token: secretToken('poll') });

export const pollAnswerInput = pollTokenInput.extend({
  name: z
    .string()
    .trim()
    .min(1, { message: 'name: please write your name' })
    .max(120, { message: 'name: at most 120 characters' }),
  answers: z
    .array(
      z.object({
        optionId: z.uuid({ message: 'optionId must be a poll time id' }),
        answer: pollAnswerSchema,
      }),
    )
    .min(1, { message: 'answers: answer at least one time' })
    .max(10),
});

const letterText = (field: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: `${field}: must not be empty` })
    .max(max, { message: `${field}: at most ${max} characters` });

/** A draft feedback letter to one partner institution or organization about one conference. */
export const feedbackLetterDraftInput = conferenceIdInput
  .extend({
    partnerInstitutionId: z.uuid().optional(),
    organizationId: z.uuid().optional(),
    /** Default: the recipient's language (its country's), else the responsible agency's. */
    language: localeSchema.optional(),
    subject: letterText('subject', 300),
    body: letterText('body', 20_000),
  })
  .refine((v) => (v.partnerInstitutionId === undefined) !== (v.organizationId === undefined), {
    message: 'recipient: choose exactly one partner institution or organization',
    path: ['partnerInstitutionId'],
  });

export const feedbackLetterIdInput = z.object({
  letterId: z.uuid({ message: 'letterId must be a feedback letter id' }),
});

export const feedbackLetterEditInput = feedbackLetterIdInput.extend({
  language: localeSchema.optional(),
  subject: letterText('subject', 300).optional(),
  body: letterText('body', 20_000).optional(),
});

/** The token of a personal calendar feed URL: 32 random bytes, base64url. */
export const calendarFeedTokenSchema = secretToken('calendar feed');
