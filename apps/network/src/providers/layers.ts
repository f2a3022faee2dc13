// Map layers of the providers screen: service locations and partner institutions grouped by kind,
// each in a colour of the Okabe-Ito palette (distinguishable with the common colour-vision
// deficiencies); the legend and the table name every kind in words, so colour is never the only cue.
import type { RouterOutputs } from '@caremap/api-client';

export type MapRecord = RouterOutputs['networkRecord']['list']['items'][number];

export const layerIds = ['provider', 'education', 'health', 'justice', 'authority', 'ngo'] as const;
export type LayerId = (typeof layerIds)[number];

export const layerColors: Record<LayerId, string> = {
  provider: '#0072B2',
  education: '#E69F00',
  health: '#009E73',
  justice: '#D55E00',
  authority: '#CC79A7',
  ngo: '#56B4E9',
};

export const layerLabelKey = {
  provider: 'providers.layerProvider',
  education: 'providers.layerEducation',
  health: 'providers.layerHealth',
  justice: 'providers.layerJustice',
  authority: 'providers.layerAuthority',
  ngo: 'providers.layerNgo',
} as const satisfies Record<LayerId, string>;

export const partnerKinds = [
  'school',
  'kindergarten',
  'nursery',
  'health_visitor',
  'gp',
  'hospital',
  'police',
  'court',
  'guardianship_authority',
  'ngo',
] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export const kindLayer: Record<PartnerKind | 'provider', LayerId> = {
  provider: 'provider',
  school: 'education',
  kindergarten: 'education',
  nursery: 'education',
  health_visitor: 'health',
  gp: 'health',
  hospital: 'health',
  police: 'justice',
  court: 'justice',
  guardianship_authority: 'authority',
  ngo: 'ngo',
};

export const kindLabelKey = {
  provider: 'providers.kindProvider',
  school: 'providers.kindSchool',
  kindergarten: 'providers.kindKindergarten',
  nursery: 'providers.kindNursery',
  health_visitor: 'providers.kindHealthVisitor',
  gp: 'providers.kindGp',
  hospital: 'providers.kindHospital',
  police: 'providers.kindPolice',
  court: 'providers.kindCourt',
  guardianship_authority: 'providers.kindGuardianship',
  ngo: 'providers.kindNgo',
} as const satisfies Record<PartnerKind | 'provider', string>;

export const layerOf = (kind: string): LayerId => kindLayer[kind as PartnerKind] ?? 'provider';
export const kindKey = (kind: string) => kindLabelKey[kind as PartnerKind] ?? kindLabelKey.provider;

export const entityLabelKey = {
  organization: 'providers.entityOrganization',
  service: 'providers.entityService',
  location: 'providers.entityLocation',
  partner_institution: 'providers.entityPartner',
} as const;
export type Entity = keyof typeof entityLabelKey;
