import { useMutation, useTRPC } from '@caremap/api-client';
import {
  apiErrorCode,
  apiErrorDetails,
  Button,
  currentLanguage,
  formatDateTime,
  useTranslation,
} from '@caremap/ui';
import { useState } from 'react';
import { type MeetingRecord, useRefreshRecord } from './shared';

/**
 * The minutes editor. A save names the version it started from; when someone else saved first the
 * server refuses, and both texts are shown side by side to keep one or the other.
 */
export function Minutes({ record }: { record: MeetingRecord }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshRecord(record.conferenceId);
  const saved = record.minutes;
  const [text, setText] = useState(saved?.text ?? '');
  const [base, setBase] = useState(saved?.version ?? 0);
  const [conflict, setConflict] = useState(false);
  const save = useMutation(
    trpc.record.saveMinutes.mutationOptions({
      onSuccess: async ({ version }) => {
        setBase(version);
        setConflict(false);
        await refresh();
      },
      onError: async (error) => {
        if (apiErrorCode(error) === 'minutes_conflict') {
          setConflict(true);
          await refresh();
        }
      },
    }),
  );
  const language = currentLanguage();
  if (!record.canEdit) {
    return (
      <section className="rec-block" aria-labelledby="rec-minutes">
        <h3 id="rec-minutes">{t('meetingRecord.minutesTitle')}</h3>
        {saved ? (
          <p className="rec-minutes-text">{saved.text}</p>
        ) : (
          <p className="conf-muted">{t('meetingRecord.minutesNone')}</p>
        )}
      </section>
    );
  }
  const dirty = text !== (saved?.text ?? '');
  return (
    <section className="rec-block" aria-labelledby="rec-minutes">
      <h3 id="rec-minutes">{t('meetingRecord.minutesTitle')}</h3>
      <div className="conf-field">
        <label htmlFor="rec-minutes-text" className="conf-field__label">
          {t('meetingRecord.minutesLabel')}
        </label>
        <textarea
          id="rec-minutes-text"
          rows={8}
          value={text}
          maxLength={100_000}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <p className="conf-muted" aria-live="polite">
        {saved
          ? t('meetingRecord.minutesLastSaved', {
              name: saved.updatedBy ?? '—',
              when: formatDateTime(saved.updatedAt, language),
              version: saved.version,
            })
          : t('meetingRecord.minutesNone')}
        {dirty ? ` · ${t('meetingRecord.minutesUnsaved')}` : ''}
      </p>
      {conflict && saved ? (
        <div className="rec-conflict" role="alert">
          <h4>{t('meetingRecord.minutesConflictTitle')}</h4>
          <p>{t('meetingRecord.minutesConflictBody')}</p>
          <div className="rec-conflict__both">
            <figure>
              <figcaption>{t('meetingRecord.minutesYours')}</figcaption>
              <pre>{text}</pre>
            </figure>
            <figure>
              <figcaption>{t('meetingRecord.minutesTheirs', { name: saved.updatedBy ?? '—' })}</figcaption>
              <pre>{saved.text}</pre>
            </figure>
          </div>
          <div className="conf-actions">
            <Button
              busy={save.isPending}
              onClick={() =>
                save.mutate({ conferenceId: record.conferenceId, text, expectedVersion: saved.version })
              }
            >
              {t('meetingRecord.minutesKeepMine')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setText(saved.text);
                setBase(saved.version);
                setConflict(false);
              }}
            >
              {t('meetingRecord.minutesTakeTheirs')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="conf-actions">
          <Button
            busy={save.isPending}
            onClick={() => save.mutate({ conferenceId: record.conferenceId, text, expectedVersion: base })}
          >
            {save.isPending ? t('meetingRecord.saving') : t('meetingRecord.minutesSave')}
          </Button>
        </div>
      )}
      {save.isError && !conflict ? (
        <p className="conf-form__alert" role="alert">
          {t('meetingRecord.minutesFailed')}: {apiErrorDetails(save.error, t).message}
        </p>
      ) : null}
    </section>
  );
}
