// The directory procedures /find calls, typed by the router itself (RouterInputs/RouterOutputs).
import {
  keepPreviousData,
  type RouterInputs,
  type RouterOutputs,
  skipToken,
  useQuery,
  useTRPC,
  useTRPCClient,
} from '@caremap/api-client';
import { currentLanguage } from '@caremap/ui';

export type SearchInput = RouterInputs['directory']['search'];
export type SearchOutput = RouterOutputs['directory']['search'];
export type SearchItem = SearchOutput['items'][number];
export type Place = RouterOutputs['directory']['places'][number];
export type ServiceDetail = RouterOutputs['directory']['service'];
export type ServicePlace = ServiceDetail['places'][number];
export type SuggestEditInput = RouterInputs['directory']['suggestEdit'];

export function useServiceSearch(input: SearchInput) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.directory.search.queryOptions(input), placeholderData: keepPreviousData });
}

export function usePlaces(text: string) {
  const trpc = useTRPC();
  const prefix = text.trim();
  return useQuery({
    ...trpc.directory.places.queryOptions(
      prefix.length >= 2 ? { prefix, locale: currentLanguage(), limit: 8 } : skipToken,
    ),
    placeholderData: keepPreviousData,
  });
}

/** The category filter's service types (taxonomy.terms), in the UI language. */
export function useTaxonomyTerms() {
  const trpc = useTRPC();
  const language = currentLanguage();
  return useQuery({ ...trpc.taxonomy.terms.queryOptions({ language }), staleTime: 10 * 60_000 });
}

export function useService(id: string) {
  const trpc = useTRPC();
  return useQuery(trpc.directory.service.queryOptions({ id }));
}

export function useSuggestClient() {
  const client = useTRPCClient();
  return {
    /** A fresh signed challenge each time (they are single-use and expire). */
    challenge: () => client.directory.suggestChallenge.query(),
    suggest: (input: SuggestEditInput) => client.directory.suggestEdit.mutate(input),
  };
}
