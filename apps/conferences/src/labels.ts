import type { RouterOutputs } from '@caremap/api-client';

type Conference = RouterOutputs['conference']['upcoming']['items'][number];

/** A translated label for every conference kind and status; a new value fails the type check here. */
export const kindLabelKey = {
  case_conference: 'conferences.kindCaseConference',
  case_discussion: 'conferences.kindCaseDiscussion',
  family_conference: 'conferences.kindFamilyConference',
  signalling_meeting: 'conferences.kindSignallingMeeting',
  care_plan_review: 'conferences.kindCarePlanReview',
} as const satisfies Record<Conference['kind'], string>;

export const statusLabelKey = {
  draft: 'conferences.statusDraft',
  scheduled: 'conferences.statusScheduled',
  held: 'conferences.statusHeld',
  cancelled: 'conferences.statusCancelled',
} as const satisfies Record<Conference['status'], string>;

export const roleLabelKey = {
  chair: 'conferences.roleChair',
  minute_taker: 'conferences.roleMinuteTaker',
  family: 'conferences.roleFamily',
  professional: 'conferences.roleProfessional',
  interpreter: 'conferences.roleInterpreter',
} as const;
export type ParticipantRole = keyof typeof roleLabelKey;

export const partstatLabelKey = {
  needs_action: 'conferences.partstatNeedsAction',
  accepted: 'conferences.partstatAccepted',
  declined: 'conferences.partstatDeclined',
  tentative: 'conferences.partstatTentative',
} as const;

export const outboxStatusLabelKey = {
  pending: 'conferences.statusPending',
  sending: 'conferences.statusSending',
  sent: 'conferences.statusSent',
  failed: 'conferences.statusFailed',
} as const;

export const conferenceKinds = Object.keys(kindLabelKey) as Array<keyof typeof kindLabelKey>;
