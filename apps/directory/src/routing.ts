import { useSyncExternalStore } from 'react';

// The shell and single-spa own the page's routing; this MFE only reads window.location and writes
// it with the History API. single-spa patches pushState/replaceState to fire a popstate, so the
// shell and the MFE registry follow too; our own event covers a page without single-spa (tests).
const CHANGE_EVENT = 'caremap:find-location';
const EVENTS = ['popstate', 'single-spa:routing-event', CHANGE_EVENT] as const;

function subscribe(onChange: () => void) {
  for (const name of EVENTS) window.addEventListener(name, onChange);
  return () => {
    for (const name of EVENTS) window.removeEventListener(name, onChange);
  };
}

const snapshot = () => `${window.location.pathname}${window.location.search}`;

/** The current path and search parameters, re-rendering on every navigation. */
export function useFindLocation(): { pathname: string; search: URLSearchParams; href: string } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.searchParams, href };
}

/**
 * Goes to `url` (a path on this site). `replace` rewrites the current history entry, for changes
 * that should not cost the user a Back press (a corrected page number, say).
 */
export function goTo(url: string, { replace = false, state }: { replace?: boolean; state?: unknown } = {}) {
  if (url === snapshot() && !state) return;
  if (replace) window.history.replaceState(state ?? null, '', url);
  else window.history.pushState(state ?? null, '', url);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** `/find/services/<id>` → the id; anything else under /find is the search. */
export function serviceIdOf(pathname: string): string | undefined {
  const match = /^\/find\/services\/([^/]+)\/?$/.exec(pathname);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

export const serviceUrl = (id: string, search: string) =>
  `/find/services/${encodeURIComponent(id)}${search ? `?${search}` : ''}`;
