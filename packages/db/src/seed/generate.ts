// The deterministic demo data set: everything the seed writes, as plain rows, before any database is
// involved. Same options, same rows, same ids.
import type { taxonomy, taxonomyTerm } from '../schema/directory';
import { type ConferenceData, generateConferences } from './conferences';
import { type DirectoryData, emptyDirectory, generateDirectory } from './directory';
import { type GeoData, loadGeoData } from './geodata';
import { agencyId, demoEmail, generateNetwork, type NetworkData } from './network';
import { buildTaxonomy } from './taxonomy';
import { buildTerritories, type TerritoryRow } from './territories';
import type { CountryVocab } from './vocab';
import { czVocab } from './vocab-cz';
import { huVocab } from './vocab-hu';

export interface SeedData extends DirectoryData, NetworkData, ConferenceData {
  taxonomy: (typeof taxonomy.$inferInsert)[];
  taxonomyTerm: (typeof taxonomyTerm.$inferInsert)[];
  territory: TerritoryRow[];
}

/** The default data set: >= 600 organisations, >= 2,000 services, >= 1,500 locations. */
export const DEFAULT_TARGETS = {
  CZ: { organizations: 240, services: 760, locations: 560 },
  HU: { organizations: 420, services: 1340, locations: 1000 },
} as const;

/** Share of extra (scale) services placed in Czechia; the rest go to Hungary. */
const CZ_SHARE = 0.36;
/** Organisations and locations per service in the default data set. */
const ORGS_PER_SERVICE = 0.31;
const LOCATIONS_PER_SERVICE = 0.74;

const VOCABS: Record<'CZ' | 'HU', CountryVocab> = { CZ: czVocab, HU: huVocab };
const ASSURER = { CZ: demoEmail('networker'), HU: demoEmail('organiser') };

function merge<T extends object>(target: T, source: Partial<T>): T {
  for (const [key, rows] of Object.entries(source) as [keyof T, unknown[]][]) {
    // Not push(...rows): at seed --scale 100000 the spread overflows the call stack.
    const into = target[key] as unknown[];
    for (const row of rows) into.push(row);
  }
  return target;
}

/** The whole demo data set (taxonomy, territories, directory, network, users, conferences). */
export function generateSeedData(options: { now: Date; geo?: GeoData }): SeedData {
  const geo = options.geo ?? loadGeoData();
  const { taxonomy, terms } = buildTaxonomy();
  const directory = emptyDirectory();
  const orgIds = new Map<string, string>();
  for (const country of ['CZ', 'HU'] as const) {
    const { data, orgIdByTemplateTown } = generateDirectory({
      vocab: VOCABS[country],
      geo,
      targets: DEFAULT_TARGETS[country],
      keyPrefix: '',
      includeFixed: true,
      now: options.now,
      assurerEmail: ASSURER[country],
    });
    merge(directory, data);
    for (const [k, v] of orgIdByTemplateTown) orgIds.set(k, v);
  }
  const network = generateNetwork(geo, orgIds);
  const school = network.partnerInstitution.find((p) => p.agencyId === agencyId('partner:HU-JN:school'));
  return {
    taxonomy,
    taxonomyTerm: terms,
    territory: buildTerritories(geo),
    ...directory,
    ...network,
    ...generateConferences(options.now, school?.id),
  };
}

/**
 * `services` extra synthetic services, with organisations and locations in the same proportions as
 * the default data set, for benchmarks. `batch` keeps the ids of successive batches apart.
 */
export function generateExtraDirectory(options: {
  services: number;
  batch: string;
  now: Date;
  geo?: GeoData;
}): DirectoryData {
  const geo = options.geo ?? loadGeoData();
  const directory = emptyDirectory();
  const czServices = Math.round(options.services * CZ_SHARE);
  for (const [country, services] of [
    ['CZ', czServices],
    ['HU', options.services - czServices],
  ] as const) {
    if (services <= 0) continue;
    const organizations = Math.max(1, Math.round(services * ORGS_PER_SERVICE));
    const { data } = generateDirectory({
      vocab: VOCABS[country],
      geo,
      targets: {
        organizations,
        services,
        locations: Math.max(organizations, Math.round(services * LOCATIONS_PER_SERVICE)),
      },
      keyPrefix: `${options.batch}:`,
      includeFixed: false,
      now: options.now,
      assurerEmail: ASSURER[country],
    });
    merge(directory, data);
  }
  return directory;
}

/** Row counts per table, for the summary. */
export function countRows(data: Partial<Record<string, unknown[]>>): Record<string, number> {
  return Object.fromEntries(Object.entries(data).map(([k, rows]) => [k, rows?.length ?? 0]));
}
