import { useMutation, useTRPC } from '@caremap/api-client';
import { apiErrorDetails, Button, currentLanguage, useTranslation } from '@caremap/ui';
import { type FormEvent, useState } from 'react';
import { actionStatusLabelKey, formatDay, type MeetingRecord, useRefreshRecord } from './shared';

type Status = 'open' | 'done' | 'cancelled';

export function ActionItems({ record }: { record: MeetingRecord }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshRecord(record.conferenceId);
  const language = currentLanguage();
  const owners = record.participants.filter((p) => p.kind !== 'external');
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation(trpc.actionItems.create.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.actionItems.update.mutationOptions({ onSuccess: refresh }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = t('meetingRecord.errTitle');
    if (!owner) found.owner = t('meetingRecord.errOwner');
    if (!dueOn) found.dueOn = t('meetingRecord.errDue');
    setErrors(found);
    if (Object.keys(found).length) return;
    create.mutate(
      {
        conferenceId: record.conferenceId,
        title,
        ownerParticipantId: owner,
        ...(agencyId ? { ownerAgencyId: agencyId } : {}),
        dueOn,
      },
      {
        onSuccess: () => {
          setTitle('');
          setDueOn('');
        },
      },
    );
  };
  const failed = create.error ?? update.error;
  const err = (field: string) =>
    errors[field] ? (
      <p id={`rec-ai-${field}-error`} className="conf-field__error">
        {errors[field]}
      </p>
    ) : null;
  const invalid = (field: string) =>
    errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `rec-ai-${field}-error` } : {};
  return (
    <section className="rec-block" aria-labelledby="rec-actions">
      <h3 id="rec-actions">{t('meetingRecord.actionsTitle')}</h3>
      {record.actionItems.length === 0 ? (
        <p className="conf-muted">{t('meetingRecord.actionsNone')}</p>
      ) : (
        <ul className="rec-actions">
          {record.actionItems.map((item) => (
            <li key={item.id} className={`rec-action${item.overdue ? ' rec-action--overdue' : ''}`}>
              <div className="rec-action__main">
                <strong>{item.title}</strong>
                <span className="conf-muted">
                  {item.ownerName} · {item.ownerAgencyName}
                </span>
                <span>
                  {t('meetingRecord.dueOn', { date: formatDay(item.dueOn, language) })}
                  {item.overdue ? <span className="rec-overdue"> {t('meetingRecord.overdue')}</span> : null}
                </span>
              </div>
              {item.canSetStatus ? (
                <div className="conf-field rec-action__status">
                  <label htmlFor={`rec-ai-status-${item.id}`} className="conf-field__label">
                    {t('meetingRecord.actionStatus')}
                  </label>
                  <select
                    id={`rec-ai-status-${item.id}`}
                    aria-label={t('meetingRecord.actionStatusLabel', { item: item.title })}
                    value={item.status}
                    onChange={(e) =>
                      update.mutate({ actionItemId: item.id, status: e.target.value as Status })
                    }
                  >
                    {(['open', 'done', 'cancelled'] as const).map((s) => (
                      <option key={s} value={s}>
                        {t(actionStatusLabelKey[s])}
                      </option>
                    ))}
                  </select>
                </div>
              ) : (
                <span className="cm-badge cm-badge--muted">{t(actionStatusLabelKey[item.status])}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {record.canEdit ? (
        <form className="conf-form" onSubmit={submit} noValidate>
          <h4 className="rec-form-title">{t('meetingRecord.actionNew')}</h4>
          <div className="conf-grid">
            <div className={`conf-field conf-grid__wide${errors.title ? ' conf-field--invalid' : ''}`}>
              <label htmlFor="rec-ai-title" className="conf-field__label">
                {t('meetingRecord.actionTitle')}
              </label>
              <input
                id="rec-ai-title"
                value={title}
                maxLength={300}
                onChange={(e) => setTitle(e.target.value)}
                {...invalid('title')}
              />
              {err('title')}
            </div>
            <div className={`conf-field${errors.owner ? ' conf-field--invalid' : ''}`}>
              <label htmlFor="rec-ai-owner" className="conf-field__label">
                {t('meetingRecord.actionOwner')}
              </label>
              <select
                id="rec-ai-owner"
                value={owner}
                onChange={(e) => {
                  setOwner(e.target.value);
                  setAgencyId(owners.find((o) => o.id === e.target.value)?.agencyId ?? '');
                }}
                {...invalid('owner')}
              >
                <option value="">{t('meetingRecord.actionChooseOwner')}</option>
                {owners.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.displayName}
                    {o.agencyName ? ` (${o.agencyName})` : ''}
                  </option>
                ))}
              </select>
              {err('owner')}
            </div>
            <div className="conf-field">
              <label htmlFor="rec-ai-agency" className="conf-field__label">
                {t('meetingRecord.actionAgency')}
              </label>
              <select id="rec-ai-agency" value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
                <option value="">—</option>
                {record.agencies.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
            <div className={`conf-field${errors.dueOn ? ' conf-field--invalid' : ''}`}>
              <label htmlFor="rec-ai-due" className="conf-field__label">
                {t('meetingRecord.actionDue')}
              </label>
              <input
                id="rec-ai-due"
                type="date"
                value={dueOn}
                onChange={(e) => setDueOn(e.target.value)}
                {...invalid('dueOn')}
              />
              {err('dueOn')}
            </div>
          </div>
          <div>
            <Button type="submit" variant="secondary" busy={create.isPending}>
              {t('meetingRecord.actionAdd')}
            </Button>
          </div>
        </form>
      ) : null}
      {failed ? (
        <p className="conf-form__alert" role="alert">
          {t('meetingRecord.actionFailed')}: {apiErrorDetails(failed, t).message}
        </p>
      ) : null}
    </section>
  );
}
