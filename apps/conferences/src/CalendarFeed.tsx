import { useMutation, useQuery, useQueryClient, useTRPC } from '@caremap/api-client';
import {
  apiErrorDetails,
  Button,
  currentLanguage,
  formatDateTime,
  QueryState,
  useTranslation,
} from '@caremap/ui';
import { useId, useState } from 'react';

/**
 * The user's personal calendar feed: a secret URL a calendar app subscribes to. Only its hash is
 * kept on the server, so the URL is shown once, right after it is made; rotating makes a new one
 * (the old one stops working), revoking turns the feed off.
 */
export function CalendarFeed() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const language = currentLanguage();
  const inputId = useId();
  const status = useQuery(trpc.calendarFeed.status.queryOptions());
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.calendarFeed.status.queryKey() });
  const rotate = useMutation(
    trpc.calendarFeed.rotate.mutationOptions({
      onSuccess: async (data) => {
        setUrl(data.url);
        setCopied(false);
        await refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.calendarFeed.revoke.mutationOptions({
      onSuccess: async () => {
        setUrl(null);
        await refresh();
      },
    }),
  );
  const failed = rotate.error ?? revoke.error;
  return (
    <section className="conf-feed" aria-labelledby="conf-feed-title">
      <h2 id="conf-feed-title" className="conf-subtitle">
        {t('conferenceFollowUp.feedTitle')}
      </h2>
      <p className="conf-muted">{t('conferenceFollowUp.feedIntro')}</p>
      <QueryState query={status} failed={t('conferenceFollowUp.feedFailed')} as="h3">
        {(data) => (
          <>
            {url ? (
              <div className="conf-field">
                <label htmlFor={inputId} className="conf-field__label">
                  {t('conferenceFollowUp.feedUrl')}
                </label>
                <p className="conf-field__hint" id={`${inputId}-hint`}>
                  {t('conferenceFollowUp.feedUrlHint')}
                </p>
                <div className="conf-feed__url">
                  <input
                    id={inputId}
                    readOnly
                    value={url}
                    aria-describedby={`${inputId}-hint`}
                    onFocus={(e) => e.target.select()}
                  />
                  <Button
                    variant="secondary"
                    onClick={() =>
                      void navigator.clipboard?.writeText(url).then(
                        () => setCopied(true),
                        () => setCopied(false),
                      )
                    }
                  >
                    {t('conferenceFollowUp.copy')}
                  </Button>
                </div>
                {copied ? <p role="status">{t('conferenceFollowUp.copied')}</p> : null}
              </div>
            ) : data.active && data.createdAt ? (
              <p className="conf-note">
                {t('conferenceFollowUp.feedActive', { when: formatDateTime(data.createdAt, language) })}
              </p>
            ) : (
              <p className="conf-note conf-note--muted">{t('conferenceFollowUp.feedNone')}</p>
            )}
            <div className="conf-actions">
              <Button variant="secondary" busy={rotate.isPending} onClick={() => rotate.mutate()}>
                {t(data.active ? 'conferenceFollowUp.feedRotate' : 'conferenceFollowUp.feedCreate')}
              </Button>
              {data.active ? (
                <Button variant="secondary" busy={revoke.isPending} onClick={() => revoke.mutate()}>
                  {t('conferenceFollowUp.feedRevoke')}
                </Button>
              ) : null}
            </div>
            {failed ? (
              <p className="conf-form__alert" role="alert">
                {apiErrorDetails(failed, t).message}
              </p>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}
