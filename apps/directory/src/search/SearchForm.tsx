import { Button, useTranslation } from '@caremap/ui';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { DEFAULT_RADIUS_KM, type FindQuery, RADII_KM } from '../query';
import { PlaceCombobox } from './PlaceCombobox';

type LocationProblem = 'denied' | 'unavailable' | 'unsupported';

/**
 * Free text, a town (or "my location") and a radius. The fields are a draft until submitted;
 * Back/Forward or a new URL resets them to the query in the URL.
 */
export function SearchForm({ query, onSearch }: { query: FindQuery; onSearch: (next: FindQuery) => void }) {
  const { t } = useTranslation();
  const textId = useId();
  const placeId = useId();
  const radiusId = useId();
  const hintId = useId();
  const myLocation = t('find.place.myLocation');
  const placeLabel = (q: FindQuery) => q.placeName ?? (q.near ? myLocation : '');
  const [text, setText] = useState(query.text ?? '');
  const [placeText, setPlaceText] = useState(placeLabel(query));
  const [place, setPlace] = useState<Pick<FindQuery, 'placeId' | 'placeName' | 'near'>>(query);
  const [radius, setRadius] = useState(query.radiusKm ?? DEFAULT_RADIUS_KM);
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<LocationProblem | null>(null);

  const key = `${query.text}|${query.placeId}|${query.near?.lat},${query.near?.lng}|${query.radiusKm}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the draft follows the URL's query (by key)
  useEffect(() => {
    setText(query.text ?? '');
    setPlaceText(placeLabel(query));
    setPlace({ placeId: query.placeId, placeName: query.placeName, near: query.near });
    setRadius(query.radiusKm ?? DEFAULT_RADIUS_KM);
  }, [key]);

  const submit = (overrides: Partial<FindQuery> = {}) => {
    const chosen = placeText.trim() ? place : {};
    const next: FindQuery = {
      ...query,
      text: text.trim() || undefined,
      placeId: chosen.placeId,
      placeName: chosen.placeName,
      near: chosen.placeId ? undefined : chosen.near,
      radiusKm: radius === DEFAULT_RADIUS_KM ? undefined : radius,
      page: undefined,
      ...overrides,
    };
    // A sort that needed the place no longer applies without one.
    if (next.sort === 'distance' && !next.placeId && !next.near) next.sort = undefined;
    onSearch(next);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const locate = () => {
    setProblem(null);
    if (!('geolocation' in navigator)) {
      setProblem('unsupported');
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const near = { lat: position.coords.latitude, lng: position.coords.longitude };
        setPlace({ near });
        setPlaceText(myLocation);
        submit({ near, placeId: undefined, placeName: undefined });
      },
      (error) => {
        setLocating(false);
        setProblem(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable');
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  };

  return (
    <search aria-label={t('find.searchLabel')}>
      <form className="find-search" onSubmit={onSubmit}>
        <div className="find-search__what">
          <label htmlFor={textId}>{t('find.text.label')}</label>
          <input
            id={textId}
            type="search"
            name="q"
            enterKeyHint="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={t('find.text.placeholder')}
          />
        </div>
        <div className="find-search__where">
          <PlaceCombobox
            id={placeId}
            label={t('find.place.label')}
            value={placeText}
            describedBy={problem ? hintId : undefined}
            onTextChange={(value) => {
              setPlaceText(value);
              setPlace({});
            }}
            onSelect={(chosen) => {
              setPlaceText(chosen.name);
              setPlace({ placeId: chosen.id, placeName: chosen.name });
            }}
          />
          <Button variant="quiet" className="find-locate" busy={locating} onClick={locate}>
            {locating ? t('find.location.locating') : t('find.location.use')}
          </Button>
        </div>
        <div className="find-search__radius">
          <label htmlFor={radiusId}>{t('find.radius.label')}</label>
          <select id={radiusId} value={radius} onChange={(event) => setRadius(Number(event.target.value))}>
            {RADII_KM.map((km) => (
              <option key={km} value={km}>
                {t('find.radius.km', { km })}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" className="find-search__submit">
          {t('find.submit')}
        </Button>
        {problem ? (
          <p id={hintId} className="find-search__problem" role="alert">
            {t(`find.location.${problem}`)}
          </p>
        ) : null}
      </form>
    </search>
  );
}
