import { useMutation, useTRPC } from '@caremap/api-client';
import { apiErrorDetails, useTranslation } from '@caremap/ui';
import { useState } from 'react';
import { roleLabelKey } from '../labels';
import { type MeetingRecord, useRefreshRecord } from './shared';

/** Who was there: a checkbox per participant (saved on change), or the recorded state to read. */
export function Attendance({ record }: { record: MeetingRecord }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshRecord(record.conferenceId);
  // What was ticked shows at once; a failed save puts the box back to what the server holds.
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const save = useMutation(
    trpc.record.setAttendance.mutationOptions({
      onSuccess: refresh,
      onError: (_e, input) =>
        setTicked((now) => {
          const { [input.participants[0]!.participantId]: _gone, ...rest } = now;
          return rest;
        }),
    }),
  );
  return (
    <section className="rec-block" aria-labelledby="rec-attendance">
      <h3 id="rec-attendance">{t('meetingRecord.attendanceTitle')}</h3>
      {record.canEdit ? (
        <fieldset className="rec-attendance">
          <legend className="conf-field__hint">{t('meetingRecord.attendanceHint')}</legend>
          {record.participants.map((p) => (
            <label key={p.id} className="conf-check">
              <input
                type="checkbox"
                checked={ticked[p.id] ?? p.attended === true}
                onChange={(e) => {
                  setTicked((now) => ({ ...now, [p.id]: e.target.checked }));
                  save.mutate({
                    conferenceId: record.conferenceId,
                    participants: [{ participantId: p.id, attended: e.target.checked }],
                  });
                }}
              />
              <span>
                {p.displayName}
                <span className="conf-muted">
                  {' · '}
                  {t(roleLabelKey[p.role])}
                  {p.agencyName ? ` · ${p.agencyName}` : ''}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : (
        <ul className="rec-plain">
          {record.participants.map((p) => (
            <li key={p.id}>
              {p.displayName}
              <span className="conf-muted">
                {' · '}
                {p.attended === null
                  ? t('meetingRecord.notRecorded')
                  : p.attended
                    ? t('meetingRecord.present')
                    : t('meetingRecord.absent')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="conf-muted" aria-live="polite">
        {save.isPending ? t('meetingRecord.saving') : save.isSuccess ? t('meetingRecord.saved') : ''}
      </p>
      {save.isError ? (
        <p className="conf-form__alert" role="alert">
          {t('meetingRecord.attendanceFailed')}: {apiErrorDetails(save.error, t).message}
        </p>
      ) : null}
    </section>
  );
}
