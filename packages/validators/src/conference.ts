// Inputs of the conference procedures (packages/api/src/router/conference.ts). Every message names
// the field and the problem; the browser shows them next to the field.
import { z } from 'zod';
import { caseRefSchema, conferenceKindSchema, localeSchema, pageInput, timeZoneSchema } from './common';

/**
 * The case code of a conference, as the database's conference_case_ref_ck accepts it: the common
 * case_ref shape (never a name), narrowed to capitals, digits and dashes, 3-32 characters.
 */
export const conferenceCaseRefSchema = caseRefSchema.regex(/^[A-Z0-9][A-Z0-9-]{2,31}$/, {
  message: 'case_ref of a conference is 3-32 capital letters, digits and dashes, e.g. HU-SZO-2026-0142',
});

export const attendanceSchema = z.enum(['required', 'optional']);
export const participantRoleSchema = z.enum([
  'chair',
  'minute_taker',
  'family',
  'professional',
  'interpreter',
]);

const common = {
  attendance: attendanceSchema.default('required'),
  role: participantRoleSchema.default('professional'),
};
const displayName = z.string().trim().min(1, { message: 'displayName is required' }).max(120);
const email = z.email({ message: 'email must be an e-mail address' }).max(254);
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/, { message: 'phone must be a telephone number' });

/** A CareMap user; name, address and language come from their account. */
export const userParticipantInput = z.object({
  kind: z.literal('user'),
  userId: z.uuid({ message: 'userId must be a user id' }),
  /** The agency they represent here; default: their only membership's agency. */
  agencyId: z.uuid().optional(),
  ...common,
});
/** A person at a partner institution or a directory organization, reached by e-mail. */
export const contactParticipantInput = z.object({
  kind: z.literal('contact'),
  agencyId: z.uuid({ message: 'agencyId must name the agency the contact represents' }),
  partnerInstitutionId: z.uuid().optional(),
  organizationId: z.uuid().optional(),
  displayName,
  email,
  preferredLanguage: localeSchema.default('en'),
  ...common,
});
/** A family member or an interpreter: a name and an e-mail address or a phone number, nothing else. */
export const externalParticipantInput = z
  .object({
    kind: z.literal('external'),
    displayName,
    email: email.optional(),
    phone: phone.optional(),
    agencyId: z.uuid().optional(),
    preferredLanguage: localeSchema.default('en'),
    ...common,
  })
  .refine((p) => p.email || p.phone, {
    message: 'an external participant needs an e-mail or a phone',
    path: ['email'],
  });
export const participantInput = z.discriminatedUnion('kind', [
  userParticipantInput,
  contactParticipantInput,
  externalParticipantInput,
]);
export type ParticipantInput = z.infer<typeof participantInput>;

/**
 * Quorum rules. Pool members are given by their position in `participants` (they have no id
 * before the conference exists); the server stores them with the participants' ids.
 */
export const quorumRuleInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agency'), agencyId: z.uuid(), atLeast: z.number().int().min(1).max(50) }),
  z.object({
    kind: z.literal('pool'),
    participants: z.array(z.number().int().min(0)).min(1).max(60),
    atLeast: z.number().int().min(1).max(60).default(1),
  }),
]);
export type QuorumRuleInput = z.infer<typeof quorumRuleInput>;

export const conferenceCreateInput = z
  .object({
    kind: conferenceKindSchema,
    caseRef: conferenceCaseRefSchema.optional(),
    title: z.string().trim().min(1, { message: 'title is required' }).max(200),
    /** The responsible agency; the organiser must be allowed to create conferences for it. */
    agencyId: z.uuid(),
    timezone: timeZoneSchema,
    durationMinutes: z
      .number()
      .int()
      .min(15, { message: 'durationMinutes must be at least 15' })
      .max(480, { message: 'durationMinutes must be at most 480 (8 hours)' })
      .refine((m) => m % 5 === 0, { message: 'durationMinutes must be a multiple of 5' }),
    /** Deadline: proposals end by then. */
    scheduleBy: z.date(),
    participants: z.array(participantInput).min(1).max(60),
    quorum: z.array(quorumRuleInput).max(20).default([]),
    /** Rooms to choose from, preferred first. */
    candidateRoomIds: z.array(z.uuid()).max(10).default([]),
    online: z.boolean().default(false),
    locationNote: z.string().trim().max(500).optional(),
    interpreterRequired: z.boolean().default(false),
  })
  .superRefine((c, ctx) => {
    if (c.kind !== 'signalling_meeting' && !c.caseRef) {
      ctx.addIssue({ code: 'custom', path: ['caseRef'], message: 'caseRef is required for this kind' });
    }
    if (c.scheduleBy.getTime() <= Date.now()) {
      ctx.addIssue({ code: 'custom', path: ['scheduleBy'], message: 'scheduleBy must be in the future' });
    }
    if (!c.online && c.candidateRoomIds.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['candidateRoomIds'],
        message: 'name at least one room, or make the conference online',
      });
    }
    c.quorum.forEach((rule, i) => {
      if (rule.kind !== 'pool') return;
      rule.participants.forEach((p, j) => {
        if (p >= c.participants.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['quorum', i, 'participants', j],
            message: `participant ${p} does not exist (there are ${c.participants.length})`,
          });
        }
      });
    });
    const users = c.participants.flatMap((p) => (p.kind === 'user' ? [p.userId] : []));
    const twice = users.find((u, i) => users.indexOf(u) !== i);
    if (twice) {
      const at = c.participants.findIndex(
        (p, i) => p.kind === 'user' && p.userId === twice && users.indexOf(twice) !== i,
      );
      ctx.addIssue({
        code: 'custom',
        path: ['participants', Math.max(at, 0), 'userId'],
        message: 'this user is invited twice',
      });
    }
    if (c.interpreterRequired && !c.participants.some((p) => p.role === 'interpreter')) {
      ctx.addIssue({
        code: 'custom',
        path: ['interpreterRequired'],
        message: 'an interpreter is required but no participant has the role interpreter',
      });
    }
  });
export type ConferenceCreateInput = z.input<typeof conferenceCreateInput>;

export const conferenceIdInput = z.object({
  conferenceId: z.uuid({ message: 'conferenceId must be a conference id' }),
});

export const conferenceProposeInput = conferenceIdInput.extend({
  /** Earliest start; default now. */
  from: z.date().optional(),
  wanted: z.number().int().min(3).max(10).default(3),
});

/** `roomId` null: the online meeting (only for an online conference). */
export const conferenceBookInput = conferenceIdInput.extend({
  startsAt: z.date(),
  roomId: z.uuid().nullable(),
});

/** The longest range the calendar asks for: a month grid of six whole weeks (42 days) fits. */
export const CONFERENCE_RANGE_MAX_DAYS = 45;

/** "My conferences" overlapping [from, to), for the week and month calendar. */
export const conferenceRangeInput = z
  .object({
    from: z.date({ message: 'from must be a date and time' }),
    to: z.date({ message: 'to must be a date and time' }),
  })
  .superRefine((r, ctx) => {
    const span = r.to.getTime() - r.from.getTime();
    if (span <= 0) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from' });
    } else if (span > CONFERENCE_RANGE_MAX_DAYS * 86_400_000) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `to must be at most ${CONFERENCE_RANGE_MAX_DAYS} days after from`,
      });
    }
  });
export type ConferenceRangeInput = z.infer<typeof conferenceRangeInput>;

export const conferenceOutboxInput = pageInput.extend({ conferenceId: z.uuid().optional() });

/** The secret of an accept/decline link: 32 random bytes, base64url. */
export const responseTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, { message: 'token is not an invitation token' });
export const invitationRespondInput = z.object({
  token: responseTokenSchema,
  response: z.enum(['accepted', 'declined', 'tentative']),
});

const wallClock = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'times are HH:MM (00:00-24:00)' });
const dayRanges = z
  .array(
    z.object({ start: wallClock, end: wallClock }).refine((r) => r.start < r.end, {
      message: 'a working-time range must end after it starts',
      path: ['end'],
    }),
  )
  .max(6);

/** A user's working week in their own zone; a weekday left out is a day off. */
export const workingHoursInput = z.object({
  timeZone: timeZoneSchema,
  hours: z
    .object({
      mon: dayRanges.optional(),
      tue: dayRanges.optional(),
      wed: dayRanges.optional(),
      thu: dayRanges.optional(),
      fri: dayRanges.optional(),
      sat: dayRanges.optional(),
      sun: dayRanges.optional(),
    })
    .strict(),
});

/** A time the user is not available (no reason is stored). */
export const busyBlockInput = z
  .object({ startsAt: z.date(), endsAt: z.date() })
  .refine((b) => b.endsAt.getTime() > b.startsAt.getTime(), {
    message: 'endsAt must be after startsAt',
    path: ['endsAt'],
  })
  .refine((b) => b.endsAt.getTime() - b.startsAt.getTime() <= 62 * 86_400_000, {
    message: 'a busy block is at most 62 days long',
    path: ['endsAt'],
  });

export const busyBlockIdInput = z.object({ busyBlockId: z.uuid() });

/** caseTimeline.get: every conference of one case the caller may see, by its pseudonymous code. */
export const caseTimelineInput = z.object({ caseRef: conferenceCaseRefSchema });
