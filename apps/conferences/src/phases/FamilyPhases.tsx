// The phases of a family conference on its page: the seven phases in order as a stepper, each with
// its status, its own time slot (date-time inputs in the conference's zone) and its checklist
// (who ticked what, when). Participants read; the responsible agency's organisers edit.
import { useMutation, useQuery, useTRPC } from '@caremap/api-client';
import { apiErrorDetails, ErrorState, Loading } from '@caremap/ui';
import { useT } from '../translate';
import { PhaseChecklist } from './PhaseChecklist';
import { PhaseSlot } from './PhaseSlot';
import { type Phase, type Phases, useRefreshPhases } from './shared';

const statuses = ['not_started', 'in_progress', 'done'] as const;

export function FamilyPhases({ conferenceId }: { conferenceId: string }) {
  const { t, ui } = useT();
  const trpc = useTRPC();
  const phases = useQuery(trpc.familyPhases.get.queryOptions({ conferenceId }));
  return (
    <section className="phases" aria-labelledby="phases-title">
      <h2 id="phases-title">{t('familyPhases.title')}</h2>
      {phases.isPending ? (
        <Loading />
      ) : phases.isError ? (
        <ErrorState
          title={t('familyPhases.loadFailed')}
          message={apiErrorDetails(phases.error, ui).message}
          onRetry={() => void phases.refetch()}
        />
      ) : (
        <>
          <p className="conf-muted">
            {t(phases.data.canEdit ? 'familyPhases.introEdit' : 'familyPhases.introRead', {
              zone: phases.data.timezone,
            })}
          </p>
          <ol className="phases__steps">
            {phases.data.phases.map((phase, i) => (
              <PhaseStep key={phase.id} data={phases.data} phase={phase} index={i} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function PhaseStep({ data, phase, index }: { data: Phases; phase: Phase; index: number }) {
  const { t, ui } = useT();
  const trpc = useTRPC();
  const refresh = useRefreshPhases(data.conferenceId);
  const setStatus = useMutation(trpc.familyPhases.setStatus.mutationOptions({ onSettled: refresh }));
  const titleId = `phase-${phase.phase}`;
  const done = phase.items.filter((i) => i.done).length;
  return (
    <li className={`phases__step phases__step--${phase.status}`} aria-labelledby={titleId}>
      <span className="phases__marker" aria-hidden="true">
        {phase.status === 'done' ? '✓' : index + 1}
      </span>
      <div className="phases__body">
        <div className="phases__head">
          <h3 id={titleId}>
            <span className="cm-visually-hidden">
              {t('familyPhases.stepOf', { n: index + 1, total: 7 })}{' '}
            </span>
            {t(`familyPhases.phase.${phase.phase}`)}
          </h3>
          {data.canEdit ? (
            <label className="phases__status">
              <span>{t('familyPhases.statusLabel')}</span>
              <select
                value={phase.status}
                disabled={setStatus.isPending}
                onChange={(e) =>
                  setStatus.mutate({
                    phaseId: phase.id,
                    expectedVersion: phase.version,
                    status: e.target.value as (typeof statuses)[number],
                  })
                }
              >
                {statuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`familyPhases.status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <span className="cm-badge cm-badge--muted">{t(`familyPhases.status.${phase.status}`)}</span>
          )}
        </div>
        <p className="conf-muted phases__progress">
          {t('familyPhases.progress', { done, total: phase.items.length })}
        </p>
        {setStatus.isError ? (
          <p className="conf-form__alert" role="alert">
            {t('familyPhases.statusFailed')}: {apiErrorDetails(setStatus.error, ui).message}
          </p>
        ) : null}
        <PhaseSlot data={data} phase={phase} />
        <PhaseChecklist data={data} phase={phase} />
      </div>
    </li>
  );
}
