import { Temporal } from 'temporal-polyfill';
import { SchedulingInputError } from './types';

/**
 * Care plan reviews are due at most six calendar months after the previous review, counted in
 * the agency's time zone. Month arithmetic is Temporal's (`constrain`): 31 Aug + 6 months is
 * 28 Feb, or 29 Feb in a leap year.
 */

export const CARE_PLAN_REVIEW_MONTHS = 6;
/** The proposed date is this many days before the due date (then moved back off a weekend). */
export const CARE_PLAN_PROPOSAL_LEAD_DAYS = 14;

export interface CarePlanReviewInput {
  /** Previous review: an ISO instant (`2025-08-31T10:00:00Z`) or a local date (`2025-08-31`). */
  lastReviewAt: string;
  /** IANA zone of the responsible agency. */
  timeZone: string;
  /** Current instant, ISO; passed in so the function stays pure. */
  now: string;
  /** Warn (`due_soon`) when this many days or fewer are left. */
  warnDays?: number;
}

export type CarePlanReviewStatus = 'ok' | 'due_soon' | 'overdue';

export interface CarePlanReview {
  /** Last local date (`YYYY-MM-DD`) on which the review is still on time. */
  dueBy: string;
  /**
   * Proposed local date for the next review: a weekday two weeks before `dueBy`; when that has
   * already passed, the next weekday from today (for an overdue review: as soon as possible).
   */
  proposedAt: string;
  status: CarePlanReviewStatus;
  /** Whole days from today (local) to `dueBy`; negative when overdue. */
  daysLeft: number;
}

export class CarePlanInputError extends SchedulingInputError {}

function localDateOf(value: string, timeZone: string, field: string): Temporal.PlainDate {
  try {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return Temporal.PlainDate.from(value, { overflow: 'reject' });
    return Temporal.Instant.from(value).toZonedDateTimeISO(timeZone).toPlainDate();
  } catch (e) {
    if (e instanceof RangeError && /time ?zone/i.test(e.message)) {
      throw new CarePlanInputError('timeZone', `unknown time zone "${timeZone}"`);
    }
    throw new CarePlanInputError(field, `"${value}" is not an ISO instant or YYYY-MM-DD date`);
  }
}

const isWeekend = (d: Temporal.PlainDate): boolean => d.dayOfWeek >= 6;

export function nextCarePlanReview(input: CarePlanReviewInput): CarePlanReview {
  const { timeZone, warnDays = 28 } = input;
  try {
    Temporal.Now.instant().toZonedDateTimeISO(timeZone);
  } catch {
    throw new CarePlanInputError('timeZone', `unknown time zone "${timeZone}"`);
  }
  if (!Number.isInteger(warnDays) || warnDays < 0) {
    throw new CarePlanInputError('warnDays', 'must be a whole number of days, 0 or more');
  }
  const last = localDateOf(input.lastReviewAt, timeZone, 'lastReviewAt');
  const today = localDateOf(input.now, timeZone, 'now');
  const dueBy = last.add({ months: CARE_PLAN_REVIEW_MONTHS });

  let proposed = dueBy.subtract({ days: CARE_PLAN_PROPOSAL_LEAD_DAYS });
  while (isWeekend(proposed)) proposed = proposed.subtract({ days: 1 });
  if (Temporal.PlainDate.compare(proposed, today) < 0) {
    proposed = today;
    while (isWeekend(proposed)) proposed = proposed.add({ days: 1 });
  }

  const daysLeft = today.until(dueBy, { largestUnit: 'days' }).days;
  const status: CarePlanReviewStatus = daysLeft < 0 ? 'overdue' : daysLeft <= warnDays ? 'due_soon' : 'ok';
  return { dueBy: dueBy.toString(), proposedAt: proposed.toString(), status, daysLeft };
}
