// What the phases section's parts share: the shape of familyPhases.get and the refetch after a write.
import { type RouterOutputs, useQueryClient, useTRPC } from '@caremap/api-client';

export type Phases = RouterOutputs['familyPhases']['get'];
export type Phase = Phases['phases'][number];

export function useRefreshPhases(conferenceId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.familyPhases.get.queryKey({ conferenceId }) });
}
