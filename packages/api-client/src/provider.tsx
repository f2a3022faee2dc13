import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { trpcClient } from './client';
import { TRPCProvider } from './context';

/** Fired on window by whoever signs the user in or out (the shell); every MFE refetches. */
export const SESSION_EVENT = 'caremap:session';

export function announceSessionChange(): void {
  window.dispatchEvent(new Event(SESSION_EVENT));
}

function isClientError(error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx (signed out, forbidden, bad input) will not heal by itself; a network blip might.
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

/**
 * Wraps one MFE: its own QueryClient (MFEs share no cache, so one cannot break another), the
 * typed tRPC context, and a listener that refetches everything when the session changes.
 */
export function CareMapQueryProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  useEffect(() => {
    // Reset, not just invalidate: the previous user's protected data must not stay on screen
    // while the new answers load.
    const onSessionChange = () => void queryClient.resetQueries();
    window.addEventListener(SESSION_EVENT, onSessionChange);
    return () => window.removeEventListener(SESSION_EVENT, onSessionChange);
  }, [queryClient]);
  // No cache outlives the MFE: unmounting clears it (and cancels in-flight requests).
  useEffect(() => () => queryClient.clear(), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
