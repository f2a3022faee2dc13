import { type RouterOutputs, useQuery, useTRPC } from '@caremap/api-client';
import { type AreaCollection, bboxOf, type PointCollection, ServiceMap } from '@caremap/map';
import {
  Button,
  currentLanguage,
  EmptyState,
  formatNumber,
  QueryState,
  ScrollRegion,
  useMapLabels,
} from '@caremap/ui';
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import {
  SignedInNetworkPage,
  type TermGroup,
  type Territory,
  WithTerritoriesAndTerms,
} from './NetworkScreen';
import { useT } from './translate';

type Result = RouterOutputs['coverage']['gaps'];

interface Query {
  territoryId: string;
  termIds: string[];
  distanceMeters: number;
}

/** The query in the URL (`?territory=…&types=a,b&km=15`), so an analysis can be shared and reloaded. */
function queryFromUrl(): Partial<Query> {
  const params = new URLSearchParams(window.location.search);
  const km = Number(params.get('km'));
  return {
    territoryId: params.get('territory') ?? undefined,
    termIds: params.get('types')?.split(',').filter(Boolean),
    distanceMeters: Number.isFinite(km) && km > 0 ? Math.round(km * 1000) : undefined,
  };
}

function writeUrl(query: Query) {
  const params = new URLSearchParams({
    territory: query.territoryId,
    types: query.termIds.join(','),
    km: String(query.distanceMeters / 1000),
  });
  window.history.replaceState(window.history.state, '', `${window.location.pathname}?${params}`);
}

/**
 * Coverage classes of the choropleth (share of the population living within reach), ColorBrewer
 * YlGnBu: sequential, colour-blind safe and readable in grey; light = the gaps.
 */
export const coverageClasses = [
  { min: 0, color: '#ffffcc', key: 'coverage.classBelow50' },
  { min: 0.5, color: '#a1dab4', key: 'coverage.class50' },
  { min: 0.75, color: '#41b6c4', key: 'coverage.class75' },
  { min: 0.9, color: '#2c7fb8', key: 'coverage.class90' },
  { min: 0.999_5, color: '#253494', key: 'coverage.class100' },
] as const;

export function coverageColor(share: number | null): string {
  if (share === null) return '#d9d9d9';
  let color: string = coverageClasses[0].color;
  for (const c of coverageClasses) if (share >= c.min) color = c.color;
  return color;
}

/** Uncovered settlements on the map: Okabe-Ito vermillion, distinct from every choropleth class. */
const GAP_COLOR = '#d55e00';

function choropleth(result: Result, territory: Territory | undefined): AreaCollection {
  const parts = result.children.length
    ? result.children.map((child) => ({
        type: 'Feature' as const,
        id: child.id,
        geometry: child.geometry,
        properties: { name: child.name, fill: coverageColor(child.coveredShare), fillOpacity: 0.6 },
      }))
    : territory
      ? [
          {
            type: 'Feature' as const,
            id: territory.id,
            geometry: territory.geometry,
            properties: {
              name: territory.name,
              fill: coverageColor(result.summary.coveredShare),
              fillOpacity: 0.6,
            },
          },
        ]
      : [];
  return { type: 'FeatureCollection', features: parts };
}

function gapPoints(result: Result): PointCollection {
  return {
    type: 'FeatureCollection',
    features: result.settlements
      .filter((s) => !s.covered)
      .map((s) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [s.lng, s.lat] },
        properties: { id: String(s.geonameId), color: GAP_COLOR },
      })),
  };
}

/** One decimal at most ("0,3", "12.5"); a dash for no value. */
const decimal = (value: number | null, language: string) =>
  value === null ? '–' : new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);

const percent = (share: number | null, language: string) =>
  share === null
    ? '–'
    : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(share);

function CoverageForm({
  territories,
  groups,
  initial,
  onSubmit,
}: {
  territories: Territory[];
  groups: TermGroup[];
  initial: Partial<Query>;
  onSubmit: (query: Query) => void;
}) {
  const { t } = useT();
  const id = useId();
  const [territoryId, setTerritoryId] = useState(
    initial.territoryId && territories.some((x) => x.id === initial.territoryId)
      ? initial.territoryId
      : (territories[0]?.id ?? ''),
  );
  const [termIds, setTermIds] = useState<string[]>(initial.termIds ?? []);
  const [km, setKm] = useState(String((initial.distanceMeters ?? 15_000) / 1000));
  const [errors, setErrors] = useState<{ types?: string; km?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const distance = Number(km.replace(',', '.'));
    const next: typeof errors = {};
    if (termIds.length === 0) next.types = t('coverage.errorTypes');
    if (!Number.isFinite(distance) || distance < 0.5 || distance > 200) next.km = t('coverage.errorKm');
    setErrors(next);
    if (next.types || next.km) return;
    onSubmit({ territoryId, termIds, distanceMeters: Math.round(distance * 1000) });
  };
  const toggle = (termId: string, on: boolean) =>
    setTermIds((ids) => (on ? [...ids, termId] : ids.filter((x) => x !== termId)));

  return (
    <form className="cov-form" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="cm-visually-hidden">
        {t('coverage.formTitle')}
      </h2>
      <div className="cov-field">
        <label htmlFor={`${id}-territory`}>{t('coverage.fieldTerritory')}</label>
        <select id={`${id}-territory`} value={territoryId} onChange={(e) => setTerritoryId(e.target.value)}>
          {territories.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </div>
      <div className="cov-field">
        <label htmlFor={`${id}-km`}>{t('coverage.fieldKm')}</label>
        <input
          id={`${id}-km`}
          inputMode="decimal"
          value={km}
          onChange={(e) => setKm(e.target.value)}
          aria-invalid={errors.km ? true : undefined}
          aria-describedby={errors.km ? `${id}-km-error` : `${id}-km-hint`}
        />
        {errors.km ? (
          <p id={`${id}-km-error`} className="cov-error">
            {errors.km}
          </p>
        ) : (
          <p id={`${id}-km-hint`} className="net-hint">
            {t('coverage.kmHint')}
          </p>
        )}
      </div>
      <fieldset
        className="cov-types"
        aria-invalid={errors.types ? true : undefined}
        aria-describedby={errors.types ? `${id}-types-error` : undefined}
      >
        <legend>{t('coverage.fieldTypes')}</legend>
        {errors.types ? (
          <p id={`${id}-types-error`} className="cov-error">
            {errors.types}
          </p>
        ) : null}
        <div className="cov-groups">
          {groups.map((group) => (
            <div key={group.id} className="cov-group">
              <p className="cov-group__title">{group.label}</p>
              {group.terms.map((term) => (
                <label key={term.id} className="cov-check">
                  <input
                    type="checkbox"
                    checked={termIds.includes(term.id)}
                    onChange={(e) => toggle(term.id, e.target.checked)}
                  />
                  {term.label}
                </label>
              ))}
            </div>
          ))}
        </div>
      </fieldset>
      <div>
        <Button type="submit" variant="primary">
          {t('coverage.analyse')}
        </Button>
      </div>
    </form>
  );
}

function Legend() {
  const { t } = useT();
  return (
    <div className="cov-legend">
      <p className="cov-legend__title">{t('coverage.legendTitle')}</p>
      <ul>
        {coverageClasses.map((c) => (
          <li key={c.key}>
            <span className="cov-swatch" style={{ background: c.color }} aria-hidden="true" />
            {t(c.key)}
          </li>
        ))}
        <li>
          <span className="cov-swatch cov-swatch--dot" style={{ background: GAP_COLOR }} aria-hidden="true" />
          {t('coverage.legendGap')}
        </li>
      </ul>
    </div>
  );
}

function CoverageResultView({
  result,
  query,
  territory,
}: {
  result: Result;
  query: Query;
  territory?: Territory;
}) {
  const { t } = useT();
  const language = currentLanguage();
  const labels = useMapLabels(t('coverage.mapLabel'));
  const areas = useMemo(() => choropleth(result, territory), [result, territory]);
  const points = useMemo(() => gapPoints(result), [result]);
  const fitBounds = useMemo(() => bboxOf(areas.features), [areas]);
  const km = formatNumber(query.distanceMeters / 1000, language);
  const gaps = result.settlements.filter((s) => !s.covered);
  const partName = new Map(result.children.map((c) => [c.id, c.name]));
  const csvUrl = `/api/network/coverage.csv?${new URLSearchParams({
    territoryId: query.territoryId,
    termIds: query.termIds.join(','),
    distanceMeters: String(query.distanceMeters),
    lang: language,
  })}`;
  const s = result.summary;
  const q = result.dataQuality;

  return (
    <section className="cov-result" aria-labelledby="cov-result-h">
      <h2 id="cov-result-h">{t('coverage.resultTitle', { name: result.territory.name, km })}</h2>
      <p role="status" className="cov-status">
        {t('coverage.resultStatus', {
          count: s.uncoveredSettlements,
          settlements: formatNumber(s.settlements, language),
          population: formatNumber(s.uncoveredPopulation, language),
        })}
      </p>
      <dl className="cov-facts">
        <div>
          <dt>{t('coverage.factUncovered')}</dt>
          <dd>
            {formatNumber(s.uncoveredSettlements, language)} / {formatNumber(s.settlements, language)}
          </dd>
        </div>
        <div>
          <dt>{t('coverage.factPopulation')}</dt>
          <dd>
            {formatNumber(s.uncoveredPopulation, language)} (
            {percent(s.population ? s.uncoveredPopulation / s.population : null, language)})
          </dd>
        </div>
        <div>
          <dt>{t('coverage.factPer10k')}</dt>
          <dd>
            {decimal(s.servicesPer10k, language)}{' '}
            <span className="cov-muted">({t('coverage.servicesCount', { count: s.services })})</span>
          </dd>
        </div>
        <div>
          <dt>{t('coverage.factQuality')}</dt>
          <dd className="cov-facts__text">
            {t('coverage.quality', {
              schedules: percent(q.withSchedule, language),
              contacts: percent(q.withContact, language),
            })}
          </dd>
        </div>
      </dl>
      <p>
        <a className="cm-button cm-button--secondary" href={csvUrl} download>
          {t('coverage.downloadCsv')}
        </a>
      </p>
      <div className="cov-map-wrap">
        <ServiceMap
          className="net-map"
          labels={labels}
          areas={areas}
          points={points}
          cluster={false}
          fitBounds={fitBounds}
        />
        <Legend />
      </div>
      {gaps.length === 0 ? (
        <EmptyState title={t('coverage.noGapsTitle')}>
          <p>{t('coverage.noGapsBody', { km })}</p>
        </EmptyState>
      ) : (
        <ScrollRegion className="net-table-wrap" label={t('coverage.gapsCaption')}>
          <table className="net-table">
            <caption>{t('coverage.gapsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coverage.colSettlement')}</th>
                <th scope="col" className="net-num">
                  {t('coverage.colPopulation')}
                </th>
                <th scope="col" className="net-num">
                  {t('coverage.colNearest')}
                </th>
                {result.children.length ? <th scope="col">{t('coverage.colPart')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {gaps.map((g) => (
                <tr key={g.geonameId}>
                  <th scope="row">{g.name}</th>
                  <td className="net-num">{formatNumber(g.population, language)}</td>
                  <td className="net-num">
                    {g.nearestMeters === null
                      ? t('coverage.nearestFar', {
                          km: formatNumber((query.distanceMeters * 3) / 1000, language),
                        })
                      : `${decimal(g.nearestMeters / 1000, language)} km`}
                  </td>
                  {result.children.length ? (
                    <td>{(g.childTerritoryId && partName.get(g.childTerritoryId)) || '–'}</td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {result.children.length ? (
        <ScrollRegion className="net-table-wrap" label={t('coverage.partsCaption')}>
          <table className="net-table">
            <caption>{t('coverage.partsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coverage.colPart')}</th>
                <th scope="col" className="net-num">
                  {t('coverage.colCovered')}
                </th>
                <th scope="col" className="net-num">
                  {t('coverage.colUncoveredPopulation')}
                </th>
                <th scope="col" className="net-num">
                  {t('coverage.colPer10k')}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.children.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <span
                      className="cov-swatch"
                      style={{ background: coverageColor(c.coveredShare) }}
                      aria-hidden="true"
                    />
                    {c.name}
                  </th>
                  <td className="net-num">{percent(c.coveredShare, language)}</td>
                  <td className="net-num">{formatNumber(c.uncoveredPopulation, language)}</td>
                  <td className="net-num">{decimal(c.servicesPer10k, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </section>
  );
}

function CoverageScreen({ items, groups }: { items: Territory[]; groups: TermGroup[] }) {
  const { t } = useT();
  const trpc = useTRPC();
  const initial = useMemo(queryFromUrl, []);
  const [query, setQuery] = useState<Query | null>(() =>
    initial.territoryId && initial.termIds?.length && initial.distanceMeters ? (initial as Query) : null,
  );
  const result = useQuery({
    ...trpc.coverage.gaps.queryOptions(query ?? { territoryId: '', termIds: [], distanceMeters: 15_000 }),
    enabled: query !== null,
  });
  useEffect(() => {
    if (query) writeUrl(query);
  }, [query]);
  return (
    <div className="cov-layout">
      <CoverageForm territories={items} groups={groups} initial={initial} onSubmit={setQuery} />
      {query === null ? (
        <p className="net-hint">{t('coverage.start')}</p>
      ) : (
        <QueryState query={result} failed={t('coverage.failed')}>
          {(data) => (
            <CoverageResultView
              result={data}
              query={query}
              territory={items.find((x) => x.id === query.territoryId)}
            />
          )}
        </QueryState>
      )}
    </div>
  );
}

/** /network/coverage: which settlements of a territory have no service of the chosen types near. */
export function Coverage() {
  const { t } = useT();
  return (
    <SignedInNetworkPage title={t('coverage.title')} intro={t('coverage.intro')} next="/network/coverage">
      <WithTerritoriesAndTerms loadFailed={t('coverage.loadFailed')}>
        {(items, groups) => <CoverageScreen items={items} groups={groups} />}
      </WithTerritoriesAndTerms>
    </SignedInNetworkPage>
  );
}
