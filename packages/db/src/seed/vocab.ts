// What the generator needs to know about a country to write believable demo providers: kinds of
// organisation, street names, postcodes, phone formats and the sentences services are described with.
// The Czech and Hungarian vocabularies are in vocab-cz.ts and vocab-hu.ts.
import type { Town } from './geodata';
import type { Rng } from './random';
import { pipeRows } from './table';

export type Country = 'CZ' | 'HU';

export interface OrgTemplate {
  key: string;
  /** Organisation name for a town (and the territory's name where the template needs it). */
  name: (town: Town, territoryName: string) => string;
  legalStatus: string;
  /** Taxonomy term codes of the services it may offer; the first is its core service. */
  terms: readonly string[];
  description: string;
  minPop?: number;
  maxPop?: number;
  /** Only in these towns (by name). */
  towns?: readonly string[];
  /** At most this many per town (default 1). */
  perTown?: number;
  /** Relative frequency when organisations are drawn at random (0 = only placed on purpose). */
  weight: number;
  /** Propensity to run extra locations (0..3). */
  branches: number;
  /** Serves the whole region/county rather than its ORP. */
  regionWide?: boolean;
}

export interface ScheduleText {
  office: string;
  evening: string;
  weekend: string;
  nonstop: string;
  byAppointment: string;
  club: string;
  /** Chat or video hours of a service that also answers online. */
  online: string;
}

export interface CountryVocab {
  country: Country;
  language: 'cs' | 'hu';
  timezone: string;
  currency: string;
  /** Top-level domain used for demo web sites and e-mail addresses (reserved, never resolves). */
  domain: string;
  templates: readonly OrgTemplate[];
  streets: readonly string[];
  address1: (rng: Rng) => string;
  postalCode: (town: Town) => string;
  /** City and HSDS region (e.g. a Budapest district) of an address in a town. */
  city: (town: Town) => { city: string; region: string | null };
  phone: (town: Town, rng: Rng, mobile: boolean) => string;
  /** Extra languages offered by some services: [ISO 639 code, probability]. */
  extraLanguages: readonly (readonly [string, number])[];
  /** Service description: `area` is the ORP/county name, or null for a service local to `town`. */
  describe: (label: string, town: Town, area: string | null, rng: Rng) => string;
  eligibility: (category: EligibilityCategory, town: Town, area: string | null) => string;
  /** Country-specific age ranges that differ from TERM_AGES. */
  ages: Record<string, readonly [number | null, number | null]>;
  areaDescription: (areaName: string) => string;
  applicationProcess: readonly string[];
  waitTime: readonly string[];
  interpretation: (codes: string[]) => string;
  free: { option: string; description: string };
  paid: readonly { term: string; option: string; amount: number | null; description: string }[];
  /** [description, details, wheelchair accessible: true, false, or null when partly/unknown]. */
  accessibility: readonly (readonly [string, string, boolean | null])[];
  transportation: readonly string[];
  branchName: (orgName: string, town: Town, sameTown: boolean) => string;
  schedule: ScheduleText;
  alert: string;
  websitePath: string;
}

/** English names of the languages the seed uses (HSDS language.name). */
export const LANGUAGE_NAMES: Record<string, string> = {
  cs: 'Czech',
  hu: 'Hungarian',
  en: 'English',
  de: 'German',
  sk: 'Slovak',
  uk: 'Ukrainian',
  rom: 'Romani',
  tr: 'Turkish',
};

export type EligibilityCategory =
  | 'child'
  | 'shelter'
  | 'violence'
  | 'foster'
  | 'adoption'
  | 'careLeaver'
  | 'youth'
  | 'early'
  | 'adult'
  | 'professional'
  | 'interpretation';

const CATEGORY_TERMS: Record<Exclude<EligibilityCategory, 'child'>, readonly string[]> = {
  shelter: ['mother_child_shelter', 'housing_support'],
  violence: ['domestic_violence'],
  foster: ['foster_care_support', 'foster_care_preparation'],
  adoption: ['adoption_support'],
  careLeaver: ['aftercare', 'independent_life'],
  youth: ['youth_club', 'youth_counselling', 'street_social_work', 'addiction_counselling'],
  early: ['early_childhood', 'family_centre', 'perinatal_support'],
  adult: [
    'debt_counselling',
    'job_search',
    'benefits_advice',
    'legal_information',
    'material_aid',
    'food_aid',
  ],
  professional: ['supervision', 'professional_training', 'signalling_coordination', 'case_conference'],
  interpretation: ['interpretation'],
};

export function eligibilityCategory(termCode: string): EligibilityCategory {
  for (const [category, terms] of Object.entries(CATEGORY_TERMS)) {
    if (terms.includes(termCode)) return category as EligibilityCategory;
  }
  return 'child';
}

/** Ages by term: [minimum, maximum] or nulls for whole-family services. */
export const TERM_AGES: Record<string, readonly [number | null, number | null]> = {
  early_childhood: [0, 7],
  family_centre: [0, 6],
  youth_club: [6, 26],
  tutoring: [6, 18],
  leisure: [6, 15],
  school_social_work: [3, 18],
  independent_life: [14, 24],
  aftercare: [18, 26],
  youth_counselling: [12, 26],
  child_psychotherapy: [3, 18],
  educational_counselling: [3, 19],
  hearing_therapy: [3, 18],
  immediate_reception: [0, 18],
  residential_care: [0, 18],
  street_social_work: [10, 26],
  supervised_contact: [0, 18],
  crisis_service: [0, 18],
};

/** Terms that only make sense in towns of at least this size. */
export const TERM_MIN_POPULATION: Record<string, number> = {
  housing_estate_social_work: 30_000,
  hospital_social_work: 20_000,
};

/** Terms whose services run around the clock. */
export const NONSTOP_TERMS = new Set([
  'crisis_helpline',
  'on_call_signalling',
  'immediate_reception',
  'mother_child_shelter',
  'residential_care',
]);
/** Terms whose places are secret (shelters): their locations get address_hidden. */
export const HIDDEN_ADDRESS_TERMS = new Set(['mother_child_shelter', 'domestic_violence']);
/** Terms that also answer online (chat, video) in the evening. */
export const ONLINE_TERMS = new Set(['crisis_helpline', 'youth_counselling', 'addiction_counselling']);
export const CLUB_TERMS = new Set(['youth_club', 'leisure', 'tutoring']);
export const FAMILY_CENTRE_TERMS = new Set(['family_centre', 'early_childhood', 'perinatal_support']);
export const APPOINTMENT_TERMS = new Set([
  'family_therapy',
  'family_consultation',
  'mediation',
  'psychological_counselling',
  'child_psychotherapy',
  'legal_information',
  'debt_counselling',
  'hearing_therapy',
  'supervision',
  'addiction_counselling',
  'family_group_conference',
  'case_conference',
]);

type NameFn = OrgTemplate['name'];

/**
 * Reads organisation templates from a table, one per line:
 *   key | name pattern | legal status | conditions | weight | branches | terms | description
 * The name pattern may use {town}, {adj} (Hungarian adjective of the town) and {county}; conditions
 * are comma-separated: min=N, max=N, in=Town;Town, per=N, region (serves the whole region/county),
 * or '-'. `names` overrides the pattern for templates whose name needs code.
 */
export function parseTemplates(table: string, names: Record<string, NameFn> = {}): OrgTemplate[] {
  return pipeRows(table, 8, 'template').map(
    ([key, pattern, legalStatus, conditions, weight, branches, terms, description]) => {
      const template: OrgTemplate = {
        key,
        name:
          names[key] ??
          ((town, territoryName) =>
            pattern
              .replace('{town}', town.name)
              .replace('{adj}', hunAdjective(town.name))
              .replace('{county}', territoryName.replace(/ vármegye$/, ''))),
        legalStatus,
        terms: terms.split(/\s+/),
        description,
        weight: Number(weight),
        branches: Number(branches),
      };
      for (const condition of conditions === '-' ? [] : conditions.split(',')) {
        const [name, value = ''] = condition.trim().split('=') as [string, string?];
        if (name === 'min') template.minPop = Number(value);
        else if (name === 'max') template.maxPop = Number(value);
        else if (name === 'in') template.towns = value.split(';');
        else if (name === 'per') template.perTown = Number(value);
        else if (name === 'region') template.regionWide = true;
        else throw new Error(`bad template condition ${condition} in ${key}`);
      }
      return template;
    },
  );
}

/** Hungarian place adjective: Szolnok -> Szolnoki, Nyíregyháza -> Nyíregyházi, Eger -> Egri. */
export function hunAdjective(town: string): string {
  if (town === 'Eger') return 'Egri';
  if (town.endsWith('háza')) return `${town.slice(0, -1)}i`;
  if (town.endsWith('i')) return town;
  return `${town}i`;
}
