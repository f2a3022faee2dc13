import { useTranslation } from '@caremap/ui';
import { type KeyboardEvent, useId, useRef } from 'react';
import { go, useSearchParams } from '../route';
import { UpcomingConferences } from '../UpcomingConferences';
import { ConferenceCalendar } from './ConferenceCalendar';
import { type ListView, listViews, readView, viewHref } from './view-url';

const tabLabelKey = {
  list: 'calendar.viewList',
  week: 'calendar.viewWeek',
  month: 'calendar.viewMonth',
} as const satisfies Record<ListView, string>;

/**
 * "My conferences" as a list, a week or a month: a tablist (arrow keys, Home and End move and
 * select, as the WAI-ARIA tabs pattern with automatic activation), each choice a URL of its own.
 */
export function ConferenceViews() {
  const { t } = useTranslation();
  const ids = useId();
  const tabs = useRef(new Map<ListView, HTMLButtonElement>());
  const { view, day } = readView(useSearchParams());

  const choose = (next: ListView) => {
    if (next !== view) go(viewHref(next, day), { keepScroll: true });
  };
  const onKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = listViews.indexOf(view);
    const next = {
      ArrowRight: listViews[(index + 1) % listViews.length],
      ArrowLeft: listViews[(index + listViews.length - 1) % listViews.length],
      Home: listViews[0],
      End: listViews.at(-1),
    }[event.key];
    if (!next) return;
    event.preventDefault();
    choose(next);
    tabs.current.get(next)?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label={t('calendar.viewsLabel')} className="cal-tabs">
        {listViews.map((key) => (
          <button
            key={key}
            ref={(el) => {
              if (el) tabs.current.set(key, el);
            }}
            type="button"
            role="tab"
            id={`${ids}-tab-${key}`}
            aria-selected={view === key}
            aria-controls={`${ids}-panel`}
            tabIndex={view === key ? 0 : -1}
            className="cal-tab"
            onClick={() => choose(key)}
            onKeyDown={onKey}
          >
            {t(tabLabelKey[key])}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${ids}-panel`} aria-labelledby={`${ids}-tab-${view}`} className="cal-panel">
        {view === 'list' ? <UpcomingConferences /> : <ConferenceCalendar view={view} day={day} />}
      </div>
    </>
  );
}
