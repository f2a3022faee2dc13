// The network around the directory: partner institutions of every kind in every ORP and county,
// the agencies whose staff use CareMap, and the demo users with their roles and territories.
import type * as a from '../schema/access';
import type * as n from '../schema/network';
import { type PartnerKind, partnerKinds } from '../schema/network';
import type { GeoData, Town } from './geodata';
import { jitter, Rng, seedId, slug } from './random';
import { REGION_CODE, territoryId } from './territories';
import { hunAdjective } from './vocab';
import { CZ_COURT, CZ_HOSPITAL_TOWNS, czVocab } from './vocab-cz';
import { budapestDistrict, huVocab } from './vocab-hu';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
export type UserRow = Omit<Insert<typeof a.appUser>, 'passwordHash'> & { id: string };

export interface NetworkData {
  agency: Insert<typeof n.agency>[];
  partnerInstitution: Insert<typeof n.partnerInstitution>[];
  appUser: UserRow[];
  membership: Insert<typeof a.membership>[];
  territoryAssignment: Insert<typeof a.territoryAssignment>[];
}

export const DEMO_DOMAIN = 'demo.caremap.eu';
export const demoEmail = (local: string) => `${local}@${DEMO_DOMAIN}`;
export const userId = (local: string) => seedId(`user:${local}`);
export const agencyId = (key: string) => seedId(`agency:${key}`);

const COUNT: Record<PartnerKind, [number, number]> = {
  school: [2, 3],
  kindergarten: [2, 3],
  nursery: [1, 2],
  health_visitor: [1, 2],
  gp: [2, 3],
  hospital: [1, 1],
  police: [1, 1],
  court: [1, 1],
  guardianship_authority: [1, 1],
  ngo: [1, 2],
};
const BIG_ONLY = new Set<PartnerKind>(['hospital', 'police', 'court', 'guardianship_authority']);

const CZ_SCHOOL_STREETS = ['Nádražní', 'Školní', 'Zahradní', 'Na Kopci', 'Sadová', 'Lesní', 'Polní'];
const HU_KINDERGARTENS = ['Napsugár', 'Szivárvány', 'Mesevár', 'Pitypang', 'Katica', 'Csillagvirág'];
const HU_SCHOOLS = [
  'Általános Iskola',
  'Református Általános Iskola',
  'Katolikus Általános Iskola',
  'Szakképző Iskola',
];

function partnerName(
  kind: PartnerKind,
  town: Town,
  i: number,
  ospod: string,
  orpCode: string | null,
): string {
  if (town.country === 'CZ') {
    const street = CZ_SCHOOL_STREETS[(town.geonameId + i) % CZ_SCHOOL_STREETS.length]!;
    switch (kind) {
      case 'school':
        return `Základní škola ${town.name}, ${street}`;
      case 'kindergarten':
        return `Mateřská škola ${town.name}, ${street}`;
      case 'nursery':
        return i === 0 ? `Dětská skupina ${town.name}` : `Jesle ${town.name}`;
      case 'health_visitor':
        return `Terénní dětská sestra – ${town.name}`;
      case 'gp':
        return `Praktický lékař pro děti a dorost – ${town.name}${i > 0 ? `, ordinace ${i + 1}` : ''}`;
      case 'hospital':
        return CZ_HOSPITAL_TOWNS.includes(town.name) ? `Nemocnice ${town.name}` : `Poliklinika ${town.name}`;
      case 'police':
        return `Policie ČR – obvodní oddělení ${town.name}`;
      case 'court':
        return CZ_COURT[orpCode ?? ''] ?? `Okresní soud – ${town.name}`;
      case 'guardianship_authority':
        return ospod;
      case 'ngo':
        return [`Spolek pro rodinu ${town.name}`, `Pěstounské rodiny ${town.name}, z. s.`][i % 2]!;
    }
  }
  const adj = hunAdjective(town.name);
  const district = budapestDistrict(town.name);
  switch (kind) {
    case 'school':
      return `${adj} ${HU_SCHOOLS[i % HU_SCHOOLS.length]}`;
    case 'kindergarten':
      return `${adj} ${HU_KINDERGARTENS[(town.geonameId + i) % HU_KINDERGARTENS.length]} Óvoda`;
    case 'nursery':
      return i === 0 ? `${adj} Bölcsőde` : `${adj} Mini Bölcsőde`;
    case 'health_visitor':
      return `Védőnői Szolgálat – ${town.name}`;
    case 'gp':
      return `Házi gyermekorvosi rendelő – ${town.name}${i > 0 ? ` (${i + 1}. körzet)` : ''}`;
    case 'hospital':
      return `${adj} Kórház`;
    case 'police':
      return `${adj} Rendőrkapitányság`;
    case 'court':
      return `${adj} Járásbíróság`;
    case 'guardianship_authority':
      return town.county === 'HU-BU'
        ? `Budapest Főváros Kormányhivatala – Gyámügyi Osztály, ${district?.label ?? 'V. kerület'}`
        : `${adj} Járási Hivatal – Gyámügyi Osztály`;
    case 'ngo':
      return [`Magyar Vöröskereszt – ${town.name}`, `Gyermekekért Alapítvány ${town.name}`][i % 2]!;
  }
}

const ospodName = (seat: string) =>
  seat === 'Jihlava' ? 'Magistrát města Jihlavy – OSPOD' : `Městský úřad ${seat} – OSPOD`;

export function generateNetwork(geo: GeoData, orgIdByTemplateTown: Map<string, string>): NetworkData {
  const rng = new Rng('network');
  const d: NetworkData = {
    agency: [],
    partnerInstitution: [],
    appUser: [],
    membership: [],
    territoryAssignment: [],
  };
  const towns = geo.towns.filter((t) => t.inside);
  const cz = (name: string) => towns.find((t) => t.country === 'CZ' && t.name === name)!;

  // Agencies: an OSPOD per ORP, a child welfare centre and a territorial service per county.
  for (const orp of geo.orps) {
    const seat = towns.find((t) => t.orp === orp.properties.code && t.name === orp.properties.seat)!;
    d.agency.push({
      id: agencyId(`ospod:${orp.properties.code}`),
      name: ospodName(orp.properties.seat),
      kind: 'child_protection_office',
      country: 'CZ',
      territoryId: territoryId(orp.properties.code),
      organizationId: orgIdByTemplateTown.get(`mestsky-urad:${seat.geonameId}`) ?? null,
    });
  }
  for (const county of geo.boundaries.filter((b) => b.properties.country === 'HU')) {
    const code = county.properties.code;
    const seat = towns.find((t) => t.county === code)!;
    const cwc = orgIdByTemplateTown.get(`csgyk:${seat.geonameId}`);
    d.agency.push({
      id: agencyId(`cwc:${code}`),
      name: `Család- és Gyermekjóléti Központ ${seat.name}`,
      kind: 'child_welfare_centre',
      country: 'HU',
      territoryId: territoryId(code),
      organizationId: cwc ?? null,
    });
    d.agency.push({
      id: agencyId(`tgysz:${code}`),
      name: huVocab.templates.find((t) => t.key === 'tgysz')!.name(seat, county.properties.name),
      kind: 'territorial_child_protection',
      country: 'HU',
      territoryId: territoryId(code),
      organizationId: orgIdByTemplateTown.get(`tgysz:${seat.geonameId}`) ?? null,
    });
  }
  d.agency.push(
    {
      id: agencyId('local-network:CZ-63'),
      name: 'Krajský úřad Kraje Vysočina – lokální síťaři',
      kind: 'local_network',
      country: 'CZ',
      territoryId: territoryId(REGION_CODE),
      organizationId: orgIdByTemplateTown.get(`kraj-socialni-odbor:${cz('Jihlava').geonameId}`) ?? null,
    },
    {
      id: agencyId('administration'),
      name: 'CareMap Administration (demo)',
      kind: 'administration',
      country: 'CZ',
    },
  );

  // Partner institutions: every kind in every ORP and county.
  const territories = [
    ...geo.orps.map((o) => ({
      code: o.properties.code,
      towns: towns.filter((t) => t.orp === o.properties.code),
    })),
    ...geo.boundaries
      .filter((b) => b.properties.country === 'HU')
      .map((b) => ({ code: b.properties.code, towns: towns.filter((t) => t.county === b.properties.code) })),
  ];
  for (const territory of territories) {
    const vocab = territory.towns[0]!.country === 'CZ' ? czVocab : huVocab;
    const orpCode = vocab === czVocab ? territory.code : null;
    for (const kind of partnerKinds) {
      const [lo, hi] = COUNT[kind];
      for (let i = 0, count = rng.int(lo, hi); i < count; i++) {
        let town = BIG_ONLY.has(kind)
          ? territory.towns[i]!
          : rng.weighted(territory.towns, (t) => Math.sqrt(t.population));
        if (kind === 'court' && orpCode) town = cz(courtSeat(orpCode));
        const ospod = orpCode
          ? ospodName(geo.orps.find((o) => o.properties.code === orpCode)!.properties.seat)
          : '';
        const name = partnerName(kind, town, i, ospod, orpCode);
        const point = jitter(
          rng,
          town.lat,
          town.lon,
          Math.min(0.45 * town.edgeM, 200 + 2 * Math.sqrt(town.population)),
        );
        d.partnerInstitution.push({
          id: seedId(`partner:${territory.code}:${kind}:${i}`),
          name,
          partnerKind: kind,
          territoryId: territoryId(territory.code),
          agencyId: kind === 'guardianship_authority' && orpCode ? agencyId(`ospod:${orpCode}`) : null,
          address: vocab.address1(rng),
          city: vocab.city(town).city,
          country: vocab.country,
          email: `${vocab === czVocab ? 'podatelna' : 'titkarsag'}@${slug(name).slice(0, 40).replace(/-$/, '')}.example`,
          phone: vocab.phone(town, rng, false),
          geom: { type: 'Point', coordinates: [point.lon, point.lat] },
        });
      }
    }
  }

  // Partner agencies: institutions whose staff log in (the demo partner user works at the first one).
  const partnerAgencies = [
    { territory: 'HU-JN', kind: 'school' as const },
    { territory: 'HU-JN', kind: 'health_visitor' as const },
    { territory: 'HU-JN', kind: 'police' as const },
    { territory: '6105', kind: 'school' as const },
  ];
  for (const p of partnerAgencies) {
    const institution = d.partnerInstitution.find(
      (pi) => pi.territoryId === territoryId(p.territory) && pi.partnerKind === p.kind,
    )!;
    const id = agencyId(`partner:${p.territory}:${p.kind}`);
    institution.agencyId = id;
    d.agency.push({
      id,
      name: institution.name,
      kind: 'partner',
      country: institution.country,
      territoryId: institution.territoryId,
    });
  }

  addUsers(d, geo);
  return d;
}

/** Town of the district court for an ORP (the okres seat). */
function courtSeat(orp: string): string {
  const court = CZ_COURT[orp]!;
  if (court.includes('Žďáru')) return 'Žďár nad Sázavou';
  if (court.includes('Havlíčkově')) return 'Havlíčkův Brod';
  if (court.includes('Pelhřimově')) return 'Pelhřimov';
  if (court.includes('Jihlavě')) return 'Jihlava';
  return 'Třebíč';
}

function addUsers(d: NetworkData, geo: GeoData): void {
  const users: [string, string, 'cs' | 'hu' | 'en', a.Role, string, string[]][] = [
    ['networker', 'Demo Networker', 'cs', 'networker', 'local-network:CZ-63', ['6105', '6113', '6112']],
    [
      'coordinator',
      'Demo Coordinator',
      'cs',
      'coordinator',
      'local-network:CZ-63',
      geo.orps.map((o) => o.properties.code),
    ],
    ['organiser', 'Demo Organiser', 'hu', 'organiser', 'cwc:HU-JN', ['HU-JN']],
    ['partner', 'Demo Partner', 'hu', 'partner', 'partner:HU-JN:school', []],
    ['admin', 'Demo Admin', 'en', 'admin', 'administration', []],
    ['organiser.cz', 'Demo Organiser (CZ)', 'cs', 'organiser', 'ospod:6105', ['6105']],
  ];
  for (const [local, displayName, locale, role, agency, territories] of users) {
    const id = userId(local);
    d.appUser.push({ id, email: demoEmail(local), displayName, locale });
    d.membership.push({
      id: seedId(`membership:${local}:${agency}:${role}`),
      userId: id,
      agencyId: agencyId(agency),
      role,
    });
    for (const code of territories)
      d.territoryAssignment.push({ userId: id, territoryId: territoryId(code) });
  }
}
