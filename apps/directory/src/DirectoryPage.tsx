import { useQuery, useTRPC } from '@caremap/api-client';
import { type Bbox, bboxOf, ServiceMap } from '@caremap/map';
import { ErrorState, formatApiError, PageHeading, useMapLabels, useTranslation } from '@caremap/ui';
import { useMemo } from 'react';
import { LocationList } from './LocationList';
import { Stats } from './Stats';
import { useDebounced } from './use-debounced';

export function DirectoryPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const points = useQuery(trpc.directory.mapPoints.queryOptions({}));
  const labels = useMapLabels(t('directory.mapLabel'));
  // Panning fires many move ends; the list follows once the map has settled.
  const [bbox, setBbox] = useDebounced<Bbox | undefined>(undefined, 300);
  const fitBounds = useMemo(() => (points.data ? bboxOf(points.data.features) : undefined), [points.data]);

  return (
    <div className="dir">
      <PageHeading title={t('directory.title')}>
        <p>{t('directory.intro')}</p>
      </PageHeading>
      <Stats />
      <div className="dir-layout">
        <div className="dir-map">
          {points.isError ? (
            <ErrorState
              title={t('directory.loadFailed')}
              message={formatApiError(points.error, t)}
              onRetry={() => void points.refetch()}
            />
          ) : null}
          <ServiceMap labels={labels} points={points.data} fitBounds={fitBounds} onMoveEnd={setBbox} />
        </div>
        <LocationList bbox={bbox} />
      </div>
    </div>
  );
}
