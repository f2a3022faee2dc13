import { useQuery, useTRPC } from '@caremap/api-client';
import {
  apiErrorDetails,
  Button,
  currentLanguage,
  EmptyState,
  ErrorState,
  formatApiError,
  intlLocale,
  Loading,
  useTranslation,
} from '@caremap/ui';
import { useId } from 'react';
import { go } from '../route';
import { viewerZone } from '../zone';
import { type CalendarEntry, MonthGrid, WeekList } from './CalendarGrids';
import { type CalendarView, type Day, dayForIntl, daysOf, rangeOf, step, today } from './dates';
import { viewHref } from './view-url';

const navKeys = {
  week: { previous: 'calendar.previousWeek', next: 'calendar.nextWeek', empty: 'calendar.emptyWeek' },
  month: { previous: 'calendar.previousMonth', next: 'calendar.nextMonth', empty: 'calendar.emptyMonth' },
} as const;

/** "7 – 13 December 2026" or "December 2026", in the UI language. */
function periodTitle(view: CalendarView, day: Day, language: string): string {
  const days = daysOf(view, day);
  if (view === 'month') {
    return new Intl.DateTimeFormat(intlLocale(language), {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(dayForIntl(day));
  }
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatRange(dayForIntl(days[0]!), dayForIntl(days.at(-1)!));
}

/**
 * The signed-in user's conferences in a week or a month, on the days of their own time zone (the
 * browser's). `day` null: the period of today. Previous / today / next change the URL.
 */
export function ConferenceCalendar(props: { view: CalendarView; day: Day | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const zone = viewerZone();
  const now = today(zone);
  const day = props.day ?? now;
  const { view } = props;
  const range = rangeOf(view, day, zone);
  const conferences = useQuery(trpc.conference.inRange.queryOptions(range));
  const language = currentLanguage();
  const keys = navKeys[view];
  const title = periodTitle(view, day, language);
  const move = (to: Day | null) => go(viewHref(view, to), { keepScroll: true });
  const titleId = useId();

  return (
    <section className="cal" aria-labelledby={titleId}>
      <div className="cal-toolbar">
        <h2 id={titleId} className="cal-title" aria-live="polite">
          {title}
        </h2>
        <fieldset className="cal-nav">
          <legend className="cm-visually-hidden">{t('calendar.periodNav')}</legend>
          <Button variant="secondary" onClick={() => move(step(view, day, -1))}>
            <span aria-hidden="true">‹ </span>
            {t(keys.previous)}
          </Button>
          <Button variant="secondary" onClick={() => move(null)}>
            {t('calendar.today')}
          </Button>
          <Button variant="secondary" onClick={() => move(step(view, day, 1))}>
            {t(keys.next)}
            <span aria-hidden="true"> ›</span>
          </Button>
        </fieldset>
      </div>
      <p className="cal-zone">{t('calendar.zoneNote', { zone })}</p>
      <CalendarBody
        view={view}
        day={day}
        today={now}
        zone={zone}
        title={title}
        emptyTitle={t(keys.empty)}
        query={conferences}
      />
    </section>
  );
}

function CalendarBody(props: {
  view: CalendarView;
  day: Day;
  today: Day;
  zone: string;
  title: string;
  emptyTitle: string;
  query: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    data: { items: CalendarEntry[] } | undefined;
    refetch: () => unknown;
  };
}) {
  const { t } = useTranslation();
  const { query } = props;
  if (query.isPending) return <Loading />;
  if (query.isError) {
    // Signed in, but no role that sees conferences (an administrator): say why, with no retry.
    if (apiErrorDetails(query.error, t).kind === 'forbidden') {
      return (
        <EmptyState as="h3" title={t('conferences.forbiddenTitle')}>
          <p>{t('conferences.forbiddenBody')}</p>
        </EmptyState>
      );
    }
    return (
      <ErrorState
        as="h3"
        title={t('calendar.loadFailed')}
        message={formatApiError(query.error, t)}
        onRetry={() => void query.refetch()}
      />
    );
  }
  const items = query.data!.items;
  if (items.length === 0) {
    return (
      <EmptyState as="h3" title={props.emptyTitle}>
        <p>{t('calendar.emptyBody')}</p>
      </EmptyState>
    );
  }
  const grid = { day: props.day, today: props.today, zone: props.zone, items };
  return props.view === 'week' ? (
    <WeekList {...grid} label={t('calendar.weekLabel', { range: props.title })} />
  ) : (
    <MonthGrid {...grid} label={t('calendar.monthLabel', { month: props.title })} />
  );
}
