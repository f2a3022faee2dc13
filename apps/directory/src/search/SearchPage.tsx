import { bboxOf, type PointCollection, ServiceMap } from '@caremap/map';
import {
  Button,
  currentLanguage,
  EmptyState,
  ErrorState,
  formatApiError,
  formatNumber,
  Loading,
  PageHeading,
  useMapLabels,
  useTranslation,
} from '@caremap/ui';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useServiceSearch } from '../api';
import {
  DEFAULT_RADIUS_KM,
  type FindQuery,
  findUrl,
  hasPlace,
  PAGE_SIZE,
  RADII_KM,
  tileUrl,
  toSearchInput,
  toSearchParams,
} from '../query';
import { goTo } from '../routing';
import { Filters } from './Filters';
import { Pagination } from './Pagination';
import { ResultList } from './ResultList';
import { SearchForm } from './SearchForm';

const NARROW = '(max-width: 40rem)';
const isNarrow = () => typeof matchMedia === 'function' && matchMedia(NARROW).matches;

export function SearchPage({ query }: { query: FindQuery }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const input = useMemo(() => toSearchInput(query), [query]);
  const results = useServiceSearch(input);
  const [mapShown, setMapShown] = useState(() => !isNarrow());
  const [highlighted, setHighlighted] = useState<string | undefined>();
  const [reveal, setReveal] = useState<{ id: string } | undefined>();
  const mapLabels = useMapLabels(t('find.map.label'));
  const headingId = useId();
  const mapId = useId();
  const search = toSearchParams(query).toString();

  const apply = (next: FindQuery) => goTo(findUrl(next));
  const headingRef = useRef<HTMLHeadingElement>(null);

  const items = results.data?.items ?? [];
  const total = results.data?.total ?? 0;
  const page = results.data?.page ?? query.page ?? 1;
  const pages = Math.max(1, Math.ceil(total / (results.data?.size ?? PAGE_SIZE)));

  // A page past the end (fewer results since the link was made): show the last page instead.
  const pastEnd = Boolean(results.data && total > 0 && items.length === 0 && page > 1);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the answer says so
  useEffect(() => {
    if (pastEnd) goTo(findUrl({ ...query, page: pages }), { replace: true });
  }, [pastEnd]);

  // Another page of results: the reader continues at the top of the list, not at the pager.
  const shownPage = query.page ?? 1;
  const firstPage = useRef(shownPage);
  useEffect(() => {
    if (shownPage === firstPage.current) return;
    firstPage.current = shownPage;
    headingRef.current?.focus();
  }, [shownPage]);

  const points = useMemo<PointCollection>(
    () => ({
      type: 'FeatureCollection',
      features: items
        .filter((item) => item.lat !== null && item.lng !== null)
        .map((item) => ({
          type: 'Feature',
          id: item.id,
          geometry: { type: 'Point', coordinates: [item.lng as number, item.lat as number] },
          properties: { id: item.id, name: item.name },
        })),
    }),
    [items],
  );
  // The map shows every match (the server's vector tiles, clustered); it opens on this page's.
  const bounds = useMemo(() => bboxOf(points.features), [points]);
  const tiles = useMemo(() => tileUrl(query), [query]);

  const radius = query.radiusKm ?? DEFAULT_RADIUS_KM;
  const wider = RADII_KM.find((km) => km > radius);
  const filtered =
    query.openNow ||
    query.free ||
    query.wheelchair ||
    query.age !== undefined ||
    query.language ||
    query.attendingType ||
    query.taxonomyTermId;

  // The live region says how many were found once the answer is in, and nothing while loading.
  // (An error is announced by the error state's own role=alert.)
  const announcement =
    results.data && !results.isFetching
      ? t('find.results.count', { count: formatNumber(total, language) })
      : '';

  let body: React.ReactNode;
  if (results.isPending) body = <Loading label={t('find.results.loading')} />;
  else if (results.isError && !results.data) {
    body = (
      <ErrorState
        as="h3"
        title={t('find.results.failed')}
        message={formatApiError(results.error, t)}
        onRetry={() => void results.refetch()}
      />
    );
  } else if (total === 0) {
    body = (
      <EmptyState
        as="h3"
        title={t('find.results.emptyTitle')}
        action={
          <div className="find-empty__actions">
            {hasPlace(query) && wider ? (
              <Button
                variant="secondary"
                onClick={() => apply({ ...query, radiusKm: wider, page: undefined })}
              >
                {t('find.results.widen', { km: wider })}
              </Button>
            ) : null}
            {filtered ? (
              <Button
                variant="secondary"
                onClick={() =>
                  apply({
                    ...query,
                    openNow: undefined,
                    free: undefined,
                    wheelchair: undefined,
                    age: undefined,
                    language: undefined,
                    attendingType: undefined,
                    taxonomyTermId: undefined,
                    page: undefined,
                  })
                }
              >
                {t('find.filters.clear')}
              </Button>
            ) : null}
          </div>
        }
      >
        <p>{t('find.results.emptyHint')}</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <ResultList
          items={items}
          search={search}
          firstIndex={(page - 1) * (results.data?.size ?? PAGE_SIZE)}
          highlightedId={highlighted}
          onHighlight={setHighlighted}
          revealId={reveal}
        />
        <Pagination query={query} page={page} pages={pages} />
      </>
    );
  }

  return (
    <div className="find">
      <PageHeading title={t('find.title')}>
        <p>{t('find.intro')}</p>
      </PageHeading>
      <SearchForm query={query} onSearch={apply} />
      <Filters query={query} onChange={apply} />
      <section className="find-body" aria-labelledby={headingId}>
        <div className="find-body__bar">
          <h2 id={headingId} ref={headingRef} tabIndex={-1}>
            {t('find.results.title')}
          </h2>
          <p className="find-body__count" role="status" aria-live="polite">
            {announcement}
          </p>
          <div className="find-body__tools">
            <Button variant="quiet" className="find-print" onClick={() => window.print()}>
              {t('find.print.list')}
            </Button>
            <Button
              variant="secondary"
              aria-expanded={mapShown}
              aria-controls={mapId}
              onClick={() => setMapShown((shown) => !shown)}
            >
              {mapShown ? t('find.map.hide') : t('find.map.show')}
            </Button>
          </div>
        </div>
        <div className={mapShown ? 'find-layout' : 'find-layout find-layout--list-only'}>
          <div className="find-list" aria-busy={results.isFetching}>
            {results.isFetching && results.data ? (
              <p className="find-updating">{t('find.results.updating')}</p>
            ) : null}
            {body}
          </div>
          <div id={mapId} className="find-map" hidden={!mapShown}>
            {mapShown ? (
              <ServiceMap
                labels={mapLabels}
                tileUrl={tiles}
                fitBounds={bounds}
                highlightedId={highlighted}
                onPointClick={(id) => {
                  setHighlighted(id);
                  setReveal({ id });
                }}
              />
            ) : null}
          </div>
        </div>
      </section>
    </div>
  );
}
