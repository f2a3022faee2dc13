import { type RouterOutputs, useQuery, useTRPC } from '@caremap/api-client';
import { type AreaCollection, bboxOf, ServiceMap } from '@caremap/map';
import {
  currentLanguage,
  EmptyState,
  ErrorState,
  formatApiError,
  formatCountry,
  formatNumber,
  Link,
  Loading,
  QueryState,
  ScrollRegion,
  useMapLabels,
} from '@caremap/ui';
import { useId, useMemo } from 'react';
import { kindLabelKey } from './kinds';
import { TerritoryTree } from './TerritoryTree';
import { useT } from './translate';

type Territory = RouterOutputs['territory']['mine']['items'][number];

function toAreas(items: Territory[]): AreaCollection {
  return {
    type: 'FeatureCollection',
    features: items.map((item) => ({
      type: 'Feature',
      id: item.id,
      geometry: item.geometry,
      properties: { name: item.name, approximate: item.approximate },
    })),
  };
}

export function Territories() {
  const { t } = useT();
  const trpc = useTRPC();
  const hintId = useId();
  const territories = useQuery(trpc.territory.mine.queryOptions());
  const tree = useQuery(trpc.territory.tree.queryOptions());
  const labels = useMapLabels(t('network.mapLabel'));
  const areas = useMemo(() => toAreas(territories.data?.items ?? []), [territories.data]);
  const fitBounds = useMemo(() => bboxOf(areas.features), [areas]);

  if (territories.isPending) return <Loading />;
  if (territories.isError) {
    return (
      <ErrorState
        title={t('network.loadFailed')}
        message={formatApiError(territories.error, t as never)}
        onRetry={() => void territories.refetch()}
      />
    );
  }
  const items = territories.data.items;
  if (items.length === 0) {
    return (
      <EmptyState title={t('network.emptyTitle')}>
        <p>{t('network.emptyBody')}</p>
      </EmptyState>
    );
  }
  const language = currentLanguage();
  const anyApproximate = items.some((item) => item.approximate);
  return (
    <div className="net-layout">
      <div className="terr-overview">
        <section className="terr-tree-card" aria-labelledby={`${hintId}-tree`}>
          <h2 id={`${hintId}-tree`} className="terr-h2">
            {t('territories.treeHeading')}
          </h2>
          <QueryState query={tree} failed={t('territories.treeFailed')} as="h3">
            {(data) => <TerritoryTree items={data.items} label={t('territories.treeHeading')} />}
          </QueryState>
          <p>
            <Link className="cm-button cm-button--secondary" href="/network/territories/new">
              {t('territories.newLink')}
            </Link>
          </p>
        </section>
        <ServiceMap className="net-map" labels={labels} areas={areas} fitBounds={fitBounds} />
      </div>
      <ScrollRegion className="net-table-wrap" label={t('network.tableCaption')}>
        <table className="net-table">
          <caption>{t('network.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('network.colName')}</th>
              <th scope="col">{t('network.colKind')}</th>
              <th scope="col">{t('network.colCountry')}</th>
              <th scope="col" className="net-num">
                {t('network.colLocations')}
              </th>
              <th scope="col" className="net-num">
                {t('network.colPartners')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <th scope="row">
                  {item.name}
                  {item.approximate ? (
                    <>
                      {' '}
                      <span className="cm-badge cm-badge--warning" aria-describedby={hintId}>
                        {t('network.approximate')}
                      </span>
                    </>
                  ) : null}
                </th>
                <td>{t(kindLabelKey[item.kind])}</td>
                <td>{formatCountry(item.country, language)}</td>
                <td className="net-num">{formatNumber(item.locationCount, language)}</td>
                <td className="net-num">{formatNumber(item.partnerInstitutionCount, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {anyApproximate ? (
          <p id={hintId} className="net-hint">
            {t('network.approximateHint')}
          </p>
        ) : null}
      </ScrollRegion>
    </div>
  );
}
