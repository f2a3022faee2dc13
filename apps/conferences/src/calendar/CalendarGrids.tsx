import type { RouterOutputs } from '@caremap/api-client';
import { currentLanguage, intlLocale, isoDateTime, useTranslation } from '@caremap/ui';
import { ConfLink } from '../ConfLink';
import { kindLabelKey, statusLabelKey } from '../labels';
import { byDay, type Day, dayForIntl, monthWeeks, sameDay, weekDays } from './dates';

export type CalendarEntry = RouterOutputs['conference']['inRange']['items'][number];

type GridProps = { day: Day; today: Day; zone: string; items: CalendarEntry[]; label: string };

const dateFormat = (language: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(intlLocale(language), { ...options, timeZone: 'UTC' });

/** One conference: a link to its page with its time (in the user's zone) and its kind. */
function Entry(props: { conference: CalendarEntry; zone: string; compact?: boolean }) {
  const { t } = useTranslation();
  const { conference: c } = props;
  const time = new Intl.DateTimeFormat(intlLocale(currentLanguage()), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: props.zone,
  });
  const className = ['cal-entry', `cal-entry--${c.kind}`, `cal-entry--${c.status}`].join(' ');
  return (
    // In the month the kind may be cut short (or, on a phone, hidden): the tooltip has it whole.
    <ConfLink
      href={`/conferences/${c.id}`}
      className={className}
      title={props.compact ? t(kindLabelKey[c.kind]) : undefined}
    >
      <time className="cal-entry__time" dateTime={isoDateTime(c.startsAt)}>
        {props.compact ? time.format(c.startsAt) : time.formatRange(c.startsAt, c.endsAt)}
      </time>{' '}
      <span className="cal-entry__kind">{t(kindLabelKey[c.kind])}</span>
      {c.status === 'cancelled' ? (
        <span className="cal-entry__status"> ({t(statusLabelKey[c.status])})</span>
      ) : null}
      {!props.compact && c.caseRef ? (
        <>
          {' '}
          <code className="cal-entry__case cm-mono">{c.caseRef}</code>
        </>
      ) : null}
    </ConfLink>
  );
}

function Entries(props: { items: CalendarEntry[]; zone: string; compact?: boolean }) {
  return (
    <ul className="cal-entries">
      {props.items.map((c) => (
        <li key={c.id}>
          <Entry conference={c} zone={props.zone} compact={props.compact} />
        </li>
      ))}
    </ul>
  );
}

/**
 * A week as a list of its seven days: side by side on a wide screen, one under the other on a
 * narrow one (the same list, laid out by CSS), so the page never scrolls sideways.
 */
export function WeekList(props: GridProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const days = weekDays(props.day);
  const on = byDay(props.items, days, props.zone);
  const weekday = dateFormat(language, { weekday: 'long' });
  const date = dateFormat(language, { day: 'numeric', month: 'long' });
  return (
    <ol className="cal-week" aria-label={props.label}>
      {days.map((d) => {
        const isToday = sameDay(d, props.today);
        const items = on.get(d.toString());
        return (
          <li
            key={d.toString()}
            className={`cal-day${isToday ? ' cal-day--today' : ''}${items ? '' : ' cal-day--free'}`}
            aria-current={isToday ? 'date' : undefined}
          >
            <h3 className="cal-day__head">
              <span className="cal-day__weekday">{weekday.format(dayForIntl(d))}</span>{' '}
              <span className="cal-day__date">{date.format(dayForIntl(d))}</span>
              {isToday ? <span className="cal-today">{t('calendar.todayMark')}</span> : null}
            </h3>
            {items ? (
              <Entries items={items} zone={props.zone} />
            ) : (
              <p className="cal-none">{t('calendar.noneThisDay')}</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** A month as a table of whole weeks, Monday first; the neighbouring months' days are muted. */
export function MonthGrid(props: GridProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const weeks = monthWeeks(props.day);
  const on = byDay(props.items, weeks.flat(), props.zone);
  const longWeekday = dateFormat(language, { weekday: 'long' });
  const shortWeekday = dateFormat(language, { weekday: 'short' });
  const fullDate = dateFormat(language, { day: 'numeric', month: 'long' });
  return (
    <table className="cal-month">
      <caption className="cm-visually-hidden">{props.label}</caption>
      <thead>
        <tr>
          {weeks[0]!.map((d) => (
            <th key={d.dayOfWeek} scope="col">
              <abbr title={longWeekday.format(dayForIntl(d))}>{shortWeekday.format(dayForIntl(d))}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]!.toString()}>
            {week.map((d) => {
              const isToday = sameDay(d, props.today);
              const items = on.get(d.toString());
              const classes = ['cal-cell'];
              if (d.month !== props.day.month) classes.push('cal-cell--outside');
              if (isToday) classes.push('cal-cell--today');
              return (
                <td
                  key={d.toString()}
                  className={classes.join(' ')}
                  aria-current={isToday ? 'date' : undefined}
                >
                  <span className="cal-cell__day" aria-hidden="true">
                    {d.day}
                  </span>
                  <span className="cm-visually-hidden">
                    {fullDate.format(dayForIntl(d))}
                    {isToday ? `, ${t('calendar.todayMark')}` : ''}
                  </span>
                  {items ? <Entries items={items} zone={props.zone} compact /> : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
