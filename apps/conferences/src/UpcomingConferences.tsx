import { useQuery, useTRPC } from '@caremap/api-client';
import {
  apiErrorDetails,
  currentLanguage,
  EmptyState,
  ErrorState,
  formatApiError,
  formatDateTimeRange,
  formatNumber,
  isoDateTime,
  Loading,
  useTranslation,
} from '@caremap/ui';
import { ConfLink } from './ConfLink';
import { kindLabelKey, statusLabelKey } from './labels';
import { CaseRefLink } from './timeline/CaseRefLink';

export function UpcomingConferences() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const upcoming = useQuery(trpc.conference.upcoming.queryOptions());

  if (upcoming.isPending) return <Loading />;
  if (upcoming.isError) {
    // Signed in, but no role that sees conferences (an administrator): say why, with no retry.
    if (apiErrorDetails(upcoming.error, t).kind === 'forbidden') {
      return (
        <EmptyState title={t('conferences.forbiddenTitle')}>
          <p>{t('conferences.forbiddenBody')}</p>
        </EmptyState>
      );
    }
    return (
      <ErrorState
        title={t('conferences.loadFailed')}
        message={formatApiError(upcoming.error, t)}
        onRetry={() => void upcoming.refetch()}
      />
    );
  }
  const items = upcoming.data.items;
  if (items.length === 0) {
    return (
      <EmptyState title={t('conferences.emptyTitle')}>
        <p>{t('conferences.emptyBody')}</p>
      </EmptyState>
    );
  }
  const language = currentLanguage();
  return (
    <ol className="conf-list" aria-label={t('conferences.listLabel')}>
      {items.map((conference) => (
        <li key={conference.id} className={`conf-item conf-item--${conference.status}`}>
          <div className="conf-item__tags">
            <span className="cm-badge">{t(kindLabelKey[conference.kind])}</span>
            {conference.status !== 'scheduled' ? (
              <span className="cm-badge cm-badge--muted">{t(statusLabelKey[conference.status])}</span>
            ) : null}
          </div>
          <h2 className="conf-item__title">
            <ConfLink href={`/conferences/${conference.id}`}>{conference.title}</ConfLink>
          </h2>
          <p className="conf-item__when">
            <time dateTime={isoDateTime(conference.startsAt)}>
              {formatDateTimeRange(conference.startsAt, conference.endsAt, language, conference.timezone)}
            </time>
            <span className="conf-item__zone">
              {t('conferences.timeZone', { zone: conference.timezone })}
            </span>
          </p>
          <dl className="conf-item__facts">
            {conference.caseRef ? (
              <div>
                <dt>{t('conferences.caseRef')}</dt>
                <dd>
                  <CaseRefLink caseRef={conference.caseRef} />
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{t('conferences.agency')}</dt>
              <dd>{conference.agencyName}</dd>
            </div>
            <div>
              <dt>{t('conferences.participants')}</dt>
              <dd>{formatNumber(conference.participantCount, language)}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ol>
  );
}
