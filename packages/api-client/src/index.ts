// MFEs use TanStack Query through this package, so one place pins how they talk to the API.
export {
  keepPreviousData,
  skipToken,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
export {
  type AppRouter,
  createCareMapClient,
  csrfHeaders,
  type RouterInputs,
  type RouterOutputs,
  trpcClient,
} from './client';
export { useTRPC, useTRPCClient } from './context';
export { announceSessionChange, CareMapQueryProvider, SESSION_EVENT } from './provider';
export { type SessionUser, useSession } from './session';
