// Placing a pin by searching a town of the packaged gazetteer (directory.places): type, pick one
// of the suggestions (a list of buttons, so a keyboard reaches them), and the pin moves there.
import { keepPreviousData, useQuery, useTRPC } from '@caremap/api-client';
import { currentLanguage } from '@caremap/ui';
import { useId, useState } from 'react';
import { useT } from '../translate';

export interface Place {
  name: string;
  label: string;
  lat: number;
  lng: number;
  country: string;
}

export function PlaceSearch({ onPick }: { onPick: (place: Place) => void }) {
  const { t } = useT();
  const trpc = useTRPC();
  const id = useId();
  const [prefix, setPrefix] = useState('');
  const wanted = prefix.trim();
  const places = useQuery(
    trpc.directory.places.queryOptions(
      { prefix: wanted, locale: currentLanguage(), limit: 6 },
      { enabled: wanted.length >= 2, placeholderData: keepPreviousData },
    ),
  );
  const items = wanted.length >= 2 ? (places.data ?? []) : [];
  return (
    <div className="prov-place">
      <label htmlFor={id} className="prov-field__label">
        {t('providers.placeSearch')}
      </label>
      <input
        id={id}
        type="search"
        value={prefix}
        autoComplete="off"
        aria-describedby={`${id}-hint`}
        onChange={(e) => setPrefix(e.target.value)}
      />
      <p id={`${id}-hint`} className="prov-hint">
        {t('providers.placeHint')}
      </p>
      {items.length ? (
        <ul className="prov-place__list" aria-label={t('providers.placeResults')}>
          {items.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="prov-place__option"
                onClick={() => {
                  onPick({ name: p.name, label: p.label, lat: p.lat, lng: p.lng, country: p.country });
                  setPrefix('');
                }}
              >
                {p.label}
              </button>
            </li>
          ))}
        </ul>
      ) : wanted.length >= 2 && places.isSuccess ? (
        <p className="prov-hint">{t('providers.placeNone')}</p>
      ) : null}
    </div>
  );
}
