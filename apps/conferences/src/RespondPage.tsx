import { type RouterOutputs, useMutation, useTRPC } from '@caremap/api-client';
import {
  apiErrorCode,
  apiErrorDetails,
  Button,
  currentLanguage,
  EmptyState,
  formatDateTimeRange,
  isoDateTime,
  PageHeading,
  useTranslation,
} from '@caremap/ui';
import { responseTokenSchema } from '@caremap/validators';
import { kindLabelKey, partstatLabelKey } from './labels';

type Answer = 'accepted' | 'tentative' | 'declined';
type Result = RouterOutputs['invitation']['respond'];
const answers: Array<{
  value: Answer;
  label: 'conferences.respondAccept' | 'conferences.respondTentative' | 'conferences.respondDecline';
}> = [
  { value: 'accepted', label: 'conferences.respondAccept' },
  { value: 'tentative', label: 'conferences.respondTentative' },
  { value: 'declined', label: 'conferences.respondDecline' },
];

/**
 * The accept / maybe / decline page of an invitation e-mail: public, no sign-in. Opening it (a GET)
 * changes nothing; only a button press answers, through a POST. A bad or expired link gets a plain
 * page in the visitor's language.
 */
export function RespondPage({ token, suggested }: { token: string; suggested: string | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const language = currentLanguage();
  const respond = useMutation(trpc.invitation.respond.mutationOptions());
  const wellFormed = responseTokenSchema.safeParse(token).success;
  const code = respond.isError ? apiErrorCode(respond.error) : undefined;
  const kind = respond.isError ? apiErrorDetails(respond.error, t).kind : undefined;

  if (!wellFormed || code === 'invitation_invalid' || (kind === 'validation' && !code)) {
    return (
      <EmptyState as="h1" title={t('conferences.invalidTitle')}>
        <p>{t('conferences.invalidBody')}</p>
      </EmptyState>
    );
  }
  if (code === 'invitation_expired') {
    return (
      <EmptyState as="h1" title={t('conferences.expiredTitle')}>
        <p>{t('conferences.expiredBody')}</p>
      </EmptyState>
    );
  }
  const done: Result | undefined = respond.data;
  const suggestion = answers.find((a) => a.value === suggested);
  return (
    <div className="conf-respond">
      <PageHeading title={t('conferences.respondTitle')}>
        <p>{t('conferences.respondIntro')}</p>
      </PageHeading>
      {done ? (
        <div className="conf-respond__done" role="status">
          <p className="conf-respond__answer">
            {t('conferences.respondDone', { answer: t(partstatLabelKey[done.partstat]) })}
          </p>
          <dl className="conf-facts">
            <div>
              <dt>{t('conferences.fieldKind')}</dt>
              <dd>{t(kindLabelKey[done.conference.kind])}</dd>
            </div>
            {done.conference.caseRef ? (
              <div>
                <dt>{t('conferences.caseRef')}</dt>
                <dd>
                  <code className="cm-mono">{done.conference.caseRef}</code>
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{t('conferences.respondWhen')}</dt>
              <dd>
                <time dateTime={isoDateTime(done.conference.startsAt)}>
                  {formatDateTimeRange(
                    done.conference.startsAt,
                    done.conference.endsAt,
                    language,
                    done.conference.timezone,
                  )}
                </time>
                <span className="conf-muted">
                  {' '}
                  · {t('conferences.inZone', { zone: done.conference.timezone })}
                </span>
              </dd>
            </div>
          </dl>
          <p>{t('conferences.respondChange')}</p>
        </div>
      ) : suggestion ? (
        <p className="conf-note">{t('conferences.respondChoiceHint', { choice: t(suggestion.label) })}</p>
      ) : null}
      {respond.isError ? (
        <p className="conf-form__alert" role="alert">
          {t('conferences.respondFailed')}: {apiErrorDetails(respond.error, t).message}
        </p>
      ) : null}
      <div className="conf-actions conf-respond__buttons">
        {answers.map((a) => (
          <Button
            key={a.value}
            variant={(done?.partstat ?? suggestion?.value) === a.value ? 'primary' : 'secondary'}
            aria-pressed={done ? done.partstat === a.value : undefined}
            busy={respond.isPending && respond.variables?.response === a.value}
            onClick={() => respond.mutate({ token, response: a.value })}
          >
            {t(a.label)}
          </Button>
        ))}
      </div>
      {respond.isPending ? (
        <p className="conf-muted" role="status">
          {t('conferences.respondSending')}
        </p>
      ) : null}
    </div>
  );
}
