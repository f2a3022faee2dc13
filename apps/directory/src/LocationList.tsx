import { keepPreviousData, useInfiniteQuery, useTRPCClient } from '@caremap/api-client';
import type { Bbox } from '@caremap/map';
import {
  Button,
  currentLanguage,
  EmptyState,
  ErrorState,
  formatApiError,
  formatNumber,
  Loading,
  useTranslation,
} from '@caremap/ui';
import { type ReactNode, useEffect, useId, useRef } from 'react';

const PAGE_SIZE = 20;

/**
 * The accessible twin of the map: every place in the current map view, page by page. After "Show
 * more", focus moves to the first newly shown place so keyboard users continue where they were.
 */
export function LocationList({ bbox }: { bbox: Bbox | undefined }) {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const headingId = useId();
  const list = useInfiniteQuery({
    queryKey: ['directory.locations', { bbox, size: PAGE_SIZE }],
    queryFn: ({ pageParam, signal }) =>
      client.directory.locations.query({ bbox, page: pageParam, size: PAGE_SIZE }, { signal }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.size < last.total ? last.page + 1 : undefined),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  const focusFrom = useRef<number | null>(null);
  const itemRefs = useRef(new Map<number, HTMLHeadingElement>());
  // A new map view starts a new list: a pending "focus the first new place" no longer applies.
  const bboxKey = bbox?.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset whenever the view changes
  useEffect(() => {
    focusFrom.current = null;
  }, [bboxKey]);
  useEffect(() => {
    if (focusFrom.current !== null && items.length > focusFrom.current) {
      itemRefs.current.get(focusFrom.current)?.focus();
      focusFrom.current = null;
    }
  }, [items.length]);

  const language = currentLanguage();
  let body: ReactNode;
  if (list.isPending) body = <Loading />;
  else if (list.isError && !list.data) {
    body = (
      <ErrorState
        as="h3"
        title={t('directory.loadFailed')}
        message={formatApiError(list.error, t)}
        onRetry={() => void list.refetch()}
      />
    );
  } else if (total === 0) {
    body = (
      <EmptyState as="h3" title={t('directory.emptyTitle')}>
        <p>{t('directory.emptyBody')}</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <ul className="dir-places">
          {items.map((place, index) => (
            <li key={place.locationId} className="dir-place">
              <h3
                tabIndex={-1}
                ref={(element) => {
                  if (element) itemRefs.current.set(index, element);
                  else itemRefs.current.delete(index);
                }}
              >
                {place.name}
              </h3>
              <p className="dir-place__meta">
                {place.organizationName !== place.name ? place.organizationName : null}
                {place.organizationName !== place.name && place.city ? ' · ' : null}
                {place.city}
              </p>
              {place.services.length ? (
                <ul className="dir-place__services" aria-label={t('directory.servicesHere')}>
                  {place.services.map((service) => (
                    <li key={service.id}>{service.name}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
        {list.isFetchNextPageError ? (
          <ErrorState
            as="h3"
            title={t('directory.loadFailed')}
            message={formatApiError(list.error, t)}
            onRetry={() => void list.fetchNextPage()}
          />
        ) : null}
        {list.hasNextPage ? (
          <Button
            variant="secondary"
            busy={list.isFetchingNextPage}
            onClick={() => {
              focusFrom.current = items.length;
              void list.fetchNextPage();
            }}
          >
            {t('common.showMore')}
          </Button>
        ) : null}
      </>
    );
  }

  return (
    <section className="dir-list" aria-labelledby={headingId} aria-busy={list.isFetching}>
      <h2 id={headingId}>{t('directory.listTitle')}</h2>
      <p className="dir-list__summary" aria-live="polite">
        {list.data && total > 0
          ? t('directory.listSummary', {
              shown: formatNumber(items.length, language),
              total: formatNumber(total, language),
            })
          : null}
      </p>
      {body}
    </section>
  );
}
