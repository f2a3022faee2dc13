// A phase's own time slot: shown as a range in the conference's zone; organisers edit both ends
// (datetime-local inputs) or clear the slot. Problems are named next to the field.
import { useMutation, useTRPC } from '@caremap/api-client';
import { apiErrorDetails, Button, currentLanguage, formatDateTimeRange, isoDateTime } from '@caremap/ui';
import { type FormEvent, useState } from 'react';
import { Field } from '../Field';
import { useT } from '../translate';
import { type Phase, type Phases, useRefreshPhases } from './shared';
import { fromWallTime, toWallTime } from './slot';

export function PhaseSlot({ data, phase }: { data: Phases; phase: Phase }) {
  const { t, ui } = useT();
  const trpc = useTRPC();
  const language = currentLanguage();
  const zone = data.timezone;
  const refresh = useRefreshPhases(data.conferenceId);
  const [starts, setStarts] = useState(phase.startsAt ? toWallTime(phase.startsAt, zone) : '');
  const [ends, setEnds] = useState(phase.endsAt ? toWallTime(phase.endsAt, zone) : '');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState(false);
  const save = useMutation(
    trpc.familyPhases.setSlot.mutationOptions({
      onSuccess: () => {
        setEditing(false);
        void refresh();
      },
      onError: (error) => setProblems(apiErrorDetails(error, ui).fieldErrors),
    }),
  );
  const range =
    phase.startsAt && phase.endsAt ? (
      <time dateTime={isoDateTime(phase.startsAt)}>
        {formatDateTimeRange(phase.startsAt, phase.endsAt, language, zone)}
      </time>
    ) : (
      t('familyPhases.noSlot')
    );
  if (!data.canEdit) {
    return (
      <p className="phases__slot">
        <span className="conf-muted">{t('familyPhases.slotLabel')}: </span>
        {range}
      </p>
    );
  }
  if (!editing) {
    return (
      <div className="phases__slot phases__slot--closed">
        <span>
          <span className="conf-muted">{t('familyPhases.slotLabel')}: </span>
          {range}
        </span>
        <Button type="button" variant="quiet" onClick={() => setEditing(true)}>
          {t(phase.startsAt ? 'familyPhases.slotEdit' : 'familyPhases.slotAdd')}
        </Button>
        <span className="conf-muted" aria-live="polite">
          {save.isSuccess ? t('familyPhases.saved') : ''}
        </span>
      </div>
    );
  }
  const submit = (e: FormEvent, clear = false) => {
    e.preventDefault();
    const startsAt = clear ? null : fromWallTime(starts, zone);
    const endsAt = clear ? null : fromWallTime(ends, zone);
    const found: Record<string, string> = {};
    if (!clear) {
      if (!startsAt) found.startsAt = t('familyPhases.slotStartNeeded');
      if (!endsAt) found.endsAt = t('familyPhases.slotEndNeeded');
      if (startsAt && endsAt && endsAt <= startsAt) found.endsAt = t('familyPhases.slotEndAfterStart');
    }
    setProblems(found);
    if (Object.keys(found).length) return;
    if (clear) {
      setStarts('');
      setEnds('');
    }
    save.mutate({ phaseId: phase.id, expectedVersion: phase.version, startsAt, endsAt });
  };
  const id = `slot-${phase.phase}`;
  return (
    <form className="phases__slot-form" onSubmit={submit} noValidate>
      <p className="phases__slot">
        <span className="conf-muted">{t('familyPhases.slotLabel')}: </span>
        {range}
      </p>
      <div className="phases__slot-fields">
        <Field id={`${id}-starts`} label={t('familyPhases.slotStarts')} error={problems.startsAt}>
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              value={starts}
              onChange={(e) => setStarts(e.target.value)}
            />
          )}
        </Field>
        <Field id={`${id}-ends`} label={t('familyPhases.slotEnds')} error={problems.endsAt}>
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              value={ends}
              min={starts || undefined}
              onChange={(e) => setEnds(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="phases__actions">
        <Button type="submit" disabled={save.isPending}>
          {t('familyPhases.slotSave')}
        </Button>
        <Button type="button" variant="secondary" disabled={save.isPending} onClick={() => setEditing(false)}>
          {t('familyPhases.slotCancel')}
        </Button>
        {phase.startsAt ? (
          <Button
            type="button"
            variant="secondary"
            disabled={save.isPending}
            onClick={(e) => submit(e, true)}
          >
            {t('familyPhases.slotClear')}
          </Button>
        ) : null}
        <span className="conf-muted" aria-live="polite">
          {save.isPending ? t('familyPhases.saving') : ''}
        </span>
      </div>
      {save.isError ? (
        <p className="conf-form__alert" role="alert">
          {t('familyPhases.slotFailed')}: {apiErrorDetails(save.error, ui).message}
        </p>
      ) : null}
    </form>
  );
}
