import { sameOriginPath } from '@caremap/ui';
import { useSyncExternalStore } from 'react';

// single-spa fires this after every reroute (navigation, or an app registered again), once the
// apps are mounted and unmounted.
const ROUTING_EVENT = 'single-spa:routing-event';

let version = 0;
const bump = () => {
  version += 1;
};
window.addEventListener(ROUTING_EVENT, bump);
window.addEventListener('popstate', bump);

function subscribe(onChange: () => void) {
  window.addEventListener(ROUTING_EVENT, onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener(ROUTING_EVENT, onChange);
    window.removeEventListener('popstate', onChange);
  };
}

// The version makes a reroute that kept the URL (an app mounted after a retry) a change too.
const snapshot = () => `${version} ${window.location.pathname}${window.location.search}`;

/** The current path (and query), re-rendering after every single-spa reroute. */
export function useLocation(): { pathname: string; search: URLSearchParams } {
  const current = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(current.slice(current.indexOf(' ') + 1), window.location.origin);
  return { pathname: url.pathname, search: url.searchParams };
}

/** For nav highlighting: `/find` is current on `/find` and `/find/...`. */
export function isUnder(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/**
 * Where to go after signing in: a path on this site only, as the URL parser resolves it (an open
 * redirect through ?next= would be a phishing aid), and never back to the sign-in page.
 */
export function safeNext(next: string | null, origin: string = window.location.origin): string {
  const path = next ? sameOriginPath(next, origin) : null;
  if (!path || isUnder(new URL(path, origin).pathname, '/login')) return '/';
  return path;
}
