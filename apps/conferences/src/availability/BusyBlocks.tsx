import { type RouterOutputs, useMutation, useQueryClient, useTRPC } from '@caremap/api-client';
import {
  apiErrorDetails,
  Button,
  currentLanguage,
  EmptyState,
  formatDateTimeRange,
  useTranslation,
  type ValidationIssue,
} from '@caremap/ui';
import { busyBlockInput } from '@caremap/validators';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Field } from '../Field';
import { dayFromNow, wallClockIn } from '../zone';
import { useAvailabilityT } from './translate';

type Block = RouterOutputs['availability']['mine']['busyBlocks'][number];
const PAGE = 20;

/** My upcoming busy blocks (by hand or from a calendar file), with remove, and a form to add one. */
export function BusyBlocks(props: { blocks: Block[]; timeZone: string }) {
  const { t } = useTranslation();
  const at = useAvailabilityT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const language = currentLanguage();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.availability.mine.queryKey() });
  // A calendar file brings many; the first ones, and more on request.
  const [shown, setShown] = useState(PAGE);
  // After a removal the keyboard focus goes to the next block's button (or the heading), not the
  // page: once the refreshed list no longer holds the removed block.
  const [refocus, setRefocus] = useState<{ index: number; id: string } | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const remove = useMutation(
    trpc.availability.removeBusyBlock.mutationOptions({
      onSuccess: refresh,
      onError: () => setRefocus(null),
    }),
  );
  useEffect(() => {
    if (refocus === null || props.blocks.some((b) => b.id === refocus.id)) return;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('.avail-block button') ?? [];
    (
      buttons[Math.min(refocus.index, buttons.length - 1)] ?? document.getElementById('avail-busy-title')
    )?.focus();
    setRefocus(null);
  }, [refocus, props.blocks]);
  const when = (b: Block) => formatDateTimeRange(b.startsAt, b.endsAt, language, props.timeZone);
  return (
    <section aria-labelledby="avail-busy-title">
      <h2 id="avail-busy-title" className="conf-subtitle" tabIndex={-1}>
        {at('availability.busyTitle')}
      </h2>
      <p className="conf-muted">{at('availability.busyIntro', { zone: props.timeZone })}</p>
      {props.blocks.length === 0 ? (
        <EmptyState as="h3" title={at('availability.busyEmptyTitle')}>
          <p>{at('availability.busyEmptyBody')}</p>
        </EmptyState>
      ) : (
        <ul ref={listRef} className="avail-blocks" aria-label={at('availability.busyListLabel')}>
          {props.blocks.slice(0, shown).map((b, index) => (
            <li key={b.id} className="avail-block">
              <span className="avail-block__when">
                <time dateTime={b.startsAt.toISOString()}>{when(b)}</time>
              </span>
              <span className="avail-block__meta">
                <span className={`cm-badge${b.source === 'ics' ? '' : ' cm-badge--muted'}`}>
                  {b.source === 'ics' ? at('availability.sourceIcs') : at('availability.sourceManual')}
                </span>
                <Button
                  variant="secondary"
                  busy={remove.isPending && remove.variables?.busyBlockId === b.id}
                  aria-label={at('availability.removeLabel', { when: when(b) })}
                  onClick={() => {
                    setRefocus({ index, id: b.id });
                    remove.mutate({ busyBlockId: b.id });
                  }}
                >
                  {at('availability.remove')}
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.blocks.length > shown ? (
        <Button variant="quiet" onClick={() => setShown((n) => n + PAGE)}>
          {at('availability.showMore', { shown, total: props.blocks.length })}
        </Button>
      ) : null}
      {remove.isError ? (
        <p className="conf-form__alert" role="alert">
          {at('availability.removeFailed')}: {apiErrorDetails(remove.error, t).message}
        </p>
      ) : null}
      <AddBusyBlock timeZone={props.timeZone} onAdded={refresh} />
    </section>
  );
}

function AddBusyBlock(props: { timeZone: string; onAdded: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const at = useAvailabilityT();
  const trpc = useTRPC();
  const [day, setDay] = useState(dayFromNow(1));
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('10:00');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [added, setAdded] = useState(false);
  const add = useMutation(
    trpc.availability.addBusyBlock.mutationOptions({
      onSuccess: async () => {
        setAdded(true);
        await props.onAdded();
      },
      onError: (error) => {
        const issues = (error as { data?: { zodIssues?: ValidationIssue[] } }).data?.zodIssues ?? [];
        setErrors(issues.length ? { end: at('availability.errEndBeforeStart') } : {});
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(false);
    const found: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) found.day = at('availability.errDate');
    if (!/^\d{2}:\d{2}$/.test(start)) found.start = at('availability.errTime');
    if (!/^\d{2}:\d{2}$/.test(end)) found.end = at('availability.errTime');
    if (Object.keys(found).length === 0) {
      const input = {
        startsAt: wallClockIn(day, start, props.timeZone),
        endsAt: wallClockIn(day, end, props.timeZone),
      };
      const checked = busyBlockInput.safeParse(input);
      if (checked.success) {
        setErrors({});
        add.mutate(input);
        return;
      }
      found.end = at('availability.errEndBeforeStart');
    }
    setErrors(found);
    const first = ['day', 'start', 'end'].find((k) => k in found);
    document.getElementById(`avail-add-${first}`)?.focus();
  };
  return (
    <form className="avail-add" onSubmit={submit} noValidate aria-labelledby="avail-add-title">
      <h3 id="avail-add-title" className="avail-add__title">
        {at('availability.addTitle')}
      </h3>
      <div className="avail-add__fields">
        <Field id="avail-add-day" label={at('availability.date')} error={errors.day}>
          {(c) => <input {...c} type="date" value={day} onChange={(e) => setDay(e.target.value)} />}
        </Field>
        <Field id="avail-add-start" label={at('availability.from')} error={errors.start}>
          {(c) => <input {...c} type="time" value={start} onChange={(e) => setStart(e.target.value)} />}
        </Field>
        <Field id="avail-add-end" label={at('availability.to')} error={errors.end}>
          {(c) => <input {...c} type="time" value={end} onChange={(e) => setEnd(e.target.value)} />}
        </Field>
      </div>
      {add.isError && Object.keys(errors).length === 0 ? (
        <p className="conf-form__alert" role="alert">
          {at('availability.addFailed')}: {apiErrorDetails(add.error, t).message}
        </p>
      ) : null}
      <div className="conf-actions">
        <Button type="submit" variant="secondary" busy={add.isPending}>
          {at('availability.add')}
        </Button>
        <p role="status" className="avail-status">
          {added ? at('availability.added') : ''}
        </p>
      </div>
    </form>
  );
}
