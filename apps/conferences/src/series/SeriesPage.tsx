import { useQuery, useTRPC } from '@caremap/api-client';
import { apiErrorDetails, EmptyState, ErrorState, Loading, PageHeading } from '@caremap/ui';
import type { ReactNode } from 'react';
import { ConfLink } from '../ConfLink';
import { go } from '../route';
import { useT } from '../translate';
import { Occurrences } from './Occurrences';
import { RepeatSummary } from './RepeatSummary';
import { SeriesForm } from './SeriesForm';

function OptionsGate(props: { heading: ReactNode; children: (o: OptionsData) => ReactNode }) {
  const { t, ui } = useT();
  const trpc = useTRPC();
  const options = useQuery(trpc.conference.options.queryOptions());
  if (options.isPending)
    return (
      <>
        {props.heading}
        <Loading />
      </>
    );
  if (options.isError || options.data.organiserAgencyIds.length === 0) {
    const forbidden = !options.isError || apiErrorDetails(options.error, ui).kind === 'forbidden';
    return (
      <>
        {props.heading}
        {forbidden ? (
          <EmptyState title={t('conferences.orgOnlyTitle')}>
            <p>{t('series.orgOnlyBody')}</p>
          </EmptyState>
        ) : (
          <ErrorState
            title={t('conferences.loadFailed')}
            message={apiErrorDetails(options.error, ui).message}
            onRetry={() => void options.refetch()}
          />
        )}
      </>
    );
  }
  return (
    <>
      {props.heading}
      {props.children(options.data)}
    </>
  );
}
type OptionsData = Parameters<typeof SeriesForm>[0]['options'];

/** /conferences/series/new */
export function NewSeries() {
  const { t } = useT();
  const heading = (
    <PageHeading title={t('series.newTitle')}>
      <p>{t('series.newIntro')}</p>
    </PageHeading>
  );
  return (
    <OptionsGate heading={heading}>
      {(options) => <SeriesForm options={options} onSaved={(id) => go(`/conferences/series/${id}`)} />}
    </OptionsGate>
  );
}

/** /conferences/series/<id>: the next meetings (skip, move, schedule) and the series' settings. */
export function SeriesPage({ seriesId }: { seriesId: string }) {
  const { t, ui } = useT();
  const trpc = useTRPC();
  const series = useQuery(trpc.series.get.queryOptions({ seriesId }));
  if (series.isPending) return <Loading />;
  if (series.isError) {
    const notFound = apiErrorDetails(series.error, ui).kind === 'not-found';
    return notFound ? (
      <EmptyState as="h1" title={t('series.notFoundTitle')}>
        <p>{t('series.notFoundBody')}</p>
        <ConfLink href="/conferences/series">{t('series.backToSeries')}</ConfLink>
      </EmptyState>
    ) : (
      <ErrorState
        as="h1"
        title={t('series.loadFailed')}
        message={apiErrorDetails(series.error, ui).message}
        onRetry={() => void series.refetch()}
      />
    );
  }
  const s = series.data;
  const heading = (
    <PageHeading title={s.title}>
      <p>
        {s.agencyName} · <RepeatSummary rrule={s.rrule} /> · {s.timezone}
      </p>
      <p>
        <ConfLink href="/conferences/series">{t('series.backToSeries')}</ConfLink>
      </p>
    </PageHeading>
  );
  return (
    <OptionsGate heading={heading}>
      {(options) => (
        <>
          <section className="conf-section-block" aria-labelledby="series-occ-title">
            <h2 id="series-occ-title" className="conf-subtitle">
              {t('series.occurrencesTitle')}
            </h2>
            <p className="conf-muted">{t('series.occurrencesIntro', { zone: s.timezone })}</p>
            <Occurrences seriesId={s.id} />
          </section>
          <section className="conf-section-block" aria-labelledby="series-edit-title">
            <h2 id="series-edit-title" className="conf-subtitle">
              {t('series.editTitle')}
            </h2>
            {/* A new key after each save: the form starts again from the stored version. */}
            <SeriesForm key={s.version} options={options} series={s} onSaved={() => undefined} />
          </section>
        </>
      )}
    </OptionsGate>
  );
}
