// /network/providers: the providers and partner institutions of one of the user's territories on a
// map (a layer per kind, toggled, with a legend) and in a table beside it; adding, editing (with
// conflicts and history), the "due for verification" list and the moderation queue.
import { type RouterOutputs, useQuery, useTRPC } from '@caremap/api-client';
import { type AreaCollection, bboxOf, type PointCollection, ServiceMap } from '@caremap/map';
import { Button, EmptyState, ErrorState, formatApiError, Loading, useMapLabels } from '@caremap/ui';
import { useId, useMemo, useState } from 'react';
import { useT } from '../translate';
import { DueList } from './DueList';
import {
  type Entity,
  entityLabelKey,
  type LayerId,
  layerColors,
  layerIds,
  layerLabelKey,
  layerOf,
  type MapRecord,
} from './layers';
import { Moderation } from './Moderation';
import { PartnerCreate } from './PartnerCreate';
import { ProviderCreate } from './ProviderCreate';
import { RecordEditor } from './RecordEditor';
import { RecordTable } from './RecordTable';

type Territory = RouterOutputs['territory']['mine']['items'][number];
type Tab = 'map' | 'due' | 'queue';

export function Providers() {
  const { t } = useT();
  const trpc = useTRPC();
  const territories = useQuery(trpc.territory.mine.queryOptions());
  const [chosen, setChosen] = useState<string | null>(null);
  const selectId = useId();
  if (territories.isPending) return <Loading />;
  if (territories.isError)
    return (
      <ErrorState
        title={t('network.loadFailed')}
        message={formatApiError(territories.error, t as never)}
        onRetry={() => void territories.refetch()}
      />
    );
  const items = territories.data.items;
  if (items.length === 0)
    return (
      <EmptyState title={t('network.emptyTitle')}>
        <p>{t('network.emptyBody')}</p>
      </EmptyState>
    );
  const territory = items.find((i) => i.id === chosen) ?? items[0]!;
  return (
    <div className="prov">
      <div className="prov-field prov-territory">
        <label htmlFor={selectId} className="prov-field__label">
          {t('providers.territory')}
        </label>
        <select id={selectId} value={territory.id} onChange={(e) => setChosen(e.target.value)}>
          {items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </select>
      </div>
      <TerritoryRecords key={territory.id} territory={territory} />
    </div>
  );
}

function TerritoryRecords({ territory }: { territory: Territory }) {
  const { t } = useT();
  const [tab, setTab] = useState<Tab>('map');
  const tabs: Array<[Tab, string]> = [
    ['map', t('providers.tabMap')],
    ['due', t('providers.tabDue')],
    ['queue', t('providers.tabQueue')],
  ];
  return (
    <>
      <nav className="prov-tabs" aria-label={t('providers.tabsLabel')}>
        {tabs.map(([id, label]) => (
          <Button
            key={id}
            variant={tab === id ? 'primary' : 'secondary'}
            aria-pressed={tab === id}
            onClick={() => setTab(id)}
          >
            {label}
          </Button>
        ))}
      </nav>
      {tab === 'map' ? <MapAndTable territory={territory} /> : null}
      {tab === 'due' ? <DueList territoryId={territory.id} /> : null}
      {tab === 'queue' ? <Moderation territoryId={territory.id} /> : null}
    </>
  );
}

function MapAndTable({ territory }: { territory: Territory }) {
  const { t } = useT();
  const trpc = useTRPC();
  const list = useQuery(trpc.networkRecord.list.queryOptions({ territoryId: territory.id }));
  const labels = useMapLabels(t('providers.mapLabel'));
  const [hidden, setHidden] = useState<ReadonlySet<LayerId>>(new Set());
  const [editing, setEditing] = useState<{ entity: Entity; id: string; item?: MapRecord } | null>(null);
  const [adding, setAdding] = useState<'partner' | 'provider' | null>(null);
  const legendId = useId();
  const areas: AreaCollection = useMemo(
    () => ({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: territory.id,
          geometry: territory.geometry,
          properties: { approximate: territory.approximate },
        },
      ],
    }),
    [territory],
  );
  const bounds = useMemo(() => bboxOf(areas.features), [areas]);
  const items = list.data?.items ?? [];
  const visible = useMemo(() => items.filter((i) => !hidden.has(layerOf(i.kind))), [items, hidden]);
  const points: PointCollection = useMemo(
    () => ({
      type: 'FeatureCollection',
      features: visible.map((i) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [i.lng, i.lat] },
        properties: { id: i.id, color: layerColors[layerOf(i.kind)] },
      })),
    }),
    [visible],
  );
  const counts = useMemo(() => {
    const c = new Map<LayerId, number>();
    for (const i of items) c.set(layerOf(i.kind), (c.get(layerOf(i.kind)) ?? 0) + 1);
    return c;
  }, [items]);
  const pick = (item: MapRecord) => {
    setAdding(null);
    setEditing({ entity: item.entity, id: item.id, item });
  };
  return (
    <div className="prov-layout">
      <div className="prov-mapcol">
        <ServiceMap
          className="net-map"
          labels={labels}
          points={points}
          areas={areas}
          fitBounds={bounds}
          cluster={false}
          highlightedId={editing?.id}
          onPointClick={(id) => {
            const item = items.find((i) => i.id === id);
            if (item) pick(item);
          }}
        />
        <fieldset className="prov-legend" aria-describedby={legendId}>
          <legend>{t('providers.layers')}</legend>
          <p id={legendId} className="cm-visually-hidden">
            {t('providers.layersHint')}
          </p>
          {layerIds.map((id) => (
            <label key={id} className="prov-legend__item">
              <input
                type="checkbox"
                checked={!hidden.has(id)}
                onChange={() =>
                  setHidden((h) => {
                    const next = new Set(h);
                    if (next.has(id)) next.delete(id);
                    else next.add(id);
                    return next;
                  })
                }
              />
              <span className="prov-swatch" style={{ background: layerColors[id] }} aria-hidden="true" />
              {t(layerLabelKey[id])} ({counts.get(id) ?? 0})
            </label>
          ))}
        </fieldset>
      </div>
      <div className="prov-side">
        <div className="prov-actions">
          <Button
            onClick={() => {
              setEditing(null);
              setAdding('provider');
            }}
          >
            {t('providerCreate.open')}
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              setEditing(null);
              setAdding('partner');
            }}
          >
            {t('providers.addPartner')}
          </Button>
        </div>
        {adding === 'provider' ? (
          <ProviderCreate
            bounds={bounds}
            onDone={(id) => {
              setAdding(null);
              if (id) setEditing({ entity: 'location', id });
            }}
          />
        ) : null}
        {adding === 'partner' ? (
          <PartnerCreate
            country={territory.country}
            bounds={bounds}
            onDone={(id) => {
              setAdding(null);
              if (id) setEditing({ entity: 'partner_institution', id });
            }}
          />
        ) : null}
        {editing ? (
          <>
            {editing.item?.entity === 'location' ? (
              <nav className="prov-parts" aria-label={t('providers.partsLabel')}>
                {editing.item.organization ? (
                  <Button
                    variant={editing.entity === 'organization' ? 'primary' : 'quiet'}
                    onClick={() =>
                      setEditing({
                        entity: 'organization',
                        id: editing.item!.organization!.id,
                        item: editing.item!,
                      })
                    }
                  >
                    {t(entityLabelKey.organization)}
                  </Button>
                ) : null}
                {editing.item.services.map((s) => (
                  <Button
                    key={s.id}
                    variant={editing.id === s.id ? 'primary' : 'quiet'}
                    onClick={() => setEditing({ entity: 'service', id: s.id, item: editing.item! })}
                  >
                    {t(entityLabelKey.service)}: {s.name}
                  </Button>
                ))}
                <Button
                  variant={editing.entity === 'location' ? 'primary' : 'quiet'}
                  onClick={() =>
                    setEditing({ entity: 'location', id: editing.item!.id, item: editing.item! })
                  }
                >
                  {t(entityLabelKey.location)}
                </Button>
              </nav>
            ) : null}
            <RecordEditor
              key={`${editing.entity}:${editing.id}`}
              entity={editing.entity}
              id={editing.id}
              onClose={() => setEditing(null)}
            />
          </>
        ) : null}
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorState
            title={t('providers.loadFailed')}
            message={formatApiError(list.error, t as never)}
            onRetry={() => void list.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyState title={t('providers.emptyTitle')}>
            <p>{t('providers.emptyBody')}</p>
          </EmptyState>
        ) : (
          <RecordTable items={visible} selectedId={editing?.item?.id ?? editing?.id} onPick={pick} />
        )}
      </div>
    </div>
  );
}
