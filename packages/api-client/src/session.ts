import { useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from './client';
import { useTRPC } from './context';

export type SessionUser = NonNullable<RouterOutputs['auth']['me']['user']>;

/**
 * The signed-in user (`user: null` when signed out). CareMapQueryProvider refetches it, with
 * everything else, when the `caremap:session` window event fires after sign-in or sign-out.
 */
export function useSession() {
  const trpc = useTRPC();
  const query = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 }));
  return {
    user: query.data?.user ?? null,
    isLoading: query.isPending,
    error: query.error,
    refetch: query.refetch,
  };
}
