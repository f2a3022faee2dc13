import { formatDateTime, intlLocale, useTranslation } from '@caremap/ui';
import type { ServiceDetail } from '../api';

type Schedule = ServiceDetail['schedules'][number];
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** ISO weekday (1 = Monday) of `date` on the clock of `timeZone`. */
export function isoWeekday(date: Date, timeZone: string): number {
  const short = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone }).format(date);
  return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(short) + 1;
}

/** `YYYY-MM-DD` of `date` on the clock of `timeZone`. */
function localDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/** A calendar date `days` after `iso` (plain dates: UTC arithmetic has no DST to trip on). */
function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** The weekday's name in `language` (2024-01-01 was a Monday). */
function weekdayName(weekday: number, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );
}

export interface WeekRow {
  weekday: number;
  date: string;
  slots: Array<{ opens: string; closes: string; attendingType: string | null }>;
}

/**
 * This week's opening hours, Monday first, from the service's weekly rules: a rule counts on a day
 * when the day is in its BYDAY and inside its validity (seasonal hours). Today's row takes the
 * server's answer, which also knows today's public holiday.
 */
export function weekRows(
  service: Pick<ServiceDetail, 'schedules' | 'today'>,
  now: Date,
  timeZone: string,
): WeekRow[] {
  const today = service.today?.date ?? localDate(now, timeZone);
  const todayWeekday = isoWeekday(new Date(`${today}T12:00:00Z`), 'UTC');
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => {
    const date = addDays(today, weekday - todayWeekday);
    const applies = (s: Schedule) =>
      s.opensAt !== null &&
      s.closesAt !== null &&
      (s.byday ?? '')
        .replace(/\s/g, '')
        .split(',')
        .includes(BYDAY[weekday - 1]!) &&
      (!s.validFrom || date >= s.validFrom) &&
      (!s.validTo || date <= s.validTo);
    let slots = service.schedules.filter(applies).map((s) => ({
      opens: s.opensAt!.slice(0, 5),
      closes: s.closesAt!.slice(0, 5),
      attendingType: s.attendingType,
    }));
    if (weekday === todayWeekday && service.today) {
      const open = new Set(service.today.hours.map((h) => `${h.opens}-${h.closes}`));
      slots = slots.filter((slot) => open.has(`${slot.opens}-${slot.closes}`));
    }
    const seen = new Set<string>();
    slots = slots
      .sort((a, b) => a.opens.localeCompare(b.opens) || a.closes.localeCompare(b.closes))
      .filter((slot) => {
        const key = `${slot.opens}-${slot.closes}-${slot.attendingType}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    return { weekday, date, slots };
  });
}

/** The week with today's row marked in words as well as colour, on the service's own clock. */
export function HoursTable({
  service,
  timeZone,
  language,
  now = new Date(),
}: {
  service: Pick<ServiceDetail, 'schedules' | 'today'>;
  timeZone: string;
  language: string;
  now?: Date;
}) {
  const { t } = useTranslation();
  const rows = weekRows(service, now, timeZone);
  const today = service.today?.date ?? localDate(now, timeZone);
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
        {rows.map((row) => {
          const isToday = row.date === today;
          return (
            <tr
              key={row.weekday}
              className={isToday ? 'is-today' : undefined}
              aria-current={isToday ? 'date' : undefined}
            >
              <th scope="row">
                {weekdayName(row.weekday, language)}
                {isToday ? <span className="find-hours__today"> ({t('find.hours.isToday')})</span> : null}
              </th>
              <td>
                {row.slots.length
                  ? row.slots
                      .map(
                        (slot) =>
                          `${slot.opens}–${slot.closes}${
                            slot.attendingType && slot.attendingType !== 'in_person'
                              ? ` (${t(`find.attendingType.${slot.attendingType as 'online'}`, { defaultValue: slot.attendingType })})`
                              : ''
                          }`,
                      )
                      .join(', ')
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
