import { type RouterOutputs, useMutation, useQueryClient, useTRPC } from '@caremap/api-client';
import {
  apiErrorCode,
  apiErrorDetails,
  apiErrorExtra,
  Button,
  currentLanguage,
  ScrollRegion,
  type supportedLanguages,
  type ValidationIssue,
} from '@caremap/ui';
import { type SeriesCreateInput, seriesCreateInput } from '@caremap/validators';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Field } from '../Field';
import { fieldErrorsOf } from '../form-errors';
import { useT } from '../translate';
import { conferenceZones, dayFromNow, defaultZone } from '../zone';
import { RepeatEditor } from './RepeatEditor';
import { defaultRepeat, fromRrule, type Repeat, toRrule } from './rrule';

type Options = RouterOutputs['conference']['options'];
type Series = RouterOutputs['series']['get'];
type Language = (typeof supportedLanguages)[number];
type Participant = SeriesCreateInput['participants'][number];

const durations = [60, 90, 120, 150, 180];

/** Create (no `series`) or edit a signalling-meeting series. */
export function SeriesForm(props: { options: Options; series?: Series; onSaved: (id: string) => void }) {
  const { t, ui } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const language = currentLanguage() as Language;
  const { options, series } = props;
  const own = options.organiserAgencyIds;
  const [title, setTitle] = useState(series?.title ?? t('series.defaultTitle'));
  const [agencyId, setAgencyId] = useState(series?.agencyId ?? own[0]!);
  const [timezone, setTimezone] = useState(series?.timezone ?? defaultZone(language));
  const [day, setDay] = useState(series?.dtstart.slice(0, 10) ?? dayFromNow(14));
  const [time, setTime] = useState(series?.dtstart.slice(11, 16) ?? '10:00');
  const [durationMinutes, setDuration] = useState(series?.durationMinutes ?? 120);
  const [repeat, setRepeat] = useState<Repeat>(series ? fromRrule(series.rrule) : defaultRepeat);
  const [roomId, setRoomId] = useState(series?.roomId ?? '');
  const [online, setOnline] = useState(series?.online ?? false);
  const [userIds, setUserIds] = useState<string[]>(
    series?.participants.flatMap((p) => (p.kind === 'user' ? [p.userId] : [])) ?? [],
  );
  const [institutionIds, setInstitutionIds] = useState<string[]>(
    series?.participants.flatMap((p) =>
      p.kind === 'contact' && p.partnerInstitutionId ? [p.partnerInstitutionId] : [],
    ) ?? [],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [focusError, setFocusError] = useState(0);
  useEffect(() => {
    if (focusError)
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]')?.focus();
  }, [focusError]);

  const institutions = options.partnerInstitutions.filter((p) => p.email);
  const participants = (): Participant[] => [
    ...userIds.map((userId) => {
      const u = options.users.find((x) => x.id === userId);
      const agency = u?.agencyIds.includes(agencyId) ? agencyId : u?.agencyIds[0];
      return { kind: 'user' as const, userId, ...(agency ? { agencyId: agency } : {}) };
    }),
    ...institutionIds.flatMap((id) => {
      const p = institutions.find((x) => x.id === id);
      return p
        ? [
            {
              kind: 'contact' as const,
              agencyId: p.agencyId!,
              partnerInstitutionId: p.id,
              displayName: p.name,
              email: p.email!,
              preferredLanguage: language,
            },
          ]
        : [];
    }),
  ];
  const fail = (fields: Record<string, string>, message: string) => {
    setErrors(fields);
    setFormError(message);
    setSaved(false);
    setFocusError((n) => n + 1);
  };
  const onError = (error: unknown) => {
    if (apiErrorCode(error) === 'invalid_rrule') {
      const part = (apiErrorExtra(error) as { part?: string | null } | undefined)?.part;
      const message = part ? t('series.errRrulePart', { part }) : t('series.errRrule');
      return fail({ rrule: message }, message);
    }
    const details = apiErrorDetails(error, ui);
    const data = (error as { data?: { zodIssues?: ValidationIssue[]; details?: { field?: string } } }).data;
    const fields = data?.zodIssues?.length ? fieldErrorsOf(data.zodIssues, ui) : {};
    if (data?.details?.field) fields[data.details.field] = details.message;
    fail(fields, Object.keys(fields).length ? t('conferences.formInvalid') : details.message);
  };
  const done = (id: string) => {
    setErrors({});
    setFormError(null);
    setSaved(true);
    void queryClient.invalidateQueries({ queryKey: trpc.series.pathKey() });
    props.onSaved(id);
  };
  const create = useMutation(trpc.series.create.mutationOptions({ onSuccess: (r) => done(r.id), onError }));
  const update = useMutation(trpc.series.update.mutationOptions({ onSuccess: (r) => done(r.id), onError }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: SeriesCreateInput = {
      agencyId,
      title,
      rrule: toRrule(repeat),
      timezone,
      dtstart: `${day}T${time}`,
      durationMinutes,
      participants: participants(),
      roomId: online || !roomId ? null : roomId,
      online,
    };
    const checked = seriesCreateInput.safeParse(input);
    if (!checked.success) {
      const fields = fieldErrorsOf(checked.error.issues as ValidationIssue[], ui);
      if (fields.dtstart) fields.dtstart = t('series.errDtstart');
      if (fields.roomId) fields.roomId = t('conferences.errRooms');
      if (fields.participants) fields.participants = t('series.errParticipants');
      return fail(fields, t('conferences.formInvalid'));
    }
    if (series) update.mutate({ ...input, seriesId: series.id, expectedVersion: series.version });
    else create.mutate(input);
  };
  const pending = create.isPending || update.isPending;
  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);
  const err = (k: string) => errors[k];

  return (
    <form ref={formRef} className="conf-form" noValidate onSubmit={submit}>
      {formError ? (
        <p className="conf-form__alert" role="alert" tabIndex={-1}>
          {formError}
        </p>
      ) : null}
      <fieldset className="conf-section">
        <legend>{t('conferences.sectionBasics')}</legend>
        <div className="conf-grid">
          <Field
            id="series-title"
            label={t('conferences.fieldTitle')}
            error={err('title')}
            className="conf-grid__wide"
          >
            {(c) => <input {...c} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
          {series ? null : (
            <Field id="series-agency" label={t('conferences.fieldAgency')} error={err('agencyId')}>
              {(c) => (
                <select
                  {...c}
                  value={agencyId}
                  onChange={(e) => {
                    setAgencyId(e.target.value);
                    setRoomId('');
                  }}
                >
                  {own.map((id) => (
                    <option key={id} value={id}>
                      {options.agencies.find((a) => a.id === id)?.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field
            id="series-zone"
            label={t('conferences.fieldTimeZone')}
            hint={t('series.zoneHint')}
            error={err('timezone')}
          >
            {(c) => (
              <select {...c} value={timezone} onChange={(e) => setTimezone(e.target.value)}>
                {conferenceZones.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="series-day" label={t('series.fieldFirstDay')} error={err('dtstart')}>
            {(c) => <input {...c} type="date" value={day} onChange={(e) => setDay(e.target.value)} />}
          </Field>
          <Field id="series-time" label={t('series.fieldTime')}>
            {(c) => (
              <input {...c} type="time" value={time} step={300} onChange={(e) => setTime(e.target.value)} />
            )}
          </Field>
          <Field id="series-duration" label={t('conferences.fieldDuration')} error={err('durationMinutes')}>
            {(c) => (
              <select {...c} value={durationMinutes} onChange={(e) => setDuration(Number(e.target.value))}>
                {durations.map((m) => (
                  <option key={m} value={m}>
                    {t('conferences.minutes', { count: m })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>
      <RepeatEditor value={repeat} onChange={setRepeat} error={err('rrule')} />
      <fieldset className="conf-section">
        <legend>{t('series.sectionPlace')}</legend>
        <div className="conf-grid">
          <Field id="series-room" label={t('series.fieldRoom')} error={err('roomId')}>
            {(c) => (
              <select {...c} value={roomId} disabled={online} onChange={(e) => setRoomId(e.target.value)}>
                <option value="">—</option>
                {options.rooms
                  .filter((r) => r.agencyId === agencyId)
                  .map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <label className="conf-check">
            <input type="checkbox" checked={online} onChange={(e) => setOnline(e.target.checked)} />{' '}
            {t('series.fieldOnline')}
          </label>
        </div>
      </fieldset>
      <fieldset
        className="conf-section"
        aria-describedby={err('participants') ? 'series-participants-error' : undefined}
      >
        <legend>{t('series.sectionParticipants')}</legend>
        {err('participants') ? (
          <p id="series-participants-error" className="conf-field__error">
            {err('participants')}
          </p>
        ) : null}
        <h3 className="conf-subtitle" id="series-users">
          {t('series.usersTitle')}
        </h3>
        <ScrollRegion className="conf-pick" labelledBy="series-users">
          {options.users.map((u) => (
            <label key={u.id} className="conf-check">
              <input
                type="checkbox"
                checked={userIds.includes(u.id)}
                onChange={(e) => setUserIds((l) => toggle(l, u.id, e.target.checked))}
              />{' '}
              {u.displayName}
            </label>
          ))}
        </ScrollRegion>
        <h3 className="conf-subtitle" id="series-institutions">
          {t('series.institutionsTitle')}
        </h3>
        <ScrollRegion className="conf-pick" labelledBy="series-institutions">
          {institutions.map((p) => (
            <label key={p.id} className="conf-check">
              <input
                type="checkbox"
                checked={institutionIds.includes(p.id)}
                onChange={(e) => setInstitutionIds((l) => toggle(l, p.id, e.target.checked))}
              />{' '}
              {p.name}
            </label>
          ))}
        </ScrollRegion>
      </fieldset>
      <div className="conf-actions">
        <Button type="submit" disabled={pending}>
          {series ? t('series.save') : t('series.create')}
        </Button>
        {saved ? <span role="status">{t('series.saved')}</span> : null}
      </div>
    </form>
  );
}
