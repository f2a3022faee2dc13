import { useMutation, useQuery, useTRPC } from '@caremap/api-client';
import {
  apiErrorDetails,
  Button,
  currentLanguage,
  ErrorState,
  formatDateTime,
  formatNumber,
  Loading,
  useTranslation,
} from '@caremap/ui';
import { ConfLink } from './ConfLink';
import { kindLabelKey } from './labels';
import { go } from './route';
import { useT } from './translate';

/** A calendar day (YYYY-MM-DD) in the reader's language, without a zone shift. */
const formatDay = (day: string, language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );

/** The organiser's dashboard: care plan reviews and signalling meetings due, letters unsent. */
export function Dashboard() {
  const { t } = useTranslation();
  const { t: ts } = useT();
  const trpc = useTRPC();
  const language = currentLanguage();
  const board = useQuery(trpc.conference.dashboard.queryOptions());
  const schedule = useMutation(
    trpc.series.schedule.mutationOptions({ onSuccess: (r) => go(`/conferences/${r.conferenceId}`) }),
  );
  const due = (daysLeft: number) =>
    daysLeft < 0
      ? t('conferenceFollowUp.overdueBy', { n: formatNumber(-daysLeft, language) })
      : t('conferenceFollowUp.dueIn', { n: formatNumber(daysLeft, language) });
  return (
    <section className="conf-dashboard" aria-labelledby="conf-dashboard-title">
      <h2 id="conf-dashboard-title" className="conf-subtitle">
        {t('conferenceFollowUp.dashboardTitle')}
      </h2>
      {board.isPending ? (
        <Loading />
      ) : board.isError ? (
        <ErrorState
          as="h3"
          title={t('conferenceFollowUp.dashboardFailed')}
          message={apiErrorDetails(board.error, t).message}
          onRetry={() => void board.refetch()}
        />
      ) : (
        <div className="conf-dashboard__grid">
          <div className="conf-dashboard__card">
            <h3>{t('conferenceFollowUp.reviewsTitle')}</h3>
            {board.data.reviews.length === 0 ? (
              <p className="conf-muted">{t('conferenceFollowUp.reviewsEmpty')}</p>
            ) : (
              <ul>
                {board.data.reviews.map((r) => (
                  <li key={r.lastConferenceId} className={`conf-due conf-due--${r.status}`}>
                    <ConfLink href={`/conferences/${r.lastConferenceId}`}>
                      <code className="cm-mono">{r.caseRef}</code>
                    </ConfLink>{' '}
                    {t('conferenceFollowUp.dueBy', { day: formatDay(r.dueBy, language) })} ·{' '}
                    <strong>{due(r.daysLeft)}</strong>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="conf-dashboard__card">
            <h3>{t('conferenceFollowUp.signallingTitle')}</h3>
            {schedule.isError ? (
              <p className="conf-form__alert" role="alert">
                {apiErrorDetails(schedule.error, t).message}
              </p>
            ) : null}
            {board.data.seriesDue.length > 0 ? (
              <ul aria-label={ts('series.dueLabel')}>
                {board.data.seriesDue.map((d) => (
                  <li key={`${d.seriesId}/${d.occurrence}`} className="conf-due conf-due--due_soon">
                    <ConfLink href={`/conferences/series/${d.seriesId}`}>{d.title}</ConfLink>{' '}
                    {formatDateTime(d.startsAt, language)} · <strong>{due(d.daysLeft)}</strong>{' '}
                    <Button
                      variant="quiet"
                      disabled={schedule.isPending}
                      onClick={() => schedule.mutate({ seriesId: d.seriesId, occurrence: d.occurrence })}
                    >
                      {ts('series.scheduleThis')}
                    </Button>
                  </li>
                ))}
              </ul>
            ) : null}
            {board.data.signalling.length === 0 && board.data.seriesDue.length === 0 ? (
              <p className="conf-muted">{t('conferenceFollowUp.signallingEmpty')}</p>
            ) : board.data.signalling.length === 0 ? null : (
              <ul>
                {board.data.signalling.map((s) => (
                  <li key={s.lastConferenceId} className={`conf-due conf-due--${s.status}`}>
                    <ConfLink href={`/conferences/${s.lastConferenceId}`}>{s.agencyName}</ConfLink>{' '}
                    {t('conferenceFollowUp.dueBy', { day: formatDay(s.dueBy, language) })} ·{' '}
                    <strong>{due(s.daysLeft)}</strong>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="conf-dashboard__card">
            <h3>{t('conferenceFollowUp.unsentTitle')}</h3>
            {board.data.unsentLetters.length === 0 ? (
              <p className="conf-muted">{t('conferenceFollowUp.unsentEmpty')}</p>
            ) : (
              <ul aria-label={t('conferenceFollowUp.unsentTitle')}>
                {board.data.unsentLetters.map((u) => (
                  <li key={u.conferenceId}>
                    <ConfLink href={`/conferences/${u.conferenceId}`}>
                      <code className="cm-mono">{u.caseRef}</code>
                    </ConfLink>{' '}
                    {t(kindLabelKey[u.kind])} · {formatDateTime(u.heldAt, language)}
                    {u.drafts
                      ? ` · ${t('conferenceFollowUp.drafts', { n: formatNumber(u.drafts, language) })}`
                      : ''}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
