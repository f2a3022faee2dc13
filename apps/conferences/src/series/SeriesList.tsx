import { useQuery, useTRPC } from '@caremap/api-client';
import {
  apiErrorDetails,
  Button,
  currentLanguage,
  EmptyState,
  ErrorState,
  formatDateTime,
  Loading,
  PageHeading,
} from '@caremap/ui';
import { ConfLink } from '../ConfLink';
import { go } from '../route';
import { useT } from '../translate';
import { RepeatSummary } from './RepeatSummary';

/** /conferences/series: the signalling-meeting series of the organiser's agencies. */
export function SeriesList() {
  const { t, ui } = useT();
  const trpc = useTRPC();
  const language = currentLanguage();
  const list = useQuery(trpc.series.list.queryOptions());
  const heading = (
    <PageHeading title={t('series.listTitle')}>
      <p>{t('series.listIntro')}</p>
    </PageHeading>
  );
  if (list.isPending) {
    return (
      <>
        {heading}
        <Loading />
      </>
    );
  }
  if (list.isError) {
    return (
      <>
        {heading}
        {apiErrorDetails(list.error, ui).kind === 'forbidden' ? (
          <EmptyState title={t('conferences.orgOnlyTitle')}>
            <p>{t('series.orgOnlyBody')}</p>
          </EmptyState>
        ) : (
          <ErrorState
            title={t('series.loadFailed')}
            message={apiErrorDetails(list.error, ui).message}
            onRetry={() => void list.refetch()}
          />
        )}
      </>
    );
  }
  return (
    <>
      {heading}
      <div className="conf-actions">
        <Button onClick={() => go('/conferences/series/new')}>{t('series.newSeries')}</Button>
        <ConfLink href="/conferences">{t('conferences.backToList')}</ConfLink>
      </div>
      {list.data.items.length === 0 ? (
        <EmptyState title={t('series.emptyTitle')}>
          <p>{t('series.emptyBody')}</p>
        </EmptyState>
      ) : (
        <ul className="conf-list" aria-label={t('series.listTitle')}>
          {list.data.items.map((s) => (
            <li key={s.id} className="conf-item">
              <h2 className="conf-item__title">
                <ConfLink href={`/conferences/series/${s.id}`}>{s.title}</ConfLink>
              </h2>
              <p className="conf-muted">
                {s.agencyName} · <RepeatSummary rrule={s.rrule} />
              </p>
              <p>
                {s.nextStartsAt
                  ? t('series.nextMeeting', { when: formatDateTime(s.nextStartsAt, language, s.timezone) })
                  : t('series.noNextMeeting')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
