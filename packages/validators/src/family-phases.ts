// Inputs of the family-conference phases (familyPhases.*, packages/api/src/router/family-phases.ts)
// and each phase's template checklist. Template items are named by key only; their texts are in the
// UI catalogs (`familyPhases.item.<key>`, four languages), so every reader sees them in their own.
import { z } from 'zod';

/** The phases of family group decision-making, in order (the database enum family_phase_key). */
export const familyPhaseKeys = [
  'referral',
  'preparation',
  'information_sharing',
  'private_family_time',
  'plan_agreement',
  'implementation',
  'review',
] as const;
export type FamilyPhaseKey = (typeof familyPhaseKeys)[number];
export const familyPhaseStatuses = ['not_started', 'in_progress', 'done'] as const;
export type FamilyPhaseStatus = (typeof familyPhaseStatuses)[number];

/** The checklist each phase starts with, in order. */
export const familyPhaseTemplates = {
  referral: ['referral_received', 'family_consent', 'coordinator_assigned'],
  preparation: ['network_mapped', 'invitations_sent', 'venue_booked', 'interpreter_arranged'],
  information_sharing: ['professionals_briefed', 'concerns_shared', 'resources_listed'],
  private_family_time: ['professionals_left', 'family_room_ready'],
  plan_agreement: ['plan_written', 'plan_accepted', 'contingency_agreed'],
  implementation: ['tasks_assigned', 'plan_copies_sent'],
  review: ['review_date_set', 'progress_checked', 'plan_updated'],
} as const satisfies Record<FamilyPhaseKey, readonly string[]>;
export type FamilyPhaseItemKey = (typeof familyPhaseTemplates)[FamilyPhaseKey][number];

/** Slots outside these years are typing mistakes, not plans. */
export const FAMILY_PHASE_EARLIEST = new Date('2000-01-01T00:00:00Z');
export const FAMILY_PHASE_LATEST = new Date('2100-01-01T00:00:00Z');
/** The longest a phase may last (implementation can take months, not years). */
export const FAMILY_PHASE_MAX_DAYS = 366;

const phaseId = z.uuid({ message: 'phaseId must be a phase id' });
const expectedVersion = z.number().int().min(1);

export const familyPhasesGetInput = z.object({
  conferenceId: z.uuid({ message: 'conferenceId must be a conference id' }),
});

/** Both ends, or null for both to clear the slot. */
export const familyPhaseSlotInput = z
  .object({
    phaseId,
    expectedVersion,
    startsAt: z.coerce.date().nullable(),
    endsAt: z.coerce.date().nullable(),
  })
  .superRefine((v, ctx) => {
    if ((v.startsAt === null) !== (v.endsAt === null)) {
      const missing = v.startsAt === null ? 'startsAt' : 'endsAt';
      ctx.addIssue({ code: 'custom', path: [missing], message: `${missing} is needed for a time slot` });
      return;
    }
    if (!v.startsAt || !v.endsAt) return;
    for (const field of ['startsAt', 'endsAt'] as const) {
      const at = field === 'startsAt' ? v.startsAt : v.endsAt;
      if (at < FAMILY_PHASE_EARLIEST || at >= FAMILY_PHASE_LATEST) {
        ctx.addIssue({ code: 'custom', path: [field], message: `${field} must lie between 2000 and 2099` });
      }
    }
    if (v.endsAt <= v.startsAt) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'endsAt must be after startsAt' });
    } else if (v.endsAt.getTime() - v.startsAt.getTime() > FAMILY_PHASE_MAX_DAYS * 86_400_000) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsAt'],
        message: `endsAt must be at most ${FAMILY_PHASE_MAX_DAYS} days after startsAt`,
      });
    }
  });

export const familyPhaseStatusInput = z.object({
  phaseId,
  expectedVersion,
  status: z.enum(familyPhaseStatuses, { message: 'status must be not_started, in_progress or done' }),
});

export const familyPhaseTickInput = z.object({
  itemId: z.uuid({ message: 'itemId must be a checklist item id' }),
  done: z.boolean(),
});

export const familyPhaseAddItemInput = z.object({
  phaseId,
  text: z
    .string()
    .trim()
    .min(1, { message: 'text must not be empty' })
    .max(500, { message: 'text must be at most 500 characters' }),
});
