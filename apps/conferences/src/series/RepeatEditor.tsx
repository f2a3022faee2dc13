import { Field } from '../Field';
import { useT } from '../translate';
import { ordinalKey, useRepeatText, weekdayKey } from './RepeatSummary';
import { type Ordinal, ordinals, type Repeat, toRrule, type Weekday, weekdays } from './rrule';

/**
 * "Every N weeks / months, on …" with the RRULE it makes shown beside it; "by hand" lets the
 * organiser type any rule (the server checks it and names the part that is wrong).
 */
export function RepeatEditor(props: { value: Repeat; onChange: (r: Repeat) => void; error?: string }) {
  const { t } = useT();
  const text = useRepeatText();
  const r = props.value;
  const interval = r.kind === 'custom' ? 1 : r.interval;
  const weekday: Weekday = r.kind === 'weekly' || r.kind === 'monthly_weekday' ? r.weekday : 'TU';
  const ordinal: Ordinal = r.kind === 'monthly_weekday' ? r.ordinal : 2;
  const setKind = (kind: Repeat['kind']) => {
    if (kind === 'custom') props.onChange({ kind, rrule: toRrule(r) });
    else if (kind === 'weekly') props.onChange({ kind, interval, weekday });
    else if (kind === 'monthly_date') props.onChange({ kind, interval });
    else props.onChange({ kind, interval, ordinal, weekday });
  };
  return (
    <fieldset className="conf-section">
      <legend>{t('series.sectionRepeat')}</legend>
      <div className="conf-grid">
        <Field id="series-repeat" label={t('series.fieldRepeat')}>
          {(c) => (
            <select {...c} value={r.kind} onChange={(e) => setKind(e.target.value as Repeat['kind'])}>
              <option value="monthly_date">{t('series.repeatMonthlyDate')}</option>
              <option value="monthly_weekday">{t('series.repeatMonthlyWeekday')}</option>
              <option value="weekly">{t('series.repeatWeekly')}</option>
              <option value="custom">{t('series.repeatCustom')}</option>
            </select>
          )}
        </Field>
        {r.kind !== 'custom' ? (
          <Field
            id="series-interval"
            label={r.kind === 'weekly' ? t('series.fieldIntervalWeeks') : t('series.fieldIntervalMonths')}
          >
            {(c) => (
              <input
                {...c}
                type="number"
                min={1}
                max={12}
                inputMode="numeric"
                value={interval}
                onChange={(e) => {
                  const n = Math.min(12, Math.max(1, Math.round(Number(e.target.value) || 1)));
                  props.onChange({ ...r, interval: n });
                }}
              />
            )}
          </Field>
        ) : null}
        {r.kind === 'monthly_weekday' ? (
          <Field id="series-ordinal" label={t('series.fieldOrdinal')}>
            {(c) => (
              <select
                {...c}
                value={ordinal}
                onChange={(e) => props.onChange({ ...r, ordinal: Number(e.target.value) as Ordinal })}
              >
                {ordinals.map((o) => (
                  <option key={o} value={o}>
                    {t(ordinalKey[o])}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {r.kind === 'weekly' || r.kind === 'monthly_weekday' ? (
          <Field id="series-weekday" label={t('series.fieldWeekday')}>
            {(c) => (
              <select
                {...c}
                value={weekday}
                onChange={(e) => props.onChange({ ...r, weekday: e.target.value as Weekday })}
              >
                {weekdays.map((d) => (
                  <option key={d} value={d}>
                    {t(weekdayKey[d])}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {r.kind === 'custom' ? (
          <Field
            id="series-rrule"
            label={t('series.fieldRrule')}
            hint={t('series.rruleHint')}
            error={props.error}
            className="conf-grid__wide"
          >
            {(c) => (
              <input
                {...c}
                className="cm-mono"
                value={r.rrule}
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => props.onChange({ kind: 'custom', rrule: e.target.value })}
              />
            )}
          </Field>
        ) : null}
      </div>
      <p className="conf-rrule" aria-live="polite">
        {text(r)}
        <br />
        <span className="conf-muted">{t('series.rruleShown')}</span>{' '}
        <code className="cm-mono">{toRrule(r)}</code>
      </p>
      {r.kind !== 'custom' && props.error ? (
        <p className="conf-field__error" id="series-rrule-error">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}
