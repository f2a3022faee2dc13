// TEMPORARY shapes of the directory procedures being built on branch `dir`; replaced by
// RouterOutputs once that branch is merged.
import { keepPreviousData, useMutation, useQuery, useTRPC, useTRPCClient } from '@caremap/api-client';
import { currentLanguage } from '@caremap/ui';
import type { AttendingType } from './query';

export interface SearchInput {
  text?: string;
  placeId?: number;
  near?: { lat: number; lng: number };
  radiusMeters?: number;
  openNow?: boolean;
  age?: number;
  language?: string;
  free?: boolean;
  wheelchair?: boolean;
  attendingType?: AttendingType;
  taxonomyTermIds?: string[];
  organizationId?: string;
  sort?: 'relevance' | 'distance' | 'name';
  page?: number;
  size?: number;
}

export interface SearchItem {
  id: string;
  name: string;
  organizationName: string;
  distanceMeters: number | null;
  lat: number | null;
  lng: number | null;
  openNow: boolean | null;
  city?: string | null;
  description?: string | null;
}
export interface SearchOutput {
  total: number;
  page: number;
  size: number;
  items: SearchItem[];
}
export interface Place {
  id: number;
  name: string;
  country: string;
  /** "Jihlava, Česko": the country named in the visitor's language. */
  label: string;
  lat: number;
  lng: number;
  population: number;
}

// biome-ignore lint/suspicious/noExplicitAny: temporary until the dir branch's router types land
type Loose = any;

export function useServiceSearch(input: SearchInput) {
  const client = useTRPCClient() as Loose;
  return useQuery<SearchOutput>({
    queryKey: ['directory.search', input],
    queryFn: ({ signal }) => client.directory.search.query(input, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePlaces(text: string) {
  const client = useTRPCClient() as Loose;
  return useQuery<Place[]>({
    queryKey: ['directory.places', text],
    queryFn: async ({ signal }) => {
      const result = await client.directory.places.query(
        { prefix: text.trim(), locale: currentLanguage(), limit: 8 },
        { signal },
      );
      return Array.isArray(result) ? result : result.items;
    },
    enabled: text.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** The category filter's service types (taxonomy.terms), in the UI language. */
export function useTaxonomyTerms() {
  const trpc = useTRPC();
  const language = currentLanguage();
  return useQuery({ ...trpc.taxonomy.terms.queryOptions({ language }), staleTime: 10 * 60_000 });
}

export interface OpeningHours {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  opens: string;
  closes: string;
}
export interface ServiceLocation {
  id: string;
  name: string | null;
  addressHidden: boolean;
  address: { address1: string; city: string; postalCode: string | null; country: string } | null;
  /** For a hidden address: the area it is in, never the place. */
  approximateArea: string | null;
  lat: number | null;
  lng: number | null;
  transportation: string | null;
}
export interface ServiceDetail {
  id: string;
  name: string;
  description: string | null;
  organization: { id: string; name: string; website: string | null };
  url: string | null;
  email: string | null;
  phones: Array<{ number: string; description: string | null }>;
  eligibilityDescription: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  languages: string[];
  free: boolean | null;
  costs: Array<{ option: string | null; amount: number | null; currency: string | null }>;
  feesDescription: string | null;
  wheelchair: boolean | null;
  accessibility: string[];
  attendingType: string | null;
  applicationProcess: string | null;
  timeZone: string;
  hours: OpeningHours[];
  scheduleNote: string | null;
  openNow: boolean | null;
  nextOpening: string | null;
  locations: ServiceLocation[];
}

export function useService(id: string) {
  const client = useTRPCClient() as Loose;
  return useQuery<ServiceDetail>({
    queryKey: ['directory.service', id],
    queryFn: ({ signal }) => client.directory.service.query({ id }, { signal }),
  });
}

export interface SuggestChallenge {
  challenge: string;
  /** Leading zero bits the SHA-256 of `challenge:nonce` must have. */
  difficulty: number;
}
export interface SuggestEditInput {
  targetEntity: 'service';
  targetId: string;
  changes: Record<string, string>;
  comment?: string;
  submitterName?: string;
  submitterEmail?: string;
  language: 'hu' | 'cs' | 'tr' | 'en';
  website?: string;
  challenge: string;
  nonce: string;
}

export function useSuggestClient() {
  const client = useTRPCClient() as Loose;
  return {
    challenge: (): Promise<SuggestChallenge> => client.directory.suggestChallenge.mutate(),
    suggest: (input: SuggestEditInput): Promise<unknown> => client.directory.suggestEdit.mutate(input),
  };
}

export { useMutation, useQuery, useTRPCClient };
