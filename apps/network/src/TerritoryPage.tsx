// /network/territories/<id>: one territory: where it sits in the hierarchy, its boundary on the
// map, the GeoJSON download, what lies inside it, and who is assigned (coordinators and
// administrators may change that).
import { type RouterOutputs, useMutation, useQuery, useQueryClient, useTRPC } from '@caremap/api-client';
import { type AreaCollection, bboxOf, ServiceMap } from '@caremap/map';
import {
  Button,
  currentLanguage,
  EmptyState,
  ErrorState,
  formatApiError,
  formatNumber,
  Link,
  Loading,
  PageHeading,
  useMapLabels,
} from '@caremap/ui';
import { useId, useMemo, useState } from 'react';
import { kindLabelKey } from './kinds';
import { territoryHref } from './TerritoryTree';
import { useT } from './translate';

type Territory = RouterOutputs['territory']['get'];

/** The territory report as plain downloads (GET /api/territories/<id>/report.{csv,pdf}). */
function ReportDownloads({ territoryId, language }: { territoryId: string; language: string }) {
  const { t } = useT();
  const headingId = useId();
  const href = (format: 'csv' | 'pdf') =>
    `/api/territories/${territoryId}/report.${format}?${new URLSearchParams({ lang: language })}`;
  return (
    <section className="terr-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="terr-h2">
        {t('territoryReport.heading')}
      </h2>
      <p>{t('territoryReport.intro')}</p>
      <p className="terr-row">
        <a className="cm-button cm-button--secondary" href={href('pdf')} download>
          {t('territoryReport.pdf')}
        </a>
        <a className="cm-button cm-button--secondary" href={href('csv')} download>
          {t('territoryReport.csv')}
        </a>
      </p>
    </section>
  );
}

export function TerritoryPage({ territoryId }: { territoryId: string }) {
  const { t } = useT();
  const trpc = useTRPC();
  const territory = useQuery(trpc.territory.get.queryOptions({ territoryId }));
  const labels = useMapLabels(t('territories.pageMapLabel'));
  const areas = useMemo<AreaCollection>(
    () => ({
      type: 'FeatureCollection',
      features: territory.data
        ? [
            {
              type: 'Feature',
              id: territory.data.id,
              geometry: territory.data.geometry,
              properties: { name: territory.data.name, approximate: territory.data.approximate },
            },
          ]
        : [],
    }),
    [territory.data],
  );
  const fitBounds = useMemo(() => bboxOf(areas.features), [areas]);

  if (territory.isPending)
    return (
      <div className="net">
        <PageHeading title={t('territories.pageLoading')} />
        <Loading />
      </div>
    );
  if (territory.isError)
    return (
      <div className="net">
        <PageHeading title={t('territories.pageFailed')} />
        <ErrorState
          title={t('territories.pageFailed')}
          message={formatApiError(territory.error, t as never)}
          onRetry={() => void territory.refetch()}
        />
        <p>
          <Link href="/network">{t('territories.backToNetwork')}</Link>
        </p>
      </div>
    );
  const data = territory.data;
  const language = currentLanguage();
  return (
    <div className="net terr-page">
      <nav className="terr-crumbs" aria-label={t('territories.breadcrumbs')}>
        <ol>
          <li>
            <Link href="/network">{t('territories.backToNetwork')}</Link>
          </li>
          {data.ancestors.map((a) => (
            <li key={a.id}>{a.name}</li>
          ))}
        </ol>
      </nav>
      <PageHeading title={data.name}>
        <p>
          {t(kindLabelKey[data.kind])}
          {data.approximate ? (
            <>
              {' '}
              <span className="cm-badge cm-badge--warning">{t('network.approximate')}</span>
            </>
          ) : null}
        </p>
      </PageHeading>
      <div className="terr-overview">
        <section className="terr-card" aria-labelledby="terr-facts-h">
          <h2 id="terr-facts-h" className="terr-h2">
            {t('territories.facts')}
          </h2>
          <dl className="terr-facts">
            <dt>{t('territories.area')}</dt>
            <dd>{formatNumber(Math.round(data.areaKm2), language)}</dd>
            <dt>{t('territories.vertices')}</dt>
            <dd>{formatNumber(data.vertices, language)}</dd>
            <dt>{t('network.colLocations')}</dt>
            <dd>{formatNumber(data.locationCount, language)}</dd>
            <dt>{t('network.colPartners')}</dt>
            <dd>{formatNumber(data.partnerInstitutionCount, language)}</dd>
            {data.code ? (
              <>
                <dt>{t('territories.code')}</dt>
                <dd>{data.code}</dd>
              </>
            ) : null}
            {data.source ? (
              <>
                <dt>{t('territories.source')}</dt>
                <dd>{data.source}</dd>
              </>
            ) : null}
          </dl>
          <p className="terr-row">
            <a
              className="cm-button cm-button--secondary"
              href={`/api/territories/${data.id}.geojson`}
              download
            >
              {t('territories.download')}
            </a>
            {data.may.createInside ? (
              <Link
                className="cm-button cm-button--secondary"
                href={`/network/territories/new?parent=${data.id}`}
              >
                {t('territories.newInside')}
              </Link>
            ) : null}
          </p>
        </section>
        <ServiceMap className="net-map" labels={labels} areas={areas} fitBounds={fitBounds} />
      </div>
      <ReportDownloads territoryId={data.id} language={language} />
      <section className="terr-card" aria-labelledby="terr-children-h">
        <h2 id="terr-children-h" className="terr-h2">
          {t('territories.children')}
        </h2>
        {data.children.length === 0 ? (
          <p>{t('territories.noChildren')}</p>
        ) : (
          <ul className="terr-list">
            {data.children.map((c) => (
              <li key={c.id}>
                <Link href={territoryHref(c.id)}>{c.name}</Link> ({t(kindLabelKey[c.kind])})
              </li>
            ))}
          </ul>
        )}
      </section>
      <Assignees territory={data} />
    </div>
  );
}

function Assignees({ territory }: { territory: Territory }) {
  const { t } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const selectId = useId();
  const candidates = useQuery({
    ...trpc.territory.assignable.queryOptions({ territoryId: territory.id }),
    enabled: territory.may.assign,
  });
  const [choice, setChoice] = useState('');
  const refresh = () => {
    void queryClient.invalidateQueries(trpc.territory.get.pathFilter());
    void queryClient.invalidateQueries(trpc.territory.assignable.pathFilter());
    void queryClient.invalidateQueries(trpc.territory.tree.pathFilter());
  };
  const assign = useMutation(trpc.territory.assign.mutationOptions({ onSuccess: refresh }));
  const unassign = useMutation(trpc.territory.unassign.mutationOptions({ onSuccess: refresh }));
  const error = assign.error ?? unassign.error;
  const open = candidates.data?.items.filter((c) => !c.assigned) ?? [];
  return (
    <section className="terr-card" aria-labelledby="terr-people-h">
      <h2 id="terr-people-h" className="terr-h2">
        {t('territories.assignees')}
      </h2>
      {territory.assignees.length === 0 ? (
        <EmptyState as="h3" title={t('territories.noAssignees')} />
      ) : (
        <ul className="terr-list">
          {territory.assignees.map((a) => (
            <li key={a.id} className="terr-row">
              <span>{a.displayName}</span>
              {territory.may.assign ? (
                <Button
                  variant="quiet"
                  disabled={unassign.isPending}
                  onClick={() => unassign.mutate({ territoryId: territory.id, userId: a.id })}
                >
                  {t('territories.unassign', { name: a.displayName })}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {territory.may.assign ? (
        candidates.isPending ? (
          <Loading />
        ) : candidates.isError ? (
          <p role="alert" className="terr-error">
            {formatApiError(candidates.error, t as never)}
          </p>
        ) : open.length === 0 ? (
          <p>{t('territories.nobodyToAssign')}</p>
        ) : (
          <form
            className="terr-row"
            onSubmit={(e) => {
              e.preventDefault();
              if (choice) assign.mutate({ territoryId: territory.id, userId: choice });
            }}
          >
            <label htmlFor={selectId}>{t('territories.assignLabel')}</label>
            <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
              <option value="">{t('territories.assignPlaceholder')}</option>
              {open.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.displayName}
                </option>
              ))}
            </select>
            <Button type="submit" disabled={!choice || assign.isPending}>
              {t('territories.assign')}
            </Button>
          </form>
        )
      ) : null}
      {error ? (
        <p role="alert" className="terr-error">
          {formatApiError(error, t as never)}
        </p>
      ) : null}
    </section>
  );
}
