// The HSDS directory: organisations placed at real towns, their locations, services and everything
// hanging off them. Deterministic: the same options give the same rows and ids.
import type * as s from '../schema/directory';
import { costFor, daysBefore, languagesFor, schedulesFor } from './details';
import { type DirectoryOptions, planLocationsAndTerms, planOrganizations, territoryOf } from './plan';
import { jitter, Rng, seedId, slug } from './random';
import { facetId, termDef, termId } from './taxonomy';
import { eligibilityCategory, HIDDEN_ADDRESS_TERMS, NONSTOP_TERMS, TERM_AGES } from './vocab';

export { type DirectoryOptions, territoryOf } from './plan';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
export type ServiceAreaRow = Omit<Insert<typeof s.serviceArea>, 'geom'> & { territoryId: string };

export interface DirectoryData {
  organization: Insert<typeof s.organization>[];
  location: Insert<typeof s.location>[];
  address: Insert<typeof s.address>[];
  accessibility: Insert<typeof s.accessibility>[];
  service: Insert<typeof s.service>[];
  serviceAtLocation: Insert<typeof s.serviceAtLocation>[];
  phone: Insert<typeof s.phone>[];
  schedule: Insert<typeof s.schedule>[];
  language: Insert<typeof s.language>[];
  attribute: Insert<typeof s.attribute>[];
  serviceArea: ServiceAreaRow[];
  costOption: Insert<typeof s.costOption>[];
}

export const emptyDirectory = (): DirectoryData => ({
  organization: [],
  location: [],
  address: [],
  accessibility: [],
  service: [],
  serviceAtLocation: [],
  phone: [],
  schedule: [],
  language: [],
  attribute: [],
  serviceArea: [],
  costOption: [],
});

export function generateDirectory(o: DirectoryOptions): {
  data: DirectoryData;
  orgIdByTemplateTown: Map<string, string>;
} {
  const { vocab, geo, keyPrefix: p } = o;
  const rng = new Rng(`${p}directory:${vocab.country}`);
  const towns = geo.towns.filter((t) => t.country === vocab.country && t.inside);
  const plan = planOrganizations(o, towns, rng);
  planLocationsAndTerms(o, plan, towns, rng);
  const d = emptyDirectory();
  const orgIdByTemplateTown = new Map<string, string>();

  plan.forEach((org, index) => {
    const key = `${p}${vocab.country}:${index}`;
    const orgId = seedId(`organization:${key}`);
    const territory = territoryOf(geo, org.town, org.template.regionWide);
    const localTerritory = territoryOf(geo, org.town);
    const name = org.template.name(org.town, localTerritory.name);
    const domain = `${org.template.key}-${slug(org.town.name)}${org.n > 1 ? `-${org.n}` : ''}${p ? `-${slug(p)}` : ''}.${vocab.domain}`;
    orgIdByTemplateTown.set(`${org.template.key}:${org.town.geonameId}`, orgId);
    d.organization.push({
      id: orgId,
      name: org.n > 1 ? `${name} ${org.n}` : name,
      description: org.template.description,
      email: `info@${domain}`,
      website: `https://${domain}/`,
      taxId: vocab.country === 'CZ' ? rng.digits(8) : `${rng.digits(8)}-${rng.int(1, 2)}-${rng.digits(2)}`,
      yearIncorporated: rng.int(1991, 2021),
      legalStatus: org.template.legalStatus,
    });
    d.phone.push({
      id: seedId(`phone:org:${key}`),
      organizationId: orgId,
      number: vocab.phone(org.town, rng, false),
      type: 'voice',
    });

    const locationRows = new Map<string, DirectoryData['location'][number]>();
    const locationIds = org.locations.map((loc, k) => {
      const locId = seedId(`location:${key}:${k}`);
      const radius = Math.min(0.45 * loc.town.edgeM, 250 + 3 * Math.sqrt(loc.town.population));
      const point = jitter(rng, loc.town.lat, loc.town.lon, radius);
      const { city, region } = vocab.city(loc.town);
      d.location.push({
        id: locId,
        organizationId: orgId,
        name:
          k === 0
            ? d.organization[d.organization.length - 1]!.name
            : vocab.branchName(name, loc.town, loc.sameTown),
        transportation: rng.pick(vocab.transportation),
        latitude: point.lat,
        longitude: point.lon,
        externalIdentifier: String(loc.town.geonameId),
        externalIdentifierType: 'geonames',
      });
      locationRows.set(locId, d.location[d.location.length - 1]!);
      d.address.push({
        id: seedId(`address:${key}:${k}`),
        locationId: locId,
        address1: vocab.address1(rng),
        city,
        region,
        stateProvince: territoryOf(geo, loc.town, true).name,
        postalCode: vocab.postalCode(loc.town),
        country: vocab.country,
      });
      const [description, details, wheelchair] = rng.pick(vocab.accessibility);
      d.accessibility.push({
        id: seedId(`accessibility:${key}:${k}`),
        locationId: locId,
        description,
        details,
      });
      // The text is for people; the filter reads this attribute (explicit false included).
      if (wheelchair !== null) {
        d.attribute.push({
          id: seedId(`attribute:location:${locId}:wheelchair_accessible`),
          linkId: locId,
          linkEntity: 'location',
          taxonomyTermId: facetId('wheelchair_accessible'),
          value: String(wheelchair),
          label: description,
        });
      }
      if (k > 0) {
        d.phone.push({
          id: seedId(`phone:location:${key}:${k}`),
          locationId: locId,
          number: vocab.phone(loc.town, rng, rng.chance(0.3)),
          type: 'voice',
        });
      }
      return locId;
    });

    const served = new Set<string>();
    const salsByService: string[][] = org.terms.map((term, k) => {
      const serviceId = seedId(`service:${key}:${term}`);
      const primary = k === 0 ? locationIds[0]! : rng.pick(locationIds);
      const at = new Set([primary]);
      if (locationIds.length > 1 && rng.chance(0.35)) at.add(rng.pick(locationIds));
      for (const l of at) served.add(l);
      return [...at].map((l) => `${serviceId}|${l}`);
    });
    // Every location hosts at least one service.
    for (const l of locationIds.filter((id) => !served.has(id))) {
      const k = rng.int(0, org.terms.length - 1);
      salsByService[k]!.push(`${seedId(`service:${key}:${org.terms[k]}`)}|${l}`);
    }

    org.terms.forEach((term, k) => {
      const def = termDef(term);
      const label = def.labels[vocab.language];
      const serviceId = seedId(`service:${key}:${term}`);
      const area = vocab.country === 'CZ' || org.template.regionWide ? territory.name : null;
      const [minAge, maxAge] = vocab.ages[term] ?? TERM_AGES[term] ?? [null, null];
      const status = rng.chance(0.97) ? 'active' : rng.chance(0.66) ? 'temporarily closed' : 'inactive';
      const langs = languagesFor(rng, vocab, serviceId);
      d.service.push({
        id: serviceId,
        organizationId: orgId,
        name: label,
        description: vocab.describe(label, org.town, area, rng),
        url: `https://${domain}/${vocab.websitePath}/${slug(label)}`,
        email: rng.chance(0.4) ? `${slug(label).split('-').slice(0, 2).join('-')}@${domain}` : null,
        status,
        alert: status === 'temporarily closed' ? vocab.alert : null,
        interpretationServices:
          langs.extras.length > 0 && rng.chance(0.5) ? vocab.interpretation(langs.extras) : null,
        applicationProcess: rng.pick(vocab.applicationProcess),
        waitTime: rng.pick(vocab.waitTime),
        eligibilityDescription: vocab.eligibility(eligibilityCategory(term), org.town, area),
        minimumAge: minAge,
        maximumAge: maxAge,
        assuredDate: rng.chance(0.7) ? daysBefore(o.now, rng.int(3, 330)) : null,
        assurerEmail: o.assurerEmail,
      });
      d.language.push(...langs.rows);
      d.costOption.push(costFor(rng, vocab, term, serviceId));
      d.serviceArea.push({
        id: seedId(`service-area:${serviceId}`),
        serviceId,
        name: territory.name,
        description: vocab.areaDescription(territory.name),
        territoryId: territory.id,
      });
      const related = rng.sample(
        org.template.terms.filter((t) => t !== term),
        rng.weighted([0, 1, 2], (n) => [0.35, 0.45, 0.2][n]!),
      );
      for (const code of [term, ...related]) {
        d.attribute.push({
          id: seedId(`attribute:${serviceId}:${code}`),
          linkId: serviceId,
          linkEntity: 'service',
          linkType: code === term ? 'primary' : 'secondary',
          taxonomyTermId: termId(code),
          label: termDef(code).labels.en,
        });
      }
      const salIds = [...new Set(salsByService[k]!)].map((pair) => {
        const [sid, lid] = pair.split('|') as [string, string];
        const id = seedId(`service-at-location:${pair}`);
        d.serviceAtLocation.push({ id, serviceId: sid, locationId: lid });
        return id;
      });
      d.schedule.push(...schedulesFor(rng, vocab, term, serviceId, salIds, o.now));
      if (NONSTOP_TERMS.has(term)) {
        d.attribute.push({
          id: seedId(`attribute:${serviceId}:open_on_public_holidays`),
          linkId: serviceId,
          linkEntity: 'service',
          taxonomyTermId: facetId('open_on_public_holidays'),
          value: 'true',
          label: 'Open on public holidays',
        });
      }
      // Shelters keep their address secret: the public sees an approximate point and a phone.
      if (HIDDEN_ADDRESS_TERMS.has(term)) {
        for (const pair of salsByService[k]!) {
          const locId = pair.split('|')[1]!;
          locationRows.get(locId)!.addressHidden = true;
        }
      }
      if (rng.chance(0.3) || term === 'crisis_helpline' || term === 'on_call_signalling') {
        d.phone.push({
          id: seedId(`phone:service:${serviceId}`),
          serviceId,
          number: vocab.phone(org.town, rng, rng.chance(0.5)),
          type: 'voice',
          description: def.labels[vocab.language],
        });
      }
    });
  });
  return { data: d, orgIdByTemplateTown };
}
