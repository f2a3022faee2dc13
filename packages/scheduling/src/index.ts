export {
  CARE_PLAN_PROPOSAL_LEAD_DAYS,
  CARE_PLAN_REVIEW_MONTHS,
  CarePlanInputError,
  type CarePlanReview,
  type CarePlanReviewInput,
  type CarePlanReviewStatus,
  nextCarePlanReview,
} from './care-plan';
export { findSlots } from './find-slots';
export {
  expandRecurrence,
  type InstantRange,
  type Occurrence,
  parseRrule,
  RecurrenceInputError,
  type RecurrenceOverride,
  type RecurringSeries,
  SIGNALLING_MEETING_DEFAULT_RRULE,
} from './recurrence';
export { type FeasibleStart, feasibleStarts } from './slots';
export * from './types';
