import { useMutation, useTRPC } from '@caremap/api-client';
import { apiErrorDetails, Button, useTranslation } from '@caremap/ui';
import { type FormEvent, useState } from 'react';
import { agendaText, type MeetingRecord, useRefreshRecord } from './shared';

export function Decisions({ record }: { record: MeetingRecord }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshRecord(record.conferenceId);
  const [text, setText] = useState('');
  const [agendaItemId, setAgendaItemId] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [editText, setEditText] = useState('');
  const add = useMutation(trpc.record.addDecision.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.record.updateDecision.mutationOptions({ onSuccess: refresh }));
  const itemText = (id: string | null) => {
    const item = record.agenda.find((a) => a.id === id);
    return item ? agendaText(item, t as never) : null;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    add.mutate(
      { conferenceId: record.conferenceId, text, agendaItemId: agendaItemId || null },
      { onSuccess: () => setText('') },
    );
  };
  const failed = add.error ?? update.error;
  return (
    <section className="rec-block" aria-labelledby="rec-decisions">
      <h3 id="rec-decisions">{t('meetingRecord.decisionsTitle')}</h3>
      {record.decisions.length === 0 ? (
        <p className="conf-muted">{t('meetingRecord.decisionsNone')}</p>
      ) : (
        <ol className="rec-plain rec-decisions">
          {record.decisions.map((d, i) => (
            <li key={d.id}>
              {editing === d.id ? (
                <form
                  className="conf-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    update.mutate(
                      { decisionId: d.id, text: editText },
                      { onSuccess: () => setEditing(null) },
                    );
                  }}
                >
                  <div className="conf-field">
                    <label htmlFor={`rec-dec-${d.id}`} className="conf-field__label">
                      {t('meetingRecord.decisionEdit', { n: i + 1 })}
                    </label>
                    <textarea
                      id={`rec-dec-${d.id}`}
                      rows={3}
                      value={editText}
                      onChange={(e) => setEditText(e.target.value)}
                    />
                  </div>
                  <div className="conf-actions">
                    <Button type="submit" busy={update.isPending}>
                      {t('meetingRecord.save')}
                    </Button>
                    <Button variant="secondary" onClick={() => setEditing(null)}>
                      {t('meetingRecord.cancel')}
                    </Button>
                  </div>
                </form>
              ) : (
                <>
                  {itemText(d.agendaItemId) ? (
                    <span className="cm-badge cm-badge--muted">{itemText(d.agendaItemId)}</span>
                  ) : null}{' '}
                  <span className="rec-minutes-text">{d.text}</span>{' '}
                  {record.canEdit ? (
                    <button
                      type="button"
                      className="rec-link"
                      aria-label={t('meetingRecord.decisionEdit', { n: i + 1 })}
                      onClick={() => {
                        setEditing(d.id);
                        setEditText(d.text);
                      }}
                    >
                      {t('meetingRecord.edit')}
                    </button>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {record.canEdit ? (
        <form className="conf-form" onSubmit={submit}>
          <div className="conf-grid">
            <div className="conf-field conf-grid__wide">
              <label htmlFor="rec-decision-new" className="conf-field__label">
                {t('meetingRecord.decisionNew')}
              </label>
              <textarea
                id="rec-decision-new"
                rows={3}
                value={text}
                maxLength={4000}
                onChange={(e) => setText(e.target.value)}
              />
            </div>
            <div className="conf-field">
              <label htmlFor="rec-decision-item" className="conf-field__label">
                {t('meetingRecord.decisionAgendaItem')}
              </label>
              <select
                id="rec-decision-item"
                value={agendaItemId}
                onChange={(e) => setAgendaItemId(e.target.value)}
              >
                <option value="">{t('meetingRecord.decisionGeneral')}</option>
                {record.agenda.map((a) => (
                  <option key={a.id} value={a.id}>
                    {agendaText(a, t as never)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div>
            <Button type="submit" variant="secondary" busy={add.isPending}>
              {t('meetingRecord.decisionAdd')}
            </Button>
          </div>
        </form>
      ) : null}
      {failed ? (
        <p className="conf-form__alert" role="alert">
          {t('meetingRecord.decisionFailed')}: {apiErrorDetails(failed, t).message}
        </p>
      ) : null}
    </section>
  );
}
