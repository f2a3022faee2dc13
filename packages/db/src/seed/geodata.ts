// The committed map data in packages/db/data/ (made by scripts/extract-geodata.mjs; provenance in
// data/README.md). Read with fs rather than imported, so TypeScript does not type-check 200 KB of JSON.
import { readFileSync } from 'node:fs';
import type { MultiPolygonGeometry } from '../schema/columns';

export interface BoundaryFeature {
  type: 'Feature';
  properties: {
    code: string;
    country: 'CZ' | 'HU';
    kind: 'region' | 'county';
    name: string;
    nameEn: string;
    neAdm1Code: string;
  };
  geometry: MultiPolygonGeometry;
}

export interface OrpFeature {
  type: 'Feature';
  properties: {
    /** ČSÚ ORP code, 6101-6115. */
    code: string;
    country: 'CZ';
    kind: 'orp';
    name: string;
    seat: string;
    seatGeonameId: number;
    seatLat: number;
    seatLon: number;
    parentCode: string;
    approximate: true;
  };
  geometry: MultiPolygonGeometry;
}

export interface Town {
  geonameId: number;
  name: string;
  lat: number;
  lon: number;
  population: number;
  country: 'CZ' | 'HU';
  /** Inside the seeded territory polygon (Vysočina, or its HU county). */
  inside: boolean;
  /** CZ: 'CZ-63' when inside Vysočina. */
  region?: string | null;
  /** CZ: ORP code when inside Vysočina. */
  orp?: string | null;
  /** HU: county code (ISO 3166-2). */
  county?: string;
  /** Distance in metres to the edge of the territory the town lies in. */
  edgeM: number;
}

export interface GeoData {
  boundaries: BoundaryFeature[];
  orps: OrpFeature[];
  towns: Town[];
  sources: { boundaries: string; orps: string; towns: string };
}

const read = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8')) as T;

let cached: GeoData | undefined;

export function loadGeoData(): GeoData {
  if (cached) return cached;
  const boundaries = read<{ source: string; features: BoundaryFeature[] }>('boundaries.json');
  const orps = read<{ source: string; features: OrpFeature[] }>('vysocina-orp.json');
  const towns = read<{ source: string; towns: Town[] }>('towns.json');
  cached = {
    boundaries: boundaries.features,
    orps: orps.features,
    towns: towns.towns,
    sources: { boundaries: boundaries.source, orps: orps.source, towns: towns.source },
  };
  return cached;
}
