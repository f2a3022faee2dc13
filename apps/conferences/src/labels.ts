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
  scheduled: 'conferences.statusScheduled',
  held: 'conferences.statusHeld',
  cancelled: 'conferences.statusCancelled',
} as const satisfies Record<Conference['status'], string>;
