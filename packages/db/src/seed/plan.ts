// Where the demo organisations go: which kinds of organisation in which towns, their extra
// locations and which services each offers. Pure planning, no rows yet.
import type { GeoData, Town } from './geodata';
import { type Rng, WeightedSet } from './random';
import { REGION_CODE, territoryId } from './territories';
import { type CountryVocab, type OrgTemplate, TERM_MIN_POPULATION } from './vocab';

export interface DirectoryOptions {
  vocab: CountryVocab;
  geo: GeoData;
  targets: { organizations: number; services: number; locations: number };
  /** Prefix of every id key and PRNG stream, so extra batches (scale) never collide with the base. */
  keyPrefix: string;
  /** Place the organisations every demo needs (county child welfare centres, ORP offices, ...). */
  includeFixed: boolean;
  now: Date;
  /** E-mail of the demo user who "verified" a service (HSDS assurer). */
  assurerEmail: string;
}

export interface PlannedOrg {
  template: OrgTemplate;
  town: Town;
  n: number;
  locations: { town: Town; sameTown: boolean }[];
  terms: string[];
}

/** Territory (id, name) a town belongs to: its ORP (CZ) or county (HU); the region for region-wide orgs. */
export function territoryOf(
  geo: GeoData,
  town: Town,
  regionWide = false,
): { id: string; name: string; code: string } {
  if (town.country === 'CZ') {
    const code = regionWide ? REGION_CODE : town.orp!;
    const name = regionWide
      ? 'Kraj Vysočina'
      : `ORP ${geo.orps.find((o) => o.properties.code === code)!.properties.seat}`;
    return { id: territoryId(code), name, code };
  }
  const county = geo.boundaries.find((b) => b.properties.code === town.county)!;
  return {
    id: territoryId(county.properties.code),
    name: county.properties.name,
    code: county.properties.code,
  };
}

export const townWeight = (t: Town) => Math.min(t.population, 250_000) ** 0.55;

function fits(template: OrgTemplate, town: Town): boolean {
  if (template.towns) return template.towns.includes(town.name);
  return (
    town.population >= (template.minPop ?? 0) &&
    town.population < (template.maxPop ?? Number.POSITIVE_INFINITY)
  );
}

const termFits = (term: string, town: Town) => town.population >= (TERM_MIN_POPULATION[term] ?? 0);

export function planOrganizations(o: DirectoryOptions, towns: Town[], rng: Rng): PlannedOrg[] {
  const plan: PlannedOrg[] = [];
  const count = new Map<string, number>();
  const add = (template: OrgTemplate, town: Town) => {
    const k = `${template.key}:${town.geonameId}`;
    const n = (count.get(k) ?? 0) + 1;
    count.set(k, n);
    plan.push({ template, town, n, locations: [{ town, sameTown: false }], terms: [] });
  };
  const tpl = (key: string) => o.vocab.templates.find((t) => t.key === key)!;
  if (o.includeFixed) {
    for (const template of o.vocab.templates.filter((t) => t.weight === 0)) {
      if (template.key === 'tgysz') {
        // One territorial child-protection service per county, seated in its largest town.
        for (const county of o.geo.boundaries.filter((b) => b.properties.country === 'HU')) {
          add(template, towns.find((t) => t.county === county.properties.code)!);
        }
      } else {
        for (const town of towns.filter((t) => fits(template, t))) add(template, town);
      }
    }
    if (o.vocab.country === 'CZ') {
      for (const orp of o.geo.orps) {
        const seat = towns.find((t) => t.orp === orp.properties.code && t.name === orp.properties.seat)!;
        for (const key of ['mestsky-urad', 'centrum-pro-rodinu', 'rodinne-centrum']) add(tpl(key), seat);
      }
    }
  }
  const random = o.vocab.templates.filter((t) => t.weight > 0);
  for (
    let guard = 0;
    plan.length < o.targets.organizations && guard < o.targets.organizations * 50;
    guard++
  ) {
    const town = rng.weighted(towns, townWeight);
    const eligible = random.filter(
      // Extra (scale) batches may repeat a kind of organisation in a town; the base data set may not.
      (t) =>
        fits(t, town) &&
        (!o.includeFixed || (count.get(`${t.key}:${town.geonameId}`) ?? 0) < (t.perTown ?? 1)),
    );
    if (eligible.length > 0)
      add(
        rng.weighted(eligible, (t) => t.weight),
        town,
      );
  }
  return plan;
}

export function planLocationsAndTerms(
  o: DirectoryOptions,
  plan: PlannedOrg[],
  towns: Town[],
  rng: Rng,
): void {
  const sameTerritory = (a: Town, b: Town) => (a.country === 'CZ' ? a.orp === b.orp : a.county === b.county);
  const extraLocations = o.targets.locations - plan.length;
  const branchy = plan.filter((p) => p.template.branches > 0);
  const branchPicker = new WeightedSet(branchy, (p) => p.template.branches);
  for (
    let i = 0, guard = 0;
    i < extraLocations && branchy.length > 0 && guard < extraLocations * 20;
    guard++
  ) {
    const org = branchy[branchPicker.pick(rng)]!;
    if (org.locations.length >= 6) continue;
    const nearby = towns.filter(
      (t) =>
        t !== org.town &&
        (org.template.regionWide ? true : sameTerritory(t, org.town)) &&
        !org.locations.some((l) => l.town === t),
    );
    const sameTown = nearby.length === 0 || rng.chance(0.3);
    if (sameTown && org.locations.some((l) => l.sameTown)) continue;
    org.locations.push(
      sameTown
        ? { town: org.town, sameTown: true }
        : { town: rng.weighted(nearby, townWeight), sameTown: false },
    );
    i++;
  }
  const available = (p: PlannedOrg) =>
    p.template.terms.filter((t) => !p.terms.includes(t) && termFits(t, p.town));
  for (const p of plan) p.terms.push(available(p)[0] ?? p.template.terms[0]!);
  const extraServices = o.targets.services - plan.length;
  const servicePicker = new WeightedSet(plan, (p) => available(p).length);
  for (let i = 0, guard = 0; i < extraServices && guard < extraServices * 20; guard++) {
    const index = servicePicker.pick(rng);
    const org = plan[index]!;
    const left = available(org);
    if (left.length === 0) break;
    org.terms.push(rng.pick(left));
    servicePicker.set(index, left.length - 1);
    i++;
  }
}
