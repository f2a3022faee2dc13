import { type RouterOutputs, useMutation, useQuery, useSession, useTRPC } from '@caremap/api-client';
import {
  apiErrorDetails,
  Button,
  currentLanguage,
  EmptyState,
  ErrorState,
  Loading,
  PageHeading,
  supportedLanguages,
  useTranslation,
  type ValidationIssue,
} from '@caremap/ui';
import { type ConferenceCreateInput, conferenceCreateInput } from '@caremap/validators';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ConfLink } from './ConfLink';
import { Field } from './Field';
import { fieldErrorsOf } from './form-errors';
import { conferenceKinds, kindLabelKey, type ParticipantRole, roleLabelKey } from './labels';
import { go } from './route';
import { conferenceZones, dayFromNow, defaultZone, endOfDayIn } from './zone';

type Options = RouterOutputs['conference']['options'];
type Kind = (typeof conferenceKinds)[number];
type Language = (typeof supportedLanguages)[number];

interface Row {
  key: number;
  kind: 'user' | 'contact' | 'external';
  userId: string;
  agencyId: string;
  partnerInstitutionId: string;
  displayName: string;
  email: string;
  phone: string;
  attendance: 'required' | 'optional';
  role: ParticipantRole;
  preferredLanguage: Language;
}
type Rule =
  | { key: number; kind: 'agency'; agencyId: string; atLeast: number }
  | { key: number; kind: 'pool'; members: number[]; atLeast: number };

const durations = [30, 45, 60, 90, 120, 150, 180, 240];
let nextKey = 1;

function emptyRow(kind: Row['kind'], language: Language): Row {
  return {
    key: nextKey++,
    kind,
    userId: '',
    agencyId: '',
    partnerInstitutionId: '',
    displayName: '',
    email: '',
    phone: '',
    attendance: 'required',
    role: 'professional',
    preferredLanguage: language,
  };
}

/** The form's state as the API's input; empty text stays out so the validator names what is missing. */
function toInput(s: {
  kind: Kind;
  caseRef: string;
  title: string;
  agencyId: string;
  timezone: string;
  durationMinutes: number;
  deadline: string;
  rows: Row[];
  rules: Rule[];
  roomIds: string[];
  online: boolean;
  locationNote: string;
  interpreterRequired: boolean;
}): ConferenceCreateInput {
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    kind: s.kind,
    caseRef: opt(s.caseRef),
    title: s.title,
    agencyId: s.agencyId,
    timezone: s.timezone,
    durationMinutes: s.durationMinutes,
    scheduleBy: s.deadline ? endOfDayIn(s.deadline, s.timezone) : new Date(Number.NaN),
    participants: s.rows.map((r) => {
      const common = { attendance: r.attendance, role: r.role };
      if (r.kind === 'user') return { kind: 'user', userId: r.userId, agencyId: opt(r.agencyId), ...common };
      if (r.kind === 'contact') {
        return {
          kind: 'contact',
          agencyId: r.agencyId,
          partnerInstitutionId: opt(r.partnerInstitutionId),
          displayName: r.displayName,
          email: r.email.trim(),
          preferredLanguage: r.preferredLanguage,
          ...common,
        };
      }
      return {
        kind: 'external',
        displayName: r.displayName,
        email: opt(r.email),
        phone: opt(r.phone),
        agencyId: opt(r.agencyId),
        preferredLanguage: r.preferredLanguage,
        ...common,
      };
    }),
    quorum: s.rules.map((rule) =>
      rule.kind === 'agency'
        ? { kind: 'agency', agencyId: rule.agencyId, atLeast: rule.atLeast }
        : {
            kind: 'pool',
            participants: rule.members.map((k) => s.rows.findIndex((r) => r.key === k)).filter((i) => i >= 0),
            atLeast: rule.atLeast,
          },
    ),
    candidateRoomIds: s.roomIds,
    online: s.online,
    locationNote: opt(s.locationNote),
    interpreterRequired: s.interpreterRequired,
  };
}

export function NewConference() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const options = useQuery(trpc.conference.options.queryOptions());
  const heading = (
    <PageHeading title={t('conferences.newTitle')}>
      <p>{t('conferences.newIntro')}</p>
    </PageHeading>
  );
  if (options.isPending)
    return (
      <>
        {heading}
        <Loading />
      </>
    );
  if (options.isError) {
    if (apiErrorDetails(options.error, t).kind === 'forbidden') {
      return (
        <>
          {heading}
          <EmptyState title={t('conferences.orgOnlyTitle')}>
            <p>{t('conferences.orgOnlyBody')}</p>
          </EmptyState>
        </>
      );
    }
    return (
      <>
        {heading}
        <ErrorState
          title={t('conferences.loadFailed')}
          message={apiErrorDetails(options.error, t).message}
          onRetry={() => void options.refetch()}
        />
      </>
    );
  }
  if (options.data.organiserAgencyIds.length === 0) {
    return (
      <>
        {heading}
        <EmptyState title={t('conferences.orgOnlyTitle')}>
          <p>{t('conferences.orgOnlyBody')}</p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {heading}
      <ConferenceForm options={options.data} />
    </>
  );
}

function ConferenceForm({ options }: { options: Options }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const session = useSession();
  const language = currentLanguage() as Language;
  const agencyName = (id: string) => options.agencies.find((a) => a.id === id)?.name ?? '';
  const ownAgencies = options.organiserAgencyIds;
  const me = session.user;

  const [kind, setKind] = useState<Kind>('case_conference');
  const [caseRef, setCaseRef] = useState('');
  const [title, setTitle] = useState('');
  const [agencyId, setAgencyId] = useState(ownAgencies[0]!);
  const [timezone, setTimezone] = useState(() => defaultZone(language));
  const [durationMinutes, setDuration] = useState(90);
  const [deadline, setDeadline] = useState(() => dayFromNow(21));
  const [rows, setRows] = useState<Row[]>(() =>
    me && options.users.some((u) => u.id === me.id)
      ? [{ ...emptyRow('user', language), userId: me.id, agencyId: ownAgencies[0]!, role: 'chair' }]
      : [],
  );
  const [rules, setRules] = useState<Rule[]>([]);
  const [roomIds, setRoomIds] = useState<string[]>([]);
  const [online, setOnline] = useState(false);
  const [locationNote, setLocationNote] = useState('');
  const [interpreterRequired, setInterpreter] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [focusError, setFocusError] = useState(0);

  useEffect(() => {
    if (!focusError) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusError]);

  const rooms = options.rooms.filter((r) => r.agencyId === agencyId);
  const create = useMutation(
    trpc.conference.create.mutationOptions({
      onSuccess: (created) => go(`/conferences/${created.id}`),
      onError: (error) => {
        const data = (error as { data?: { zodIssues?: ValidationIssue[] } }).data;
        const details = apiErrorDetails(error, t);
        const fields = data?.zodIssues?.length ? fieldErrorsOf(data.zodIssues, t) : {};
        const field = (error as { data?: { details?: { field?: string } } }).data?.details?.field;
        if (field) fields[field] = details.message;
        setErrors(fields);
        setFormError(Object.keys(fields).length ? t('conferences.formInvalid') : details.message);
        setFocusError((n) => n + 1);
      },
    }),
  );

  const update = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = toInput({
      kind,
      caseRef,
      title,
      agencyId,
      timezone,
      durationMinutes,
      deadline,
      rows,
      rules,
      roomIds,
      online,
      locationNote,
      interpreterRequired,
    });
    const checked = conferenceCreateInput.safeParse(input);
    if (!checked.success) {
      setErrors(fieldErrorsOf(checked.error.issues as ValidationIssue[], t));
      setFormError(t('conferences.formInvalid'));
      setFocusError((n) => n + 1);
      return;
    }
    setErrors({});
    setFormError(null);
    create.mutate(input);
  };

  const err = (path: string) => errors[path];
  const languageSelect = (r: Row, i: number) => (
    <Field
      id={`p${r.key}-lang`}
      label={t('conferences.fieldLanguage')}
      error={err(`participants.${i}.preferredLanguage`)}
    >
      {(c) => (
        <select
          {...c}
          value={r.preferredLanguage}
          onChange={(e) => update(r.key, { preferredLanguage: e.target.value as Language })}
        >
          {supportedLanguages.map((l) => (
            <option key={l} value={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const agencySelect = (r: Row, i: number, allowNone: boolean, only?: string[]) => (
    <Field
      id={`p${r.key}-agency`}
      label={t('conferences.fieldParticipantAgency')}
      error={err(`participants.${i}.agencyId`)}
    >
      {(c) => (
        <select {...c} value={r.agencyId} onChange={(e) => update(r.key, { agencyId: e.target.value })}>
          <option value="">{allowNone ? t('conferences.noAgency') : '—'}</option>
          {options.agencies
            .filter((a) => !only || only.includes(a.id))
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
        </select>
      )}
    </Field>
  );

  return (
    <form ref={formRef} className="conf-form" noValidate onSubmit={submit}>
      {formError ? (
        <p className="conf-form__alert" role="alert">
          {formError}
        </p>
      ) : null}

      <fieldset className="conf-section">
        <legend>{t('conferences.sectionBasics')}</legend>
        <div className="conf-grid">
          <Field id="conf-kind" label={t('conferences.fieldKind')} error={err('kind')}>
            {(c) => (
              <select {...c} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
                {conferenceKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(kindLabelKey[k])}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="conf-case-ref"
            label={t('conferences.fieldCaseRef')}
            hint={t('conferences.caseRefHint')}
            error={err('caseRef')}
          >
            {(c) => (
              <input
                {...c}
                className="cm-mono"
                value={caseRef}
                autoComplete="off"
                spellCheck={false}
                placeholder="HU-SZO-2026-0142"
                onChange={(e) => setCaseRef(e.target.value.toUpperCase())}
              />
            )}
          </Field>
          <Field
            id="conf-title"
            label={t('conferences.fieldTitle')}
            hint={t('conferences.titleHint')}
            error={err('title')}
            className="conf-grid__wide"
          >
            {(c) => <input {...c} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
          <Field id="conf-agency" label={t('conferences.fieldAgency')} error={err('agencyId')}>
            {(c) => (
              <select
                {...c}
                value={agencyId}
                onChange={(e) => {
                  setAgencyId(e.target.value);
                  setRoomIds([]);
                }}
              >
                {ownAgencies.map((id) => (
                  <option key={id} value={id}>
                    {agencyName(id)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="conf-zone" label={t('conferences.fieldTimeZone')} error={err('timezone')}>
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
          <Field id="conf-duration" label={t('conferences.fieldDuration')} error={err('durationMinutes')}>
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
          <Field
            id="conf-deadline"
            label={t('conferences.fieldDeadline')}
            hint={t('conferences.deadlineHint')}
            error={err('scheduleBy')}
          >
            {(c) => (
              <input
                {...c}
                type="date"
                value={deadline}
                min={dayFromNow(1)}
                onChange={(e) => setDeadline(e.target.value)}
              />
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="conf-section">
        <legend>{t('conferences.sectionParticipants')}</legend>
        <p className="conf-field__hint">{t('conferences.participantsHint')}</p>
        {err('participants') ? <p className="conf-field__error">{err('participants')}</p> : null}
        <ol className="conf-rows">
          {rows.map((r, i) => {
            const user = options.users.find((u) => u.id === r.userId);
            return (
              <li key={r.key} className="conf-row">
                <div className="conf-row__head">
                  <h3 className="conf-row__title">
                    {t('conferences.participantN', { n: i + 1 })}
                    <span className="cm-badge cm-badge--muted">
                      {t(
                        r.kind === 'user'
                          ? 'conferences.kindUser'
                          : r.kind === 'contact'
                            ? 'conferences.kindContact'
                            : 'conferences.kindExternal',
                      )}
                    </span>
                  </h3>
                  <Button
                    variant="quiet"
                    aria-label={t('conferences.removeParticipant', { n: i + 1 })}
                    onClick={() => {
                      setRows((rs) => rs.filter((x) => x.key !== r.key));
                      setRules((rl) =>
                        rl.map((rule) =>
                          rule.kind === 'pool'
                            ? { ...rule, members: rule.members.filter((k) => k !== r.key) }
                            : rule,
                        ),
                      );
                    }}
                  >
                    {t('conferences.remove')}
                  </Button>
                </div>
                <div className="conf-grid">
                  {r.kind === 'user' ? (
                    <>
                      <Field
                        id={`p${r.key}-user`}
                        label={t('conferences.fieldUser')}
                        error={err(`participants.${i}.userId`)}
                      >
                        {(c) => (
                          <select
                            {...c}
                            value={r.userId}
                            onChange={(e) => {
                              const u = options.users.find((x) => x.id === e.target.value);
                              update(r.key, { userId: e.target.value, agencyId: u?.agencyIds[0] ?? '' });
                            }}
                          >
                            <option value="">{t('conferences.chooseUser')}</option>
                            {options.users.map((u) => (
                              <option key={u.id} value={u.id}>
                                {u.displayName} ({u.agencyIds.map(agencyName).join(', ')})
                              </option>
                            ))}
                          </select>
                        )}
                      </Field>
                      {user && user.agencyIds.length > 1 ? agencySelect(r, i, false, user.agencyIds) : null}
                    </>
                  ) : null}
                  {r.kind === 'contact' ? (
                    <>
                      {agencySelect(r, i, false)}
                      <Field id={`p${r.key}-inst`} label={t('conferences.fieldInstitution')}>
                        {(c) => (
                          <select
                            {...c}
                            value={r.partnerInstitutionId}
                            onChange={(e) => {
                              const p = options.partnerInstitutions.find((x) => x.id === e.target.value);
                              update(r.key, {
                                partnerInstitutionId: e.target.value,
                                ...(p?.agencyId ? { agencyId: p.agencyId } : {}),
                                ...(p?.email && !r.email ? { email: p.email } : {}),
                              });
                            }}
                          >
                            <option value="">{t('conferences.noInstitution')}</option>
                            {options.partnerInstitutions.map((p) => (
                              <option key={p.id} value={p.id}>
                                {p.name}
                              </option>
                            ))}
                          </select>
                        )}
                      </Field>
                    </>
                  ) : null}
                  {r.kind !== 'user' ? (
                    <>
                      <Field
                        id={`p${r.key}-name`}
                        label={t('conferences.fieldName')}
                        error={err(`participants.${i}.displayName`)}
                      >
                        {(c) => (
                          <input
                            {...c}
                            value={r.displayName}
                            autoComplete="off"
                            onChange={(e) => update(r.key, { displayName: e.target.value })}
                          />
                        )}
                      </Field>
                      <Field
                        id={`p${r.key}-email`}
                        label={t('conferences.fieldEmail')}
                        hint={r.kind === 'external' ? t('conferences.externalHint') : undefined}
                        error={err(`participants.${i}.email`)}
                      >
                        {(c) => (
                          <input
                            {...c}
                            type="email"
                            value={r.email}
                            autoComplete="off"
                            onChange={(e) => update(r.key, { email: e.target.value })}
                          />
                        )}
                      </Field>
                    </>
                  ) : null}
                  {r.kind === 'external' ? (
                    <>
                      <Field
                        id={`p${r.key}-phone`}
                        label={t('conferences.fieldPhone')}
                        error={err(`participants.${i}.phone`)}
                      >
                        {(c) => (
                          <input
                            {...c}
                            type="tel"
                            value={r.phone}
                            autoComplete="off"
                            onChange={(e) => update(r.key, { phone: e.target.value })}
                          />
                        )}
                      </Field>
                      {agencySelect(r, i, true)}
                    </>
                  ) : null}
                  <Field id={`p${r.key}-att`} label={t('conferences.fieldAttendance')}>
                    {(c) => (
                      <select
                        {...c}
                        value={r.attendance}
                        onChange={(e) => update(r.key, { attendance: e.target.value as Row['attendance'] })}
                      >
                        <option value="required">{t('conferences.required')}</option>
                        <option value="optional">{t('conferences.optional')}</option>
                      </select>
                    )}
                  </Field>
                  <Field id={`p${r.key}-role`} label={t('conferences.fieldRole')}>
                    {(c) => (
                      <select
                        {...c}
                        value={r.role}
                        onChange={(e) => update(r.key, { role: e.target.value as ParticipantRole })}
                      >
                        {(Object.keys(roleLabelKey) as ParticipantRole[]).map((role) => (
                          <option key={role} value={role}>
                            {t(roleLabelKey[role])}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  {r.kind !== 'user' ? languageSelect(r, i) : null}
                </div>
              </li>
            );
          })}
        </ol>
        <div className="conf-actions">
          <Button variant="secondary" onClick={() => setRows((rs) => [...rs, emptyRow('user', language)])}>
            {t('conferences.addUser')}
          </Button>
          <Button variant="secondary" onClick={() => setRows((rs) => [...rs, emptyRow('contact', language)])}>
            {t('conferences.addContact')}
          </Button>
          <Button
            variant="secondary"
            onClick={() => setRows((rs) => [...rs, emptyRow('external', language)])}
          >
            {t('conferences.addExternal')}
          </Button>
        </div>
      </fieldset>

      <fieldset className="conf-section">
        <legend>{t('conferences.sectionQuorum')}</legend>
        <p className="conf-field__hint">{t('conferences.quorumHint')}</p>
        {rules.length === 0 ? <p>{t('conferences.noRules')}</p> : null}
        <ul className="conf-rows">
          {rules.map((rule, i) => (
            <li key={rule.key} className="conf-row">
              <div className="conf-grid">
                {rule.kind === 'agency' ? (
                  <Field
                    id={`q${rule.key}-agency`}
                    label={t('conferences.fieldParticipantAgency')}
                    error={err(`quorum.${i}.agencyId`)}
                  >
                    {(c) => (
                      <select
                        {...c}
                        value={rule.agencyId}
                        onChange={(e) =>
                          setRules((rl) =>
                            rl.map((x) => (x.key === rule.key ? { ...rule, agencyId: e.target.value } : x)),
                          )
                        }
                      >
                        <option value="">—</option>
                        {options.agencies.map((a) => (
                          <option key={a.id} value={a.id}>
                            {a.name}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                ) : (
                  <fieldset className="conf-pool">
                    <legend>{t('conferences.poolMembers')}</legend>
                    {rows.map((r, j) => (
                      <label key={r.key} className="conf-check">
                        <input
                          type="checkbox"
                          checked={rule.members.includes(r.key)}
                          onChange={(e) =>
                            setRules((rl) =>
                              rl.map((x) =>
                                x.key === rule.key && x.kind === 'pool'
                                  ? {
                                      ...x,
                                      members: e.target.checked
                                        ? [...x.members, r.key]
                                        : x.members.filter((k) => k !== r.key),
                                    }
                                  : x,
                              ),
                            )
                          }
                        />
                        {rowName(r, j, options, t)}
                      </label>
                    ))}
                    {err(`quorum.${i}.participants`) ? (
                      <p className="conf-field__error">{err(`quorum.${i}.participants`)}</p>
                    ) : null}
                  </fieldset>
                )}
                <Field
                  id={`q${rule.key}-n`}
                  label={t('conferences.fieldAtLeast')}
                  error={err(`quorum.${i}.atLeast`)}
                >
                  {(c) => (
                    <input
                      {...c}
                      type="number"
                      min={1}
                      max={50}
                      value={rule.atLeast}
                      onChange={(e) =>
                        setRules((rl) =>
                          rl.map((x) => (x.key === rule.key ? { ...x, atLeast: Number(e.target.value) } : x)),
                        )
                      }
                    />
                  )}
                </Field>
              </div>
              <Button variant="quiet" onClick={() => setRules((rl) => rl.filter((x) => x.key !== rule.key))}>
                {t('conferences.removeRule')}
              </Button>
            </li>
          ))}
        </ul>
        <div className="conf-actions">
          <Button
            variant="secondary"
            onClick={() =>
              setRules((rl) => [...rl, { key: nextKey++, kind: 'agency', agencyId: '', atLeast: 1 }])
            }
          >
            {t('conferences.addAgencyRule')}
          </Button>
          <Button
            variant="secondary"
            onClick={() =>
              setRules((rl) => [...rl, { key: nextKey++, kind: 'pool', members: [], atLeast: 1 }])
            }
          >
            {t('conferences.addPoolRule')}
          </Button>
        </div>
      </fieldset>

      <fieldset className="conf-section">
        <legend>{t('conferences.sectionPlace')}</legend>
        <fieldset
          className="conf-pool"
          aria-describedby={err('candidateRoomIds') ? 'conf-rooms-error' : undefined}
        >
          <legend>{t('conferences.fieldRooms')}</legend>
          {rooms.length === 0 ? <p>{t('conferences.noRooms')}</p> : null}
          {rooms.map((room) => (
            <label key={room.id} className="conf-check">
              <input
                type="checkbox"
                checked={roomIds.includes(room.id)}
                {...(err('candidateRoomIds') ? { 'aria-invalid': true } : {})}
                onChange={(e) =>
                  setRoomIds((ids) =>
                    e.target.checked ? [...ids, room.id] : ids.filter((x) => x !== room.id),
                  )
                }
              />
              {room.name}
              {room.capacity ? (
                <span className="conf-muted"> · {t('conferences.capacity', { count: room.capacity })}</span>
              ) : null}
            </label>
          ))}
          {err('candidateRoomIds') ? (
            <p id="conf-rooms-error" className="conf-field__error">
              {err('candidateRoomIds')}
            </p>
          ) : null}
        </fieldset>
        <label className="conf-check">
          <input type="checkbox" checked={online} onChange={(e) => setOnline(e.target.checked)} />
          {t('conferences.fieldOnline')}
        </label>
        <label className="conf-check">
          <input
            type="checkbox"
            checked={interpreterRequired}
            {...(err('interpreterRequired')
              ? { 'aria-invalid': true, 'aria-describedby': 'conf-interp-error' }
              : {})}
            onChange={(e) => setInterpreter(e.target.checked)}
          />
          {t('conferences.fieldInterpreter')}
        </label>
        {err('interpreterRequired') ? (
          <p id="conf-interp-error" className="conf-field__error">
            {err('interpreterRequired')}
          </p>
        ) : null}
        <Field id="conf-location" label={t('conferences.fieldLocationNote')} error={err('locationNote')}>
          {(c) => (
            <textarea
              {...c}
              rows={2}
              value={locationNote}
              maxLength={500}
              onChange={(e) => setLocationNote(e.target.value)}
            />
          )}
        </Field>
      </fieldset>

      <div className="conf-actions">
        <Button type="submit" busy={create.isPending}>
          {create.isPending ? t('conferences.creating') : t('conferences.create')}
        </Button>
        <ConfLink href="/conferences">{t('conferences.backToList')}</ConfLink>
      </div>
    </form>
  );
}

function rowName(r: Row, index: number, options: Options, t: ReturnType<typeof useTranslation>['t']): string {
  if (r.kind === 'user') {
    const name = options.users.find((u) => u.id === r.userId)?.displayName;
    if (name) return name;
  } else if (r.displayName.trim()) return r.displayName.trim();
  return t('conferences.participantN', { n: index + 1 });
}
