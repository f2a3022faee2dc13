// Inputs of the meeting-record procedures (packages/api/src/router/meeting-record.ts) and the agenda
// templates per conference kind. A template names its items by key only; the texts are in the UI
// catalogs (`meetingRecord.agendaTemplate.<key>`, four languages, written once), so every reader
// sees an agenda in their own language.
import { z } from 'zod';
import type { conferenceKindSchema } from './common';

export const agendaTemplateKeys = [
  'welcome',
  'purpose',
  'case_summary',
  'agency_reports',
  'child_views',
  'risks_strengths',
  'plan_responsibilities',
  'previous_actions',
  'case_update',
  'options',
  'agreements',
  'information_sharing',
  'private_family_time',
  'family_plan',
  'plan_agreement',
  'review_arrangements',
  'signals_overview',
  'cooperation',
  'information_exchange',
  'goals_progress',
  'services_review',
  'family_views',
  'plan_changes',
  'next_meeting',
  'closing',
] as const;
export type AgendaTemplateKey = (typeof agendaTemplateKeys)[number];
export const agendaTemplateKeySchema = z.enum(agendaTemplateKeys, {
  message: 'templateKey is not an agenda template item',
});

/** The agenda a conference kind starts from, in order. */
export const agendaTemplates = {
  case_conference: [
    'welcome',
    'purpose',
    'case_summary',
    'agency_reports',
    'child_views',
    'risks_strengths',
    'plan_responsibilities',
    'next_meeting',
    'closing',
  ],
  case_discussion: ['previous_actions', 'case_update', 'options', 'agreements', 'next_meeting'],
  family_conference: [
    'welcome',
    'information_sharing',
    'private_family_time',
    'family_plan',
    'plan_agreement',
    'review_arrangements',
  ],
  signalling_meeting: [
    'welcome',
    'previous_actions',
    'signals_overview',
    'cooperation',
    'information_exchange',
    'next_meeting',
  ],
  care_plan_review: [
    'welcome',
    'goals_progress',
    'services_review',
    'family_views',
    'child_views',
    'plan_changes',
    'next_meeting',
  ],
} as const satisfies Record<z.infer<typeof conferenceKindSchema>, readonly AgendaTemplateKey[]>;

const conferenceId = z.uuid({ message: 'conferenceId must be a conference id' });
const title = (field: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: `${field} is required` })
    .max(max, { message: `${field} must be at most ${max} characters` });

/**
 * The whole agenda in its new order: an existing item by id (optionally retitled, if it was typed),
 * a new typed item by title, or a new template item by key. Items left out are removed.
 */
export const agendaEntryInput = z.union([
  z.object({
    id: z.uuid({ message: 'id must be an agenda item id' }),
    title: title('title', 300).optional(),
  }),
  z.object({ title: title('title', 300) }),
  z.object({ templateKey: agendaTemplateKeySchema }),
]);
export const agendaSetInput = z
  .object({ conferenceId, items: z.array(agendaEntryInput).max(60, { message: 'at most 60 agenda items' }) })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.items.forEach((item, i) => {
      if (!('id' in item)) return;
      if (seen.has(item.id))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: 'listed twice' });
      seen.add(item.id);
    });
  });
export type AgendaSetInput = z.input<typeof agendaSetInput>;

export const agendaApplyTemplateInput = z.object({ conferenceId });

export const attendanceSetInput = z.object({
  conferenceId,
  participants: z
    .array(
      z.object({
        participantId: z.uuid({ message: 'participantId must be a participant id' }),
        /** null: not recorded. */
        attended: z.boolean().nullable(),
      }),
    )
    .min(1, { message: 'name at least one participant' })
    .max(60),
});

export const MINUTES_MAX = 100_000;
export const minutesSaveInput = z.object({
  conferenceId,
  text: z.string().max(MINUTES_MAX, { message: `text must be at most ${MINUTES_MAX} characters` }),
  /** The version the editor started from; 0 when there were no minutes yet. */
  expectedVersion: z.number().int().min(0),
});

const agendaItemId = z.uuid({ message: 'agendaItemId must be an agenda item id' }).nullable().optional();
export const decisionAddInput = z.object({ conferenceId, text: title('text', 4000), agendaItemId });
export const decisionUpdateInput = z.object({
  decisionId: z.uuid({ message: 'decisionId must be a decision id' }),
  text: title('text', 4000),
  agendaItemId,
});

export const actionItemStatusSchema = z.enum(['open', 'done', 'cancelled']);
const dueOn = z.iso.date({ message: 'dueOn must be a date (YYYY-MM-DD)' });
export const actionItemCreateInput = z.object({
  conferenceId,
  title: title('title', 300),
  ownerParticipantId: z.uuid({ message: 'ownerParticipantId must be a participant id' }),
  /** Default: the owner's own agency. */
  ownerAgencyId: z.uuid({ message: 'ownerAgencyId must be an agency id' }).optional(),
  dueOn,
  decisionId: z.uuid({ message: 'decisionId must be a decision id' }).nullable().optional(),
});
export const actionItemUpdateInput = z
  .object({
    actionItemId: z.uuid({ message: 'actionItemId must be an action item id' }),
    title: title('title', 300).optional(),
    ownerParticipantId: z.uuid({ message: 'ownerParticipantId must be a participant id' }).optional(),
    ownerAgencyId: z.uuid({ message: 'ownerAgencyId must be an agency id' }).optional(),
    dueOn: dueOn.optional(),
    status: actionItemStatusSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 1, { message: 'nothing to change', path: ['actionItemId'] });

export const scheduleNextInput = z.object({ conferenceId });
