// The list page's view lives in the URL (`/conferences?view=week&date=2026-12-07`), so a shared
// link opens the same week and the back button returns to the previous one.
import { type CalendarView, type Day, parseDay } from './dates';

export type ListView = 'list' | CalendarView;
export const listViews: readonly ListView[] = ['list', 'week', 'month'];

/** The view and the day it is about; an unknown view is the list, a missing or bad date today. */
export function readView(params: URLSearchParams): { view: ListView; day: Day | null } {
  const view = params.get('view');
  return {
    view: (listViews as readonly string[]).includes(view ?? '') ? (view as ListView) : 'list',
    day: parseDay(params.get('date')),
  };
}

/** The URL of a view; without a day, the calendar opens on today's week or month. */
export function viewHref(view: ListView, day: Day | null): string {
  if (view === 'list') return '/conferences';
  const params = new URLSearchParams({ view });
  if (day) params.set('date', day.toString());
  return `/conferences?${params}`;
}
