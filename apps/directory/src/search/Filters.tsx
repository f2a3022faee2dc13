import { currentLanguage, intlLocale, useTranslation } from '@caremap/ui';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useTaxonomyTerms } from '../api';
import {
  ATTENDING_TYPES,
  type AttendingType,
  effectiveSort,
  type FindQuery,
  hasPlace,
  type Sort,
} from '../query';

const isNarrow = () => typeof matchMedia === 'function' && matchMedia('(max-width: 40rem)').matches;

/** Languages services in the directory are offered in (ISO 639; Romani has no two-letter code). */
export const SERVICE_LANGUAGES = ['hu', 'cs', 'sk', 'tr', 'en', 'de', 'uk', 'rom'] as const;

export function languageName(code: string, uiLanguage: string): string {
  try {
    const name = new Intl.DisplayNames([intlLocale(uiLanguage)], { type: 'language' }).of(code);
    return name && name !== code ? name.charAt(0).toLocaleUpperCase(uiLanguage) + name.slice(1) : code;
  } catch {
    return code;
  }
}

function Toggle({
  pressed,
  onChange,
  children,
}: {
  pressed: boolean;
  onChange: (pressed: boolean) => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={pressed ? 'find-chip is-on' : 'find-chip'}
      aria-pressed={pressed}
      onClick={() => onChange(!pressed)}
    >
      <span className="find-chip__mark" aria-hidden="true">
        {pressed ? '✓' : '+'}
      </span>
      {children}
    </button>
  );
}

/**
 * Filter chips and the sort. Every change is a new URL (so Back undoes it) and starts at page 1.
 * The age field applies when it is left or Enter is pressed, not on every keystroke.
 */
export function Filters({ query, onChange }: { query: FindQuery; onChange: (next: FindQuery) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const ids = { age: useId(), lang: useId(), mode: useId(), cat: useId(), sort: useId(), more: useId() };
  const fieldsSet =
    query.age !== undefined || Boolean(query.language || query.attendingType || query.taxonomyTermId);
  // On a phone the fields fold away behind a button, so the results are not pushed off screen.
  const [moreShown, setMoreShown] = useState(() => fieldsSet || !isNarrow());
  const terms = useTaxonomyTerms();
  const [age, setAge] = useState(query.age === undefined ? '' : String(query.age));
  useEffect(() => setAge(query.age === undefined ? '' : String(query.age)), [query.age]);

  const set = (patch: Partial<FindQuery>) => onChange({ ...query, ...patch, page: undefined });
  const commitAge = () => {
    const value = age.trim();
    const n = /^\d{1,3}$/.test(value) ? Number(value) : undefined;
    if (n !== query.age && (n === undefined || n <= 120)) set({ age: n });
    if (value && n === undefined) setAge(query.age === undefined ? '' : String(query.age));
  };
  const sort = effectiveSort(query);
  const sorts: Sort[] = [
    ...(query.text ? (['relevance'] as const) : []),
    ...(hasPlace(query) ? (['distance'] as const) : []),
    'name',
  ];
  const active =
    query.openNow ||
    query.free ||
    query.wheelchair ||
    query.age !== undefined ||
    query.language ||
    query.attendingType ||
    query.taxonomyTermId;

  return (
    <fieldset className="find-filters">
      <legend>{t('find.filters.legend')}</legend>
      <div className="find-filters__chips">
        <Toggle pressed={Boolean(query.openNow)} onChange={(on) => set({ openNow: on || undefined })}>
          {t('find.filters.openNow')}
        </Toggle>
        <Toggle pressed={Boolean(query.free)} onChange={(on) => set({ free: on || undefined })}>
          {t('find.filters.free')}
        </Toggle>
        <Toggle pressed={Boolean(query.wheelchair)} onChange={(on) => set({ wheelchair: on || undefined })}>
          {t('find.filters.wheelchair')}
        </Toggle>
      </div>
      <button
        type="button"
        className="find-filters__more"
        aria-expanded={moreShown}
        aria-controls={ids.more}
        onClick={() => setMoreShown((shown) => !shown)}
      >
        {moreShown ? t('find.filters.fewer') : t('find.filters.more')}
      </button>
      <div className="find-filters__fields" id={ids.more} hidden={!moreShown}>
        <div className="find-field find-field--age">
          <label htmlFor={ids.age}>{t('find.filters.age')}</label>
          <input
            id={ids.age}
            type="number"
            inputMode="numeric"
            min={0}
            max={120}
            value={age}
            onChange={(event) => setAge(event.target.value)}
            onBlur={commitAge}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                commitAge();
              }
            }}
          />
        </div>
        <div className="find-field">
          <label htmlFor={ids.lang}>{t('find.filters.language')}</label>
          <select
            id={ids.lang}
            value={query.language ?? ''}
            onChange={(event) => set({ language: event.target.value || undefined })}
          >
            <option value="">{t('find.filters.anyLanguage')}</option>
            {SERVICE_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageName(code, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="find-field">
          <label htmlFor={ids.mode}>{t('find.filters.attendingType')}</label>
          <select
            id={ids.mode}
            value={query.attendingType ?? ''}
            onChange={(event) => set({ attendingType: (event.target.value || undefined) as AttendingType })}
          >
            <option value="">{t('find.filters.anyAttendingType')}</option>
            {ATTENDING_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`find.attendingType.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="find-field find-field--wide">
          <label htmlFor={ids.cat}>{t('find.filters.category')}</label>
          <select
            id={ids.cat}
            value={query.taxonomyTermId ?? ''}
            onChange={(event) => set({ taxonomyTermId: event.target.value || undefined })}
          >
            <option value="">{t('find.filters.anyCategory')}</option>
            {(terms.data ?? []).map((group) => (
              <optgroup key={group.id} label={group.label}>
                <option value={group.id}>{t('find.filters.allOfGroup', { group: group.label })}</option>
                {group.terms.map((term) => (
                  <option key={term.id} value={term.id}>
                    {term.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="find-field">
          <label htmlFor={ids.sort}>{t('find.sort.label')}</label>
          <select id={ids.sort} value={sort} onChange={(event) => set({ sort: event.target.value as Sort })}>
            {sorts.map((value) => (
              <option key={value} value={value}>
                {t(`find.sort.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {active ? (
        <button
          type="button"
          className="find-filters__clear"
          onClick={() =>
            set({
              openNow: undefined,
              free: undefined,
              wheelchair: undefined,
              age: undefined,
              language: undefined,
              attendingType: undefined,
              taxonomyTermId: undefined,
            })
          }
        >
          {t('find.filters.clear')}
        </button>
      ) : null}
    </fieldset>
  );
}
