import { describe, expect, it } from 'vitest';
import { CarePlanInputError, nextCarePlanReview } from './care-plan';

const zone = 'Europe/Budapest';

describe('nextCarePlanReview', () => {
  it('a review on 31 August is due by the end of February', () => {
    const r = nextCarePlanReview({
      lastReviewAt: '2025-08-31T08:00:00Z',
      timeZone: zone,
      now: '2025-12-01T09:00:00Z',
    });
    expect(r).toEqual({ dueBy: '2026-02-28', proposedAt: '2026-02-13', status: 'ok', daysLeft: 89 });
    // 14 Feb 2026 is a Saturday: the proposal moves back to Friday.
  });

  it('in a leap year it is due by 29 February', () => {
    const r = nextCarePlanReview({ lastReviewAt: '2023-08-31', timeZone: zone, now: '2023-09-01T09:00:00Z' });
    expect(r.dueBy).toBe('2024-02-29');
    expect(r.proposedAt).toBe('2024-02-15'); // Thursday
  });

  it('counts months from the local date of the review, not the UTC one', () => {
    // 22:30Z on 31 Aug is already 1 Sep in Budapest.
    const r = nextCarePlanReview({
      lastReviewAt: '2025-08-31T22:30:00Z',
      timeZone: zone,
      now: '2025-09-02T09:00:00Z',
    });
    expect(r.dueBy).toBe('2026-03-01');
  });

  it('warns four weeks ahead (due_soon)', () => {
    const r = nextCarePlanReview({ lastReviewAt: '2025-08-31', timeZone: zone, now: '2026-02-10T09:00:00Z' });
    expect(r).toMatchObject({ status: 'due_soon', daysLeft: 18, proposedAt: '2026-02-13' });
    expect(
      nextCarePlanReview({ lastReviewAt: '2025-08-31', timeZone: zone, now: '2026-01-30T09:00:00Z' }),
    ).toMatchObject({
      status: 'ok',
      daysLeft: 28 + 1,
    });
    expect(
      nextCarePlanReview({ lastReviewAt: '2025-08-31', timeZone: zone, now: '2026-02-28T21:00:00Z' }),
    ).toMatchObject({
      status: 'due_soon',
      daysLeft: 0,
    });
  });

  it('honours a custom warning window', () => {
    const r = nextCarePlanReview({
      lastReviewAt: '2025-08-31',
      timeZone: zone,
      now: '2026-02-10T09:00:00Z',
      warnDays: 7,
    });
    expect(r.status).toBe('ok');
  });

  it('once the proposal date has passed, proposes the next working day', () => {
    // Saturday 21 Feb 2026 → Monday 23 Feb.
    const r = nextCarePlanReview({ lastReviewAt: '2025-08-31', timeZone: zone, now: '2026-02-21T09:00:00Z' });
    expect(r).toMatchObject({ proposedAt: '2026-02-23', status: 'due_soon', daysLeft: 7 });
  });

  it('is overdue the day after dueBy, and proposes the review as soon as possible', () => {
    // 23:30Z on 28 Feb is already 1 Mar in Budapest; 1 Mar 2026 is a Sunday.
    const r = nextCarePlanReview({ lastReviewAt: '2025-08-31', timeZone: zone, now: '2026-02-28T23:30:00Z' });
    expect(r).toEqual({ dueBy: '2026-02-28', proposedAt: '2026-03-02', status: 'overdue', daysLeft: -1 });
  });

  it.each([
    [{ lastReviewAt: 'last week' }, 'lastReviewAt'],
    [{ now: '2026-02-30T00:00:00Z' }, 'now'],
    [{ timeZone: 'Europe/Budapset' }, 'timeZone'],
    [{ warnDays: -1 }, 'warnDays'],
  ] as const)('rejects %o naming %s', (patch, field) => {
    const input = { lastReviewAt: '2025-08-31', timeZone: zone, now: '2026-01-01T00:00:00Z', ...patch };
    expect(() => nextCarePlanReview(input)).toThrow(CarePlanInputError);
    try {
      nextCarePlanReview(input);
    } catch (e) {
      expect((e as CarePlanInputError).field).toBe(field);
    }
  });
});
