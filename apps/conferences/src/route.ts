import { navigate } from '@caremap/ui';
import { useSyncExternalStore } from 'react';

// The shell mounts this MFE for every path under /conferences; the MFE routes its own sub-paths.
// single-spa fires popstate (and its routing event) after navigateToUrl; our own event covers the
// case where single-spa has not started (component tests).
const EVENTS = ['popstate', 'single-spa:routing-event', 'caremap:conferences-route'] as const;

function subscribe(onChange: () => void) {
  for (const e of EVENTS) window.addEventListener(e, onChange);
  return () => {
    for (const e of EVENTS) window.removeEventListener(e, onChange);
  };
}
const snapshot = () => `${window.location.pathname}${window.location.search}`;

export type Route =
  | { page: 'list' }
  | { page: 'new' }
  | { page: 'outbox' }
  | { page: 'actions' }
  | { page: 'availability' }
  | { page: 'respond'; token: string; response: string | null }
  | { page: 'poll'; token: string; lang: string | null }
  | { page: 'conference'; conferenceId: string }
  | { page: 'seriesList' }
  | { page: 'seriesNew' }
  | { page: 'series'; seriesId: string }
  | { page: 'case'; caseRef: string }
  | { page: 'unknown' };

export function parseRoute(pathAndQuery: string): Route {
  const url = new URL(pathAndQuery, 'http://x');
  const rest = url.pathname.replace(/^\/conferences\/?/, '').replace(/\/$/, '');
  if (rest === '') return { page: 'list' };
  if (rest === 'new') return { page: 'new' };
  if (rest === 'outbox') return { page: 'outbox' };
  if (rest === 'actions') return { page: 'actions' };
  if (rest === 'availability') return { page: 'availability' };
  if (rest === 'respond') {
    return {
      page: 'respond',
      token: url.searchParams.get('token') ?? '',
      response: url.searchParams.get('response'),
    };
  }
  if (rest === 'poll') {
    return { page: 'poll', token: url.searchParams.get('token') ?? '', lang: url.searchParams.get('lang') };
  }
  if (rest === 'series') return { page: 'seriesList' };
  if (rest === 'series/new') return { page: 'seriesNew' };
  const series = /^series\/([0-9a-f-]{36})$/i.exec(rest);
  if (series) return { page: 'series', seriesId: series[1]! };
  if (/^[0-9a-f-]{36}$/i.test(rest)) return { page: 'conference', conferenceId: rest };
  const caseMatch = /^cases\/([^/]+)$/.exec(rest);
  if (caseMatch) {
    try {
      return { page: 'case', caseRef: decodeURIComponent(caseMatch[1]!) };
    } catch {
      return { page: 'unknown' };
    }
  }
  return { page: 'unknown' };
}

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, snapshot));
}

/** The timeline page of a case. */
export const caseTimelinePath = (caseRef: string) => `/conferences/cases/${encodeURIComponent(caseRef)}`;

/** The query string of the current URL, re-read on every navigation (views kept in the URL). */
export function useSearchParams(): URLSearchParams {
  return new URL(useSyncExternalStore(subscribe, snapshot), 'http://x').searchParams;
}

/**
 * Client-side navigation inside the MFE (through single-spa, so the shell follows). A new page
 * starts at the top; `keepScroll` is for a change of view on the same page (the calendar's week).
 */
export function go(path: string, options: { keepScroll?: boolean } = {}): void {
  navigate(path);
  window.dispatchEvent(new Event('caremap:conferences-route'));
  if (!options.keepScroll) window.scrollTo?.(0, 0);
}
