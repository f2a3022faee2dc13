import { type RouterOutputs, useMutation, useQuery, useQueryClient, useTRPC } from '@caremap/api-client';
import {
  apiErrorDetails,
  Button,
  currentLanguage,
  formatDateTimeRange,
  isoDateTime,
  QueryState,
  ScrollRegion,
  useTranslation,
} from '@caremap/ui';
import { useState } from 'react';

type Detail = RouterOutputs['conference']['get'];
type Proposal = RouterOutputs['conference']['propose']['proposals'][number];
type Results = NonNullable<RouterOutputs['poll']['results']['poll']>;

const answerKey = {
  yes: 'conferencePoll.yes',
  if_need_be: 'conferencePoll.ifNeedBe',
  no: 'conferencePoll.no',
} as const;

/** yyyy-mm-dd of an instant in a zone, for a date input. */
const dayIn = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

/**
 * On the proposals screen of an unbooked conference: send the proposed times to the externals as
 * a poll, and see their answers per time. The next proposals already take the answers into account.
 */
export function PollPanel({ conference: conf, proposals }: { conference: Detail; proposals: Proposal[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const results = useQuery(trpc.poll.results.queryOptions({ conferenceId: conf.id }));
  const [picked, setPicked] = useState<Set<number> | null>(null);
  const [includeContacts, setIncludeContacts] = useState(false);
  const [deadline, setDeadline] = useState(conf.scheduleBy ? dayIn(conf.scheduleBy, conf.timezone) : '');
  const send = useMutation(
    trpc.poll.send.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.poll.results.queryKey({ conferenceId: conf.id }) }),
    }),
  );
  const chosen = picked ?? new Set(proposals.map((_, i) => i));
  const externals = conf.participants.filter((p) => p.kind === 'external').length;
  const language = currentLanguage();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const times = proposals
      .filter((_, i) => chosen.has(i))
      .map((p) => ({ startsAt: p.startsAt, endsAt: p.endsAt }));
    // The deadline is the end of the chosen day in the conference's zone (noon UTC is that day everywhere in Europe).
    const day = deadline ? new Date(`${deadline}T21:59:00Z`) : undefined;
    send.mutate({ conferenceId: conf.id, times, includeContacts, ...(day ? { deadline: day } : {}) });
  };

  return (
    <section className="conf-pollpanel" aria-labelledby="conf-pollpanel-title">
      <h3 id="conf-pollpanel-title">{t('conferencePoll.panelTitle')}</h3>
      <p className="conf-muted">{t('conferencePoll.panelIntro', { count: externals })}</p>
      {proposals.length > 0 ? (
        <form className="conf-form" onSubmit={submit} noValidate>
          <fieldset className="conf-pollpanel__times">
            <legend>{t('conferencePoll.chooseTimes')}</legend>
            {proposals.map((p, i) => (
              <label key={p.startsAt.toISOString()} className="conf-check">
                <input
                  type="checkbox"
                  checked={chosen.has(i)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(i);
                    else next.delete(i);
                    setPicked(next);
                  }}
                />
                <span>{formatDateTimeRange(p.startsAt, p.endsAt, language, conf.timezone)}</span>
              </label>
            ))}
          </fieldset>
          <label className="conf-check">
            <input
              type="checkbox"
              checked={includeContacts}
              onChange={(e) => setIncludeContacts(e.target.checked)}
            />
            <span>{t('conferencePoll.includeContacts')}</span>
          </label>
          <div className="conf-field conf-pollpanel__deadline">
            <label htmlFor="poll-deadline" className="conf-field__label">
              {t('conferencePoll.deadlineLabel')}
            </label>
            <input
              id="poll-deadline"
              type="date"
              value={deadline}
              onChange={(e) => setDeadline(e.target.value)}
            />
          </div>
          {send.isError ? (
            <p className="conf-form__alert" role="alert">
              {t('conferencePoll.sendFailed')}: {apiErrorDetails(send.error, t).message}
            </p>
          ) : null}
          {send.isSuccess ? (
            <p className="conf-poll__saved" role="status">
              {t('conferencePoll.sentTo', { count: send.data.sent })}
            </p>
          ) : null}
          <div className="conf-actions">
            <Button type="submit" variant="secondary" busy={send.isPending} disabled={chosen.size === 0}>
              {results.data?.poll ? t('conferencePoll.sendAgain') : t('conferencePoll.sendPoll')}
            </Button>
          </div>
        </form>
      ) : null}
      <QueryState query={results} failed={t('conferencePoll.resultsFailed')}>
        {(data) =>
          data.poll ? (
            <AnswersTable poll={data.poll} conference={conf} />
          ) : (
            <p className="conf-muted">{t('conferencePoll.noPollYet')}</p>
          )
        }
      </QueryState>
    </section>
  );
}

function AnswersTable({ poll, conference: conf }: { poll: Results; conference: Detail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const nameOf = (participantId: string, given: string | null) =>
    given ?? conf.participants.find((p) => p.id === participantId)?.displayName ?? '?';
  return (
    <ScrollRegion className="conf-table-wrap" labelledBy="conf-poll-answers">
      <table className="conf-table conf-poll-answers">
        <caption id="conf-poll-answers">
          {t('conferencePoll.answersCaption', {
            deadline: new Intl.DateTimeFormat(language, {
              timeZone: conf.timezone,
              dateStyle: 'medium',
            }).format(poll.deadline),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('conferencePoll.timeColumn')}</th>
            {poll.invitees.map((i) => (
              <th scope="col" key={i.participantId}>
                {nameOf(i.participantId, i.respondentName)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {poll.times.map((x) => (
            <tr key={x.startsAt.toISOString()}>
              <th scope="row">
                <time dateTime={isoDateTime(x.startsAt)}>
                  {formatDateTimeRange(x.startsAt, x.endsAt, language, conf.timezone)}
                </time>
              </th>
              {x.answers.map((a) => (
                <td
                  key={a.participantId}
                  className={a.answer ? `conf-answer conf-answer--${a.answer}` : 'conf-muted'}
                >
                  {a.answer ? t(answerKey[a.answer]) : t('conferencePoll.noAnswer')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
