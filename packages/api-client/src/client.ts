import type { AppRouter } from '@caremap/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import superjson from 'superjson';

export type { AppRouter };
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** Name of the double-submit cookie the server sets and the header it must come back in. */
const CSRF_COOKIE = 'caremap_csrf';
const CSRF_HEADER = 'x-caremap-csrf';

/** The CSRF header a state-changing request outside tRPC (the HSDS upload) must carry. */
export function csrfHeaders(): Record<string, string> {
  const token = csrfToken();
  return token ? { [CSRF_HEADER]: token } : {};
}

function csrfToken(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * The typed client for CareMap's API; same origin, so the session cookie rides along, and every
 * request echoes the CSRF cookie in a header, which a page of another origin cannot read or set.
 */
export function createCareMapClient(url = '/trpc') {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url,
        transformer: superjson,
        headers: () => {
          const token = csrfToken();
          return token ? { [CSRF_HEADER]: token } : {};
        },
        fetch: (input, init) => fetch(input, { ...init, credentials: 'include' }),
      }),
    ],
  });
}

/** One client per MFE bundle (each MFE has its own copy of this module). */
export const trpcClient = createCareMapClient();
