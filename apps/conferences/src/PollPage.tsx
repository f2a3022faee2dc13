import { useMutation, useQuery, useQueryClient, useTRPC } from '@caremap/api-client';
import {
  apiErrorCode,
  apiErrorDetails,
  Button,
  changeLanguage,
  currentLanguage,
  EmptyState,
  ErrorState,
  formatDateTimeRange,
  isoDateTime,
  Loading,
  PageHeading,
  useTranslation,
} from '@caremap/ui';
import { pollTokenInput } from '@caremap/validators';
import { useEffect, useState } from 'react';
import { kindLabelKey } from './labels';

type PollAnswer = 'yes' | 'if_need_be' | 'no';
const choices: Array<{
  value: PollAnswer;
  label: 'conferencePoll.yes' | 'conferencePoll.ifNeedBe' | 'conferencePoll.no';
}> = [
  { value: 'yes', label: 'conferencePoll.yes' },
  { value: 'if_need_be', label: 'conferencePoll.ifNeedBe' },
  { value: 'no', label: 'conferencePoll.no' },
];
const LANGS = ['hu', 'cs', 'tr', 'en'] as const;

/**
 * The poll page of a family member or another external: public, no sign-in, the link's token the
 * only credential. It opens in the language the e-mail was written in (`lang`), shows the proposed
 * times in the conference's zone, and takes yes / if need be / no per time until the deadline.
 */
export function PollPage({ token, lang }: { token: string; lang: string | null }) {
  const { t } = useTranslation();
  useEffect(() => {
    const wanted = LANGS.find((l) => l === lang);
    if (wanted && wanted !== currentLanguage()) void changeLanguage(wanted);
  }, [lang]);
  const wellFormed = pollTokenInput.safeParse({ token }).success;
  if (!wellFormed) return <InvalidPoll />;
  return <PollForm token={token} t={t} />;
}

function InvalidPoll() {
  const { t } = useTranslation();
  return (
    <EmptyState as="h1" title={t('conferencePoll.invalidTitle')}>
      <p>{t('conferencePoll.invalidBody')}</p>
    </EmptyState>
  );
}

function PollForm({ token, t }: { token: string; t: ReturnType<typeof useTranslation>['t'] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const language = currentLanguage();
  const view = useQuery({ ...trpc.poll.view.queryOptions({ token }), retry: false });
  const [answers, setAnswers] = useState<Record<string, PollAnswer>>({});
  const [name, setName] = useState<string | null>(null);
  const [nameError, setNameError] = useState(false);
  const save = useMutation(
    trpc.poll.answer.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.poll.view.queryKey({ token }) }),
    }),
  );

  if (view.isPending) return <Loading />;
  if (view.isError) {
    const code = apiErrorCode(view.error);
    if (code === 'poll_invalid' || apiErrorDetails(view.error, t).kind === 'validation')
      return <InvalidPoll />;
    return (
      <ErrorState
        title={t('conferencePoll.loadFailed')}
        message={apiErrorDetails(view.error, t).message}
        onRetry={() => void view.refetch()}
      />
    );
  }
  const poll = view.data;
  const shownName = name ?? poll.name;
  const answerOf = (optionId: string, stored: PollAnswer | null) => answers[optionId] ?? stored;
  const closed = !poll.open || (save.isError && apiErrorCode(save.error) === 'poll_closed');
  const deadline = new Intl.DateTimeFormat(language, {
    timeZone: poll.timezone,
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(poll.deadline);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!shownName.trim()) {
      setNameError(true);
      document.getElementById('poll-name')?.focus();
      return;
    }
    setNameError(false);
    const list = poll.times.flatMap((x) => {
      const a = answerOf(x.optionId, x.answer);
      return a ? [{ optionId: x.optionId, answer: a }] : [];
    });
    if (list.length === 0) return;
    save.mutate({ token, name: shownName.trim(), answers: list });
  };

  return (
    <div className="conf-poll">
      <PageHeading title={t('conferencePoll.title')}>
        <p>{t('conferencePoll.intro', { kind: t(kindLabelKey[poll.kind]) })}</p>
      </PageHeading>
      {closed ? (
        <div className="conf-note" role="status">
          <strong>{t('conferencePoll.closedTitle')}</strong> {t('conferencePoll.closedBody')}
        </div>
      ) : (
        <p className="conf-note">{t('conferencePoll.deadline', { deadline })}</p>
      )}
      <form className="conf-form conf-poll__form" onSubmit={submit} noValidate>
        <div className={`conf-field${nameError ? ' conf-field--invalid' : ''}`}>
          <label htmlFor="poll-name" className="conf-field__label">
            {t('conferencePoll.name')}
          </label>
          <input
            id="poll-name"
            value={shownName}
            autoComplete="name"
            maxLength={120}
            disabled={closed}
            aria-invalid={nameError || undefined}
            aria-describedby={nameError ? 'poll-name-error' : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {nameError ? (
            <p id="poll-name-error" className="conf-field__error">
              {t('conferencePoll.nameMissing')}
            </p>
          ) : null}
        </div>
        <p className="conf-muted">{t('conferences.inZone', { zone: poll.timezone })}</p>
        <ol className="conf-poll__times">
          {poll.times.map((x, i) => {
            const current = answerOf(x.optionId, x.answer);
            return (
              <li key={x.optionId}>
                <fieldset className="conf-poll__time">
                  <legend>
                    <span className="conf-poll__n">{i + 1}.</span>{' '}
                    <time dateTime={isoDateTime(x.startsAt)}>
                      {formatDateTimeRange(x.startsAt, x.endsAt, language, poll.timezone)}
                    </time>
                  </legend>
                  <div className="conf-poll__choices">
                    {choices.map((c) => (
                      <label key={c.value} className={`conf-poll__choice conf-poll__choice--${c.value}`}>
                        <input
                          type="radio"
                          name={`poll-${x.optionId}`}
                          value={c.value}
                          checked={current === c.value}
                          disabled={closed}
                          onChange={() => setAnswers((prev) => ({ ...prev, [x.optionId]: c.value }))}
                        />
                        <span>{t(c.label)}</span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        {save.isError && !closed ? (
          <p className="conf-form__alert" role="alert">
            {t('conferencePoll.saveFailed')}: {apiErrorDetails(save.error, t).message}
          </p>
        ) : null}
        {save.isSuccess ? (
          <p className="conf-poll__saved" role="status">
            {t('conferencePoll.saved')}
          </p>
        ) : null}
        {closed ? null : (
          <div className="conf-actions">
            <Button type="submit" busy={save.isPending}>
              {poll.respondedAt ? t('conferencePoll.update') : t('conferencePoll.send')}
            </Button>
          </div>
        )}
      </form>
      <p className="conf-muted">{t('conferencePoll.privacy')}</p>
    </div>
  );
}
