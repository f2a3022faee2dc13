import { type RouterOutputs, useMutation, useQuery, useQueryClient, useTRPC } from '@caremap/api-client';
import {
  apiErrorDetails,
  Button,
  currentLanguage,
  EmptyState,
  ErrorState,
  formatDateTimeRange,
  isoDateTime,
  Loading,
} from '@caremap/ui';
import { type FormEvent, useState } from 'react';
import { ConfLink } from '../ConfLink';
import { Field } from '../Field';
import { statusLabelKey } from '../labels';
import { go } from '../route';
import { useT } from '../translate';

type Occurrence = RouterOutputs['series']['occurrences']['items'][number];

const stateKey = {
  planned: 'series.statePlanned',
  moved: 'series.stateMoved',
  skipped: 'series.stateSkipped',
} as const satisfies Record<Occurrence['state'], string>;

/** The next meetings of a series, each with skip / move / restore / "schedule this one". */
export function Occurrences({ seriesId }: { seriesId: string }) {
  const { t, ui } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const language = currentLanguage();
  const list = useQuery(trpc.series.occurrences.queryOptions({ seriesId, count: 8 }));
  const [moving, setMoving] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = () => {
    setProblem(null);
    void queryClient.invalidateQueries({ queryKey: trpc.series.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.conference.dashboard.queryKey() });
  };
  const onError = (error: unknown) => setProblem(apiErrorDetails(error, ui).message);
  const skip = useMutation(trpc.series.skip.mutationOptions({ onSuccess: refresh, onError }));
  const restore = useMutation(trpc.series.restore.mutationOptions({ onSuccess: refresh, onError }));
  const move = useMutation(
    trpc.series.move.mutationOptions({
      onSuccess: () => {
        setMoving(null);
        refresh();
      },
      onError,
    }),
  );
  const schedule = useMutation(
    trpc.series.schedule.mutationOptions({
      onSuccess: (r) => {
        refresh();
        go(`/conferences/${r.conferenceId}`);
      },
      onError,
    }),
  );
  const busy = skip.isPending || restore.isPending || move.isPending || schedule.isPending;

  if (list.isPending) return <Loading />;
  if (list.isError) {
    return (
      <ErrorState
        as="h3"
        title={t('series.occurrencesFailed')}
        message={apiErrorDetails(list.error, ui).message}
        onRetry={() => void list.refetch()}
      />
    );
  }
  const zone = list.data.timezone;
  if (list.data.items.length === 0) {
    return (
      <EmptyState as="h3" title={t('series.noOccurrencesTitle')}>
        <p>{t('series.noOccurrencesBody')}</p>
      </EmptyState>
    );
  }
  return (
    <>
      {problem ? (
        <p className="conf-form__alert" role="alert">
          {problem}
        </p>
      ) : null}
      <ol className="conf-occurrences" aria-label={t('series.occurrencesTitle')}>
        {list.data.items.map((o) => (
          <li key={o.occurrence} className={`conf-occurrence conf-occurrence--${o.state}`}>
            <div className="conf-occurrence__when">
              <time dateTime={isoDateTime(o.startsAt)}>
                {formatDateTimeRange(o.startsAt, o.endsAt, language, zone)}
              </time>
              <span className={`cm-badge${o.state === 'planned' ? '' : ' cm-badge--muted'}`}>
                {t(stateKey[o.state])}
              </span>
              {o.conference ? (
                <ConfLink href={`/conferences/${o.conference.id}`}>
                  {t('series.openConference', { status: t(statusLabelKey[o.conference.status]) })}
                </ConfLink>
              ) : null}
            </div>
            {o.conference ? null : (
              <div className="conf-occurrence__actions">
                {o.state === 'skipped' || o.state === 'moved' ? (
                  <Button
                    variant="secondary"
                    disabled={busy}
                    onClick={() => restore.mutate({ seriesId, originalDate: o.originalDate })}
                  >
                    {t('series.restore')}
                  </Button>
                ) : null}
                {o.state !== 'skipped' ? (
                  <>
                    <Button
                      disabled={busy}
                      onClick={() => schedule.mutate({ seriesId, occurrence: o.occurrence })}
                    >
                      {t('series.scheduleThis')}
                    </Button>
                    <Button variant="secondary" disabled={busy} onClick={() => setMoving(o.occurrence)}>
                      {t('series.move')}
                    </Button>
                    <Button
                      variant="secondary"
                      disabled={busy}
                      onClick={() => skip.mutate({ seriesId, originalDate: o.originalDate })}
                    >
                      {t('series.skip')}
                    </Button>
                  </>
                ) : null}
              </div>
            )}
            {moving === o.occurrence ? (
              <MoveForm
                occurrence={o}
                pending={move.isPending}
                onCancel={() => setMoving(null)}
                onMove={(startsAt) => move.mutate({ seriesId, originalDate: o.originalDate, startsAt })}
              />
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

function MoveForm(props: {
  occurrence: Occurrence;
  pending: boolean;
  onCancel: () => void;
  onMove: (startsAt: string) => void;
}) {
  const { t } = useT();
  const [day, setDay] = useState(props.occurrence.occurrence.slice(0, 10));
  const [time, setTime] = useState(props.occurrence.occurrence.slice(11, 16));
  const id = `move-${props.occurrence.originalDate}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onMove(`${day}T${time}`);
  };
  return (
    <form className="conf-move" onSubmit={submit} aria-label={t('series.moveTitle')}>
      <Field id={`${id}-day`} label={t('series.moveDay')}>
        {(c) => <input {...c} type="date" required value={day} onChange={(e) => setDay(e.target.value)} />}
      </Field>
      <Field id={`${id}-time`} label={t('series.fieldTime')}>
        {(c) => (
          <input
            {...c}
            type="time"
            required
            step={300}
            value={time}
            onChange={(e) => setTime(e.target.value)}
          />
        )}
      </Field>
      <div className="conf-actions">
        <Button type="submit" disabled={props.pending}>
          {t('series.moveSave')}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          {t('conferenceFollowUp.cancel')}
        </Button>
      </div>
    </form>
  );
}
