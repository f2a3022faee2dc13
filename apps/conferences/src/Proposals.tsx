import { type RouterOutputs, useMutation, useQuery, useQueryClient, useTRPC } from '@caremap/api-client';
import {
  apiErrorCode,
  apiErrorDetails,
  apiErrorExtra,
  Button,
  currentLanguage,
  ErrorState,
  formatDateTimeRange,
  isoDateTime,
  Loading,
  useTranslation,
} from '@caremap/ui';
import { useRef, useState } from 'react';

type TFunction = ReturnType<typeof useTranslation>['t'];

import { PollPanel } from './PollPanel';
import { viewerZone } from './zone';

type Detail = RouterOutputs['conference']['get'];
type ProposeResult = RouterOutputs['conference']['propose'];
type Proposal = ProposeResult['proposals'][number];
type Explanation = NonNullable<ProposeResult['explanation']>;

/** A conflict's fresh proposals arrive as JSON in error.data.details: dates may be strings there. */
function freshFrom(error: unknown): { proposals: Proposal[]; explanation?: Explanation } | null {
  const details = apiErrorExtra(error) as { proposals?: unknown[]; explanation?: Explanation } | undefined;
  if (!details || !Array.isArray(details.proposals)) return null;
  return {
    proposals: details.proposals.map((raw) => {
      const p = raw as Proposal;
      return { ...p, startsAt: new Date(p.startsAt), endsAt: new Date(p.endsAt) };
    }),
    ...(details.explanation ? { explanation: details.explanation } : {}),
  };
}

export function Proposals(props: {
  conference: Detail;
  mode: 'book' | 'reschedule';
  onDone: () => void;
  onBack?: (() => void) | undefined;
}) {
  const { conference: conf, mode } = props;
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const language = currentLanguage();
  const mine = viewerZone();
  const propose = useQuery(trpc.conference.propose.queryOptions({ conferenceId: conf.id, wanted: 5 }));
  const [fresh, setFresh] = useState<{ proposals: Proposal[]; explanation?: Explanation } | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const options = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({
        queryKey: trpc.conference.get.queryKey({ conferenceId: conf.id }),
      });
      await queryClient.invalidateQueries({ queryKey: trpc.conference.upcoming.queryKey() });
      props.onDone();
    },
    onError: (error: unknown) => {
      const again = apiErrorCode(error) === 'booking_conflict' ? freshFrom(error) : null;
      if (again) {
        setFresh(again);
        requestAnimationFrame(() => conflictRef.current?.focus());
      }
    },
  };
  const book = useMutation(trpc.conference.book.mutationOptions(options));
  const reschedule = useMutation(trpc.conference.reschedule.mutationOptions(options));
  const action = mode === 'book' ? book : reschedule;

  const nameOf = (participantId: string) =>
    conf.participants.find((p) => p.id === participantId)?.displayName ?? participantId;
  const agencyOf = (agencyId: string) =>
    conf.participants.find((p) => p.agencyId === agencyId)?.agencyName ?? agencyId;

  const heading = (
    <div className="conf-section-head">
      <h2 className="conf-subtitle">
        {t(mode === 'book' ? 'conferences.findTitle' : 'conferences.rescheduleTitle')}
      </h2>
      <p className="conf-muted">{t('conferences.findIntro')}</p>
      {mode === 'book' ? <p className="conf-note">{t('conferences.draftNote')}</p> : null}
    </div>
  );
  if (propose.isPending)
    return (
      <>
        {heading}
        <Loading />
      </>
    );
  if (propose.isError) {
    return (
      <>
        {heading}
        <ErrorState
          title={t('conferences.proposeFailed')}
          message={apiErrorDetails(propose.error, t).message}
          onRetry={() => void propose.refetch()}
        />
      </>
    );
  }
  const current = fresh ?? propose.data;
  const conflicted = action.isError && apiErrorCode(action.error) === 'booking_conflict';
  return (
    <div className="conf-proposals">
      {heading}
      {conflicted ? (
        <div className="conf-conflict" role="alert" tabIndex={-1} ref={conflictRef}>
          <h3>{t('conferences.conflictTitle')}</h3>
          <p>{t('conferences.conflictBody')}</p>
        </div>
      ) : action.isError ? (
        <p className="conf-form__alert" role="alert">
          {t('conferences.bookFailed')}: {apiErrorDetails(action.error, t).message}
        </p>
      ) : null}
      {current.proposals.length > 0 ? (
        <ol className="conf-proposal-list" aria-label={t('conferences.proposalsLabel')}>
          {current.proposals.map((p, i) => (
            <li key={`${p.startsAt.toISOString()}-${p.roomId}`} className="conf-proposal">
              <h3 className="conf-proposal__rank" id={`conf-proposal-${i}`}>
                {t('conferences.proposalN', { n: i + 1 })}
              </h3>
              <p className="conf-proposal__when" id={`conf-proposal-${i}-when`}>
                <time dateTime={isoDateTime(p.startsAt)}>
                  {formatDateTimeRange(p.startsAt, p.endsAt, language, conf.timezone)}
                </time>
                <span className="conf-muted"> · {t('conferences.inZone', { zone: conf.timezone })}</span>
              </p>
              {mine !== conf.timezone ? (
                <p className="conf-other-zone">
                  {t('conferences.yourTime', {
                    zone: mine,
                    when: formatDateTimeRange(p.startsAt, p.endsAt, language, mine),
                  })}
                </p>
              ) : null}
              <p>
                {t('conferences.room')}: {p.roomName ?? t('conferences.online')}
              </p>
              <p className={p.absentOptional.length ? 'conf-absent' : 'conf-muted'}>
                {p.absentOptional.length
                  ? t('conferences.absentOptional', { names: p.absentOptional.map(nameOf).join(', ') })
                  : t('conferences.everyoneCan')}
              </p>
              {p.ifNeedBe.length ? (
                <p className="conf-absent">
                  {t('conferencePoll.ifNeedBeNames', { names: p.ifNeedBe.map(nameOf).join(', ') })}
                </p>
              ) : null}
              <Button
                busy={action.isPending && chosen === i}
                aria-describedby={`conf-proposal-${i} conf-proposal-${i}-when`}
                onClick={() => {
                  if (action.isPending) return;
                  setChosen(i);
                  action.mutate({ conferenceId: conf.id, startsAt: p.startsAt, roomId: p.roomId });
                }}
              >
                {action.isPending && chosen === i ? t('conferences.booking') : t('conferences.book')}
              </Button>
            </li>
          ))}
        </ol>
      ) : null}
      {current.explanation ? (
        <Explain
          explanation={current.explanation}
          none={current.proposals.length === 0}
          nameOf={nameOf}
          agencyOf={agencyOf}
          t={t}
        />
      ) : null}
      {mode === 'book' ? <PollPanel conference={conf} proposals={current.proposals} /> : null}
      {props.onBack ? (
        <div className="conf-actions">
          <Button variant="secondary" onClick={props.onBack}>
            {t('conferences.backToDetail')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function Explain(props: {
  explanation: Explanation;
  none: boolean;
  nameOf: (id: string) => string;
  agencyOf: (id: string) => string;
  t: TFunction;
}) {
  const { explanation, t, nameOf, agencyOf } = props;
  const blocker = (b: Explanation['blockers'][number]): string => {
    switch (b.kind) {
      case 'window_too_short':
        return t('conferences.blockWindow', { window: b.windowMinutes, duration: b.durationMinutes });
      case 'required_participant':
        return t('conferences.blockPerson', { name: nameOf(b.participantId), minutes: b.freeMinutes });
      case 'agency_quorum':
        return t('conferences.blockAgency', {
          agency: agencyOf(b.agencyId),
          needed: b.needed,
          best: b.bestAvailable,
        });
      case 'pool_quorum':
        return t('conferences.blockPool', {
          names: b.participantIds.map(nameOf).join(', '),
          needed: b.needed,
          best: b.bestAvailable,
        });
      case 'no_room':
        return t('conferences.blockRoom');
      case 'no_interpreter':
        return t('conferences.blockInterpreter');
    }
  };
  const ruleText = (rule: {
    kind: string;
    agencyId?: string;
    participantIds?: string[];
    atLeast?: number;
  }) =>
    rule.kind === 'agency' && rule.agencyId
      ? `${agencyOf(rule.agencyId)} ≥ ${rule.atLeast ?? 1}`
      : `${(rule.participantIds ?? []).map(nameOf).join(', ')} ≥ ${rule.atLeast ?? 1}`;
  const relaxation = (r: Explanation['relaxations'][number]): string => {
    switch (r.kind) {
      case 'extend_deadline':
        return t('conferences.relaxDeadline', { days: r.days, count: r.proposals });
      case 'make_optional':
        return t('conferences.relaxOptional', { name: nameOf(r.participantId), count: r.proposals });
      case 'drop_quorum_rule':
        return t('conferences.relaxRule', { rule: ruleText(r.rule as never), count: r.proposals });
      case 'drop_interpreter':
        return t('conferences.relaxInterpreter', { count: r.proposals });
      case 'add_online_room':
        return t('conferences.relaxOnline', { count: r.proposals });
    }
  };
  return (
    <section className="conf-explain" aria-labelledby="conf-explain-title">
      <h3 id="conf-explain-title">{t(props.none ? 'conferences.noneTitle' : 'conferences.fewTitle')}</h3>
      {explanation.blockers.length ? (
        <>
          <h4>{t('conferences.whyLabel')}</h4>
          <ul>
            {explanation.blockers.map(blocker).map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>{t('conferences.helpLabel')}</h4>
      {explanation.relaxations.length ? (
        <ul>
          {explanation.relaxations.map(relaxation).map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      ) : (
        <p>{t('conferences.noRelaxation')}</p>
      )}
    </section>
  );
}
