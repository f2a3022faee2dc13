// A phase's checklist: a checkbox per item (saved on change; Space ticks it from the keyboard),
// who ticked it and when; organisers add their own items at the end.
import { useMutation, useTRPC } from '@caremap/api-client';
import { apiErrorDetails, Button, currentLanguage, formatDateTime, isoDateTime } from '@caremap/ui';
import { type FormEvent, useState } from 'react';
import { useT } from '../translate';
import { type Phase, type Phases, useRefreshPhases } from './shared';

type Item = Phase['items'][number];

export function PhaseChecklist({ data, phase }: { data: Phases; phase: Phase }) {
  const { t, ui } = useT();
  const trpc = useTRPC();
  const refresh = useRefreshPhases(data.conferenceId);
  // What was ticked shows at once; the refetch after the save puts it back if the save failed.
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const tick = useMutation(
    trpc.familyPhases.tick.mutationOptions({
      onSettled: async (_d, _e, input) => {
        await refresh();
        setTicked(({ [input.itemId]: _gone, ...rest }) => rest);
      },
    }),
  );
  const [text, setText] = useState('');
  const add = useMutation(
    trpc.familyPhases.addItem.mutationOptions({
      onSuccess: () => {
        setText('');
        void refresh();
      },
    }),
  );
  const label = (item: Item) =>
    item.templateKey ? t(`familyPhases.item.${item.templateKey}`) : (item.text ?? '');
  const addId = `add-${phase.phase}`;
  const onAdd = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) add.mutate({ phaseId: phase.id, text });
  };
  return (
    <div className="phases__checklist">
      <h4 className="cm-visually-hidden">{t('familyPhases.checklist')}</h4>
      <ul className="phases__items">
        {phase.items.map((item) => {
          const done = ticked[item.id] ?? item.done;
          return (
            <li key={item.id} className={done ? 'phases__item phases__item--done' : 'phases__item'}>
              {data.canEdit ? (
                <label className="conf-check">
                  <input
                    type="checkbox"
                    checked={done}
                    onChange={(e) => {
                      setTicked((now) => ({ ...now, [item.id]: e.target.checked }));
                      tick.mutate({ itemId: item.id, done: e.target.checked });
                    }}
                  />
                  <span>{label(item)}</span>
                </label>
              ) : (
                <span className="conf-check">
                  <span aria-hidden="true">{item.done ? '☑' : '☐'}</span>
                  <span>
                    {label(item)}
                    <span className="cm-visually-hidden">
                      {' '}
                      ({t(item.done ? 'familyPhases.itemDone' : 'familyPhases.itemOpen')})
                    </span>
                  </span>
                </span>
              )}
              {item.done && item.doneAt ? <DoneBy item={item} /> : null}
            </li>
          );
        })}
      </ul>
      {tick.isError ? (
        <p className="conf-form__alert" role="alert">
          {t('familyPhases.tickFailed')}: {apiErrorDetails(tick.error, ui).message}
        </p>
      ) : null}
      {data.canEdit ? (
        <form className="phases__add" onSubmit={onAdd}>
          <label htmlFor={addId} className="conf-field__label">
            {t('familyPhases.addItem')}
          </label>
          <div className="phases__add-row">
            <input id={addId} value={text} maxLength={500} onChange={(e) => setText(e.target.value)} />
            <Button type="submit" variant="secondary" disabled={add.isPending || !text.trim()}>
              {t('familyPhases.addItemButton')}
            </Button>
          </div>
          {add.isError ? (
            <p className="conf-form__alert" role="alert">
              {t('familyPhases.addFailed')}: {apiErrorDetails(add.error, ui).message}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}

function DoneBy({ item }: { item: Item }) {
  const { t } = useT();
  const language = currentLanguage();
  const when = formatDateTime(item.doneAt!, language);
  return (
    <span className="phases__done-by conf-muted">
      {item.doneBy ? t('familyPhases.doneBy', { name: item.doneBy }) : t('familyPhases.doneByUnknown')}
      {', '}
      <time dateTime={isoDateTime(item.doneAt!)}>{when}</time>
    </span>
  );
}
