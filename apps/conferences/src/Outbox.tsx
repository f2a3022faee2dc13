import { useQuery, useTRPC } from '@caremap/api-client';
import {
  apiErrorDetails,
  currentLanguage,
  EmptyState,
  ErrorState,
  formatDateTime,
  formatNumber,
  isoDateTime,
  Loading,
  PageHeading,
  useTranslation,
} from '@caremap/ui';
import { useEffect, useState } from 'react';
import { ConfLink } from './ConfLink';
import { outboxStatusLabelKey } from './labels';

/** A download link for an .ics text (a blob: URL, released when the link goes away). */
function IcsDownload({ ics, name }: { ics: string; name: string }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (typeof URL.createObjectURL !== 'function') return;
    const u = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [ics]);
  return url ? (
    <a href={url} download={name} className="conf-download">
      {t('conferences.downloadIcs')}
    </a>
  ) : null;
}

export function Outbox() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const language = currentLanguage();
  const outbox = useQuery(trpc.conference.outbox.queryOptions({ page: 1, size: 100 }));
  const heading = (
    <PageHeading title={t('conferences.outboxTitle')}>
      <p>{t('conferences.outboxIntro')}</p>
    </PageHeading>
  );
  let body: React.ReactNode;
  if (outbox.isPending) body = <Loading />;
  else if (outbox.isError) {
    const details = apiErrorDetails(outbox.error, t);
    body =
      details.kind === 'forbidden' ? (
        <EmptyState title={t('conferences.orgOnlyTitle')}>
          <p>{details.message}</p>
        </EmptyState>
      ) : (
        <ErrorState
          title={t('conferences.outboxFailed')}
          message={details.message}
          onRetry={() => void outbox.refetch()}
        />
      );
  } else if (outbox.data.items.length === 0) {
    body = (
      <EmptyState title={t('conferences.outboxEmptyTitle')}>
        <p>{t('conferences.outboxEmptyBody')}</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <p className="conf-muted">{t('conferences.outboxCount', { count: outbox.data.total })}</p>
        <ol className="conf-outbox" aria-label={t('conferences.outboxTitle')}>
          {outbox.data.items.map((m) => (
            <li key={m.id} className={`conf-mail conf-mail--${m.status}`}>
              <div className="conf-mail__head">
                <span className="cm-badge">
                  {t(m.icsMethod === 'CANCEL' ? 'conferences.methodCancel' : 'conferences.methodRequest')}
                </span>
                <span className={`conf-mail__status conf-mail__status--${m.status}`}>
                  {t(outboxStatusLabelKey[m.status])}
                </span>
              </div>
              <h2 className="conf-mail__subject">{m.subject ?? t('conferences.hiddenSubject')}</h2>
              <dl className="conf-item__facts">
                <div>
                  <dt>{t('conferences.colRecipient')}</dt>
                  <dd className="conf-break">{m.recipientAddress}</dd>
                </div>
                <div>
                  <dt>{t('conferences.colLanguage')}</dt>
                  <dd lang={m.recipientLanguage}>{t(`language.${m.recipientLanguage}`)}</dd>
                </div>
                <div>
                  <dt>{t('conferences.colSentAt')}</dt>
                  <dd>
                    {m.sentAt ? (
                      <time dateTime={isoDateTime(m.sentAt)}>{formatDateTime(m.sentAt, language)}</time>
                    ) : (
                      t('conferences.notSent')
                    )}
                  </dd>
                </div>
                <div>
                  <dt>{t('conferences.colAttempts')}</dt>
                  <dd>{formatNumber(m.attempts, language)}</dd>
                </div>
                <div>
                  <dt>{t('conferences.colDelivery')}</dt>
                  <dd>
                    {m.transport === null
                      ? t('conferences.notSent')
                      : t(
                          m.transport === 'local'
                            ? 'conferences.transportLocal'
                            : 'conferences.transportSmtp',
                        )}
                  </dd>
                </div>
              </dl>
              {m.textBody ? (
                <details className="conf-mail__part">
                  <summary>{t('conferences.showBody')}</summary>
                  <pre lang={m.recipientLanguage}>{m.textBody}</pre>
                </details>
              ) : null}
              {m.ics ? (
                <details className="conf-mail__part">
                  <summary>{t('conferences.showIcs')}</summary>
                  <pre className="conf-ics">{m.ics}</pre>
                  <IcsDownload ics={m.ics} name={`invitation-${m.id.slice(0, 8)}.ics`} />
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      </>
    );
  }
  return (
    <>
      {heading}
      {body}
      <p className="conf-back">
        <ConfLink href="/conferences">{t('conferences.backToList')}</ConfLink>
      </p>
    </>
  );
}
