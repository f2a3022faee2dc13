import { useMutation, useQueryClient, useTRPC } from '@caremap/api-client';
import {
  apiErrorDetails,
  Button,
  currentLanguage,
  intlLocale,
  useTranslation,
  type ValidationIssue,
} from '@caremap/ui';
import { workingHoursInput } from '@caremap/validators';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Field } from '../Field';
import { conferenceZones } from '../zone';
import {
  type DayRow,
  type HoursForm,
  type HoursProblem,
  hoursProblems,
  inputFromForm,
  type Weekday,
  weekdayName,
  weekdays,
} from './hours-form';
import { useAvailabilityT } from './translate';

/** The zones offered: those conferences use, plus the saved one and the browser's. */
export function zoneChoices(...also: string[]): string[] {
  const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return [...new Set([...conferenceZones, ...also, browser].filter(Boolean))];
}

function zoneLabel(zone: string, locale: string): string {
  const offset = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName')?.value;
  return `${zone.replace(/_/g, ' ')}${offset ? ` (${offset})` : ''}`;
}

/** My time zone and working week: one range or a day off per weekday. */
export function WorkingHoursForm(props: { initial: HoursForm; assumed: boolean }) {
  const { t } = useTranslation();
  const at = useAvailabilityT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const locale = intlLocale(currentLanguage());
  const [form, setForm] = useState<HoursForm>(props.initial);
  const [problems, setProblems] = useState<Record<string, HoursProblem>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [focusError, setFocusError] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focusError) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusError]);

  const save = useMutation(
    trpc.availability.setWorkingHours.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.availability.mine.queryKey() });
      },
      onError: (error) => {
        const issues = (error as { data?: { zodIssues?: ValidationIssue[] } }).data?.zodIssues ?? [];
        setProblems(hoursProblems(issues));
        setFormError(issues.length ? at('availability.formInvalid') : apiErrorDetails(error, t).message);
        setFocusError((n) => n + 1);
      },
    }),
  );
  const errorOf = (field: string): string | undefined => {
    const problem = problems[field];
    if (problem === 'errZone') return at('availability.errZone');
    if (problem === 'errTime') return at('availability.errTime');
    return problem ? at('availability.errEndBeforeStart') : undefined;
  };
  const setDay = (day: Weekday, patch: Partial<DayRow>) => {
    setSaved(false);
    setForm((f) => ({ ...f, days: { ...f.days, [day]: { ...f.days[day], ...patch } } }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = inputFromForm(form);
    const checked = workingHoursInput.safeParse(input);
    if (!checked.success) {
      setProblems(hoursProblems(checked.error.issues as ValidationIssue[]));
      setFormError(at('availability.formInvalid'));
      setFocusError((n) => n + 1);
      return;
    }
    setProblems({});
    setFormError(null);
    save.mutate(input);
  };

  return (
    <form
      ref={formRef}
      className="avail-hours"
      onSubmit={submit}
      noValidate
      aria-labelledby="avail-hours-title"
    >
      <h2 id="avail-hours-title" className="conf-subtitle">
        {at('availability.hoursTitle')}
      </h2>
      {props.assumed ? <p className="conf-note">{at('availability.hoursAssumed')}</p> : null}
      <Field
        id="avail-zone"
        label={at('availability.timeZone')}
        hint={at('availability.timeZoneHint')}
        error={errorOf('timeZone')}
      >
        {(c) => (
          <select
            {...c}
            value={form.timeZone}
            onChange={(e) => {
              setSaved(false);
              setForm((f) => ({ ...f, timeZone: e.target.value }));
            }}
          >
            {zoneChoices(props.initial.timeZone).map((zone) => (
              <option key={zone} value={zone}>
                {zoneLabel(zone, locale)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="conf-muted">{at('availability.hoursIntro')}</p>
      <div className="avail-week">
        {weekdays.map((day) => {
          const row = form.days[day];
          const name = weekdayName(day, locale);
          return (
            <fieldset key={day} className={`avail-day${row.works ? '' : ' avail-day--off'}`}>
              <legend>{name}</legend>
              <label className="conf-check avail-day__works">
                <input
                  type="checkbox"
                  checked={row.works}
                  onChange={(e) => setDay(day, { works: e.target.checked })}
                />
                {at('availability.workingDay')}
              </label>
              {row.works ? (
                <div className="avail-day__times">
                  <Field
                    id={`avail-${day}-start`}
                    label={at('availability.from')}
                    error={errorOf(`${day}.start`)}
                  >
                    {(c) => (
                      <input
                        {...c}
                        type="time"
                        value={row.start}
                        onChange={(e) => setDay(day, { start: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field id={`avail-${day}-end`} label={at('availability.to')} error={errorOf(`${day}.end`)}>
                    {(c) => (
                      <input
                        {...c}
                        type="time"
                        value={row.end}
                        onChange={(e) => setDay(day, { end: e.target.value })}
                      />
                    )}
                  </Field>
                </div>
              ) : (
                <p className="conf-muted avail-day__off">{at('availability.dayOff')}</p>
              )}
            </fieldset>
          );
        })}
      </div>
      {formError ? (
        <p className="conf-form__alert" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="conf-actions">
        <Button type="submit" busy={save.isPending}>
          {at('availability.save')}
        </Button>
        <p role="status" className="avail-status">
          {saved ? at('availability.saved') : ''}
        </p>
      </div>
    </form>
  );
}
