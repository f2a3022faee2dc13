import { formatDateTime, intlLocale, useTranslation } from '@caremap/ui';
import type { OpeningHours } from '../api';

/** ISO weekday (1 = Monday) of `date` on the clock of `timeZone`. */
export function isoWeekday(date: Date, timeZone: string): number {
  const short = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone }).format(date);
  return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(short) + 1;
}

/** The weekday's name in `language` (2024-01-01 was a Monday). */
function weekdayName(weekday: number, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );
}

const hhmm = (time: string) => time.slice(0, 5);

/**
 * The week, Monday first, with today's row marked in words as well as colour. Times are the
 * service's own (its time zone), as printed on its door.
 */
export function HoursTable({
  hours,
  timeZone,
  language,
  now = new Date(),
}: {
  hours: OpeningHours[];
  timeZone: string;
  language: string;
  now?: Date;
}) {
  const { t } = useTranslation();
  const today = isoWeekday(now, timeZone);
  return (
    <table className="find-hours">
      <caption className="cm-visually-hidden">{t('find.hours.caption')}</caption>
      <thead className="cm-visually-hidden">
        <tr>
          <th scope="col">{t('find.hours.day')}</th>
          <th scope="col">{t('find.hours.times')}</th>
        </tr>
      </thead>
      <tbody>
        {[1, 2, 3, 4, 5, 6, 7].map((weekday) => {
          const slots = hours
            .filter((h) => h.weekday === weekday)
            .sort((a, b) => a.opens.localeCompare(b.opens));
          const isToday = weekday === today;
          return (
            <tr
              key={weekday}
              className={isToday ? 'is-today' : undefined}
              aria-current={isToday ? 'date' : undefined}
            >
              <th scope="row">
                {weekdayName(weekday, language)}
                {isToday ? <span className="find-hours__today"> ({t('find.hours.isToday')})</span> : null}
              </th>
              <td>
                {slots.length
                  ? slots.map((slot) => `${hhmm(slot.opens)}–${hhmm(slot.closes)}`).join(', ')
                  : t('find.hours.closed')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function formatNextOpening(iso: string, language: string, timeZone: string): string {
  return formatDateTime(new Date(iso), language, timeZone);
}
