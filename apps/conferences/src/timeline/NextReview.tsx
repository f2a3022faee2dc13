import type { RouterOutputs } from '@caremap/api-client';
import { currentLanguage, formatDateTime, isoDateTime } from '@caremap/ui';
import { ConfLink } from '../ConfLink';
import { formatDay } from '../record/shared';
import { useT } from '../translate';

type Review = NonNullable<RouterOutputs['caseTimeline']['get']['nextReview']>;

const statusKey = {
  overdue: 'caseTimeline.reviewOverdue',
  due_soon: 'caseTimeline.reviewDueSoon',
  ok: 'caseTimeline.reviewOk',
} as const satisfies Record<NonNullable<Review['due']>['status'], string>;

/** When the case's next care plan review is due (six months after the last one) and whether it is booked. */
export function NextReview({ review }: { review: Review }) {
  const { t } = useT();
  const language = currentLanguage();
  const { due, booked } = review;
  const late = !!booked && !booked.onTime;
  const tone =
    due?.status === 'overdue' || late ? 'danger' : due?.status === 'due_soon' && !booked ? 'warning' : 'ok';
  return (
    <section className={`tl-review tl-review--${tone}`} aria-labelledby="tl-review-title">
      <h2 id="tl-review-title" className="tl-review__title">
        {t('caseTimeline.nextReview')}
      </h2>
      <dl className="conf-item__facts">
        {due ? (
          <div>
            <dt>{t('caseTimeline.reviewDueBy')}</dt>
            <dd>
              <time dateTime={due.dueBy}>{formatDay(due.dueBy, language)}</time>{' '}
              {booked?.onTime ? null : (
                <span
                  className={`cm-badge${due.status === 'overdue' ? ' tl-badge--overdue' : due.status === 'due_soon' ? ' cm-badge--warning' : ''}`}
                >
                  {t(statusKey[due.status])}
                </span>
              )}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('caseTimeline.reviewBooked')}</dt>
          <dd>
            {booked ? (
              <>
                <ConfLink href={`/conferences/${booked.conferenceId}`}>
                  <time dateTime={isoDateTime(booked.startsAt)}>
                    {formatDateTime(booked.startsAt, language, booked.timezone)}
                  </time>
                </ConfLink>{' '}
                {late ? (
                  <span className="cm-badge tl-badge--overdue">{t('caseTimeline.reviewLate')}</span>
                ) : (
                  <span className="cm-badge">{t('caseTimeline.reviewOnTime')}</span>
                )}
              </>
            ) : (
              t('caseTimeline.reviewNotBooked')
            )}
          </dd>
        </div>
        {review.lastHeldOn && review.lastConferenceId ? (
          <div>
            <dt>{t('caseTimeline.reviewLast')}</dt>
            <dd>
              <ConfLink href={`/conferences/${review.lastConferenceId}`}>
                <time dateTime={review.lastHeldOn}>{formatDay(review.lastHeldOn, language)}</time>
              </ConfLink>
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
