import type { RouterOutputs } from '@caremap/api-client';

type TerritoryKind = RouterOutputs['territory']['mine']['items'][number]['kind'];

/** Every territory kind has a translated label; a new kind fails the type check here. */
export const kindLabelKey = {
  region: 'network.kindRegion',
  orp: 'network.kindOrp',
  county: 'network.kindCounty',
  district: 'network.kindDistrict',
  custom: 'network.kindCustom',
} as const satisfies Record<TerritoryKind, string>;
