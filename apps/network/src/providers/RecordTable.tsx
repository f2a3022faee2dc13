// The table beside the map: filter by text and kind, sort by a column (the header buttons say the
// order through aria-sort), pick a row to edit it.
import { currentLanguage, formatDateTime, ScrollRegion } from '@caremap/ui';
import { useId, useMemo, useState } from 'react';
import { useT } from '../translate';
import { kindKey, layerColors, layerOf, type MapRecord } from './layers';

type SortKey = 'name' | 'kind' | 'city' | 'lastVerifiedAt';

export function RecordTable({
  items,
  selectedId,
  onPick,
}: {
  items: MapRecord[];
  selectedId: string | undefined;
  onPick: (item: MapRecord) => void;
}) {
  const { t } = useT();
  const language = currentLanguage();
  const filterId = useId();
  const kindId = useId();
  const captionId = useId();
  const [text, setText] = useState('');
  const [kind, setKind] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'name', dir: 1 });
  const collator = useMemo(() => new Intl.Collator(language), [language]);
  const kinds = useMemo(() => [...new Set(items.map((i) => i.kind))].sort(), [items]);
  const rows = useMemo(() => {
    const wanted = text.trim().toLocaleLowerCase(language);
    const value = (i: MapRecord): string =>
      sort.key === 'kind'
        ? t(kindKey(i.kind))
        : sort.key === 'lastVerifiedAt'
          ? (i.lastVerifiedAt ?? '')
          : (i[sort.key] ?? '');
    return items
      .filter((i) => !kind || i.kind === kind)
      .filter(
        (i) =>
          !wanted ||
          [i.name, i.city ?? '', i.organization?.name ?? '', ...i.services.map((s) => s.name)].some((v) =>
            v.toLocaleLowerCase(language).includes(wanted),
          ),
      )
      .sort((a, b) => sort.dir * collator.compare(value(a), value(b)) || collator.compare(a.name, b.name));
  }, [items, text, kind, sort, collator, language, t]);

  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className="prov-sort"
        onClick={() => setSort((s) => ({ key, dir: s.key === key ? (-s.dir as 1 | -1) : 1 }))}
      >
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
  return (
    <div className="prov-table">
      <div className="prov-filters">
        <div className="prov-field">
          <label htmlFor={filterId} className="prov-field__label">
            {t('providers.filterText')}
          </label>
          <input id={filterId} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="prov-field">
          <label htmlFor={kindId} className="prov-field__label">
            {t('providers.filterKind')}
          </label>
          <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t('providers.filterAll')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(kindKey(k))}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status" className="prov-hint">
        {t('providers.shown', { shown: rows.length, total: items.length })}
      </p>
      <ScrollRegion className="net-table-wrap prov-scroll" labelledBy={captionId}>
        <table className="net-table">
          <caption id={captionId}>{t('providers.tableCaption')}</caption>
          <thead>
            <tr>
              {header('name', t('providers.colName'))}
              {header('kind', t('providers.colKind'))}
              {header('city', t('providers.colCity'))}
              {header('lastVerifiedAt', t('providers.colVerified'))}
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => (
              <tr key={i.id} className={i.id === selectedId ? 'prov-row--selected' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="prov-link"
                    onClick={() => onPick(i)}
                    aria-pressed={i.id === selectedId}
                  >
                    {i.name}
                  </button>
                  {i.organization && i.organization.name !== i.name ? (
                    <span className="prov-sub">{i.organization.name}</span>
                  ) : null}
                </th>
                <td>
                  <span className="prov-kind">
                    <span
                      className="prov-swatch"
                      style={{ background: layerColors[layerOf(i.kind)] }}
                      aria-hidden="true"
                    />
                    {t(kindKey(i.kind))}
                  </span>
                </td>
                <td>{i.city ?? ''}</td>
                <td>
                  {i.lastVerifiedAt
                    ? formatDateTime(new Date(i.lastVerifiedAt), language)
                    : t('providers.never')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
