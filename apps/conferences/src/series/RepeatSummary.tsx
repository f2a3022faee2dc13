import { useT } from '../translate';
import { fromRrule, type Ordinal, type Repeat, type Weekday } from './rrule';

export const weekdayKey = {
  MO: 'series.dayMO',
  TU: 'series.dayTU',
  WE: 'series.dayWE',
  TH: 'series.dayTH',
  FR: 'series.dayFR',
} as const satisfies Record<Weekday, string>;

export const ordinalKey = {
  1: 'series.ordinal1',
  2: 'series.ordinal2',
  3: 'series.ordinal3',
  4: 'series.ordinal4',
  [-1]: 'series.ordinalLast',
} as const satisfies Record<Ordinal, string>;

/** "Every 2 months, on the day of the first meeting", in the reader's language; the RRULE otherwise. */
export function useRepeatText() {
  const { t } = useT();
  return (r: Repeat) => {
    switch (r.kind) {
      case 'weekly':
        return t('series.summaryWeekly', { count: r.interval, day: t(weekdayKey[r.weekday]) });
      case 'monthly_date':
        return t('series.summaryMonthlyDate', { count: r.interval });
      case 'monthly_weekday':
        return t('series.summaryMonthlyWeekday', {
          count: r.interval,
          nth: t(ordinalKey[r.ordinal]),
          day: t(weekdayKey[r.weekday]),
        });
      default:
        return t('series.summaryCustom', { rrule: r.rrule });
    }
  };
}

export function RepeatSummary({ rrule }: { rrule: string }) {
  const text = useRepeatText();
  return <>{text(fromRrule(rrule))}</>;
}
