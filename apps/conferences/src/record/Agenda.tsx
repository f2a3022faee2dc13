import { useMutation, useTRPC } from '@caremap/api-client';
import { apiErrorDetails, Button, useTranslation } from '@caremap/ui';
import { type FormEvent, useLayoutEffect, useRef, useState } from 'react';
import { type AgendaEntry, agendaText, type MeetingRecord, useRefreshRecord } from './shared';

type Entry = { id: string } | { title: string } | { templateKey: string };

/** The agenda: template, add, reorder (up/down buttons keep focus on the moved item), remove. */
export function Agenda({ record }: { record: MeetingRecord }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshRecord(record.conferenceId);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const save = useMutation(trpc.record.setAgenda.mutationOptions({ onSuccess: refresh }));
  const template = useMutation(
    trpc.record.applyAgendaTemplate.mutationOptions({
      onSuccess: async ({ added }) => {
        setMessage(t('meetingRecord.templateAdded', { n: added }));
        await refresh();
      },
    }),
  );
  const text = (item: AgendaEntry) => agendaText(item, t as never);
  const ids = (items: AgendaEntry[]): Entry[] => items.map((i) => ({ id: i.id }));
  // The item whose button was pressed, refocused once the saved order is on screen; the buttons stay
  // enabled while saving (a disabled button drops the keyboard focus to the page).
  const pendingFocus = useRef<{ id: string; at: number; focus: 'up' | 'down' } | null>(null);
  useLayoutEffect(() => {
    const pending = pendingFocus.current;
    // Only once the saved order is rendered: React moves the item's node, which drops the focus.
    if (!pending || record.agenda[pending.at]?.id !== pending.id) return;
    const row = list.current?.querySelector<HTMLElement>(`[data-item="${pending.id}"]`);
    // Keep the keyboard where the item went; at an end, the other button.
    const target =
      row?.querySelector<HTMLButtonElement>(`[data-move="${pending.focus}"]:not([disabled])`) ??
      row?.querySelector<HTMLButtonElement>('[data-move]:not([disabled])');
    if (!target) return;
    target.focus();
    pendingFocus.current = null;
  });
  const move = (index: number, by: -1 | 1, focus: 'up' | 'down') => {
    if (save.isPending) return;
    const items = [...record.agenda];
    const [moved] = items.splice(index, 1);
    items.splice(index + by, 0, moved!);
    pendingFocus.current = { id: moved!.id, at: index + by, focus };
    save.mutate(
      { conferenceId: record.conferenceId, items: ids(items) as never },
      { onError: () => (pendingFocus.current = null) },
    );
  };
  const remove = (index: number) => {
    const items = record.agenda.filter((_, i) => i !== index);
    save.mutate({ conferenceId: record.conferenceId, items: ids(items) as never });
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    const title = draft.trim();
    if (!title) return;
    save.mutate(
      { conferenceId: record.conferenceId, items: [...ids(record.agenda), { title }] as never },
      { onSuccess: () => setDraft('') },
    );
  };
  const missingTemplate = record.templateKeys.some((k) => !record.agenda.some((a) => a.templateKey === k));
  const failed = save.error ?? template.error;
  return (
    <section className="rec-block" aria-labelledby="rec-agenda">
      <h3 id="rec-agenda">{t('meetingRecord.agendaTitle')}</h3>
      {record.agenda.length === 0 ? <p className="conf-muted">{t('meetingRecord.agendaEmpty')}</p> : null}
      {record.canEdit && missingTemplate ? (
        <div className="conf-actions">
          <Button
            variant="secondary"
            busy={template.isPending}
            onClick={() => template.mutate({ conferenceId: record.conferenceId })}
          >
            {t('meetingRecord.applyTemplate')}
          </Button>
        </div>
      ) : null}
      <p className="conf-muted" aria-live="polite">
        {message}
      </p>
      {record.agenda.length ? (
        <>
          {record.canEdit ? <p className="conf-field__hint">{t('meetingRecord.agendaHint')}</p> : null}
          <ol className="rec-agenda" ref={list}>
            {record.agenda.map((item, i) => (
              <li key={item.id} data-item={item.id} className="rec-agenda__item">
                <span className="rec-agenda__text">{text(item)}</span>
                {record.canEdit ? (
                  <span className="rec-agenda__tools">
                    <button
                      type="button"
                      className="rec-icon"
                      data-move="up"
                      disabled={i === 0}
                      aria-disabled={save.isPending || undefined}
                      aria-label={t('meetingRecord.moveUp', { item: text(item) })}
                      onClick={() => move(i, -1, 'up')}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="rec-icon"
                      data-move="down"
                      disabled={i === record.agenda.length - 1}
                      aria-disabled={save.isPending || undefined}
                      aria-label={t('meetingRecord.moveDown', { item: text(item) })}
                      onClick={() => move(i, 1, 'down')}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="rec-icon"
                      disabled={save.isPending}
                      aria-label={t('meetingRecord.removeItem', { item: text(item) })}
                      onClick={() => remove(i)}
                    >
                      ×
                    </button>
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {record.canEdit ? (
        <form className="rec-inline conf-form" onSubmit={add}>
          <div className="conf-field">
            <label htmlFor="rec-agenda-new" className="conf-field__label">
              {t('meetingRecord.agendaNew')}
            </label>
            <input
              id="rec-agenda-new"
              value={draft}
              maxLength={300}
              onChange={(e) => setDraft(e.target.value)}
            />
          </div>
          <Button type="submit" variant="secondary" busy={save.isPending}>
            {t('meetingRecord.agendaAdd')}
          </Button>
        </form>
      ) : null}
      {failed ? (
        <p className="conf-form__alert" role="alert">
          {t('meetingRecord.agendaFailed')}: {apiErrorDetails(failed, t).message}
        </p>
      ) : null}
    </section>
  );
}
