// Territories: Kraj Vysočina with its 15 ORPs, and Hungary's 19 counties + Budapest. The ORP polygons
// are precomputed by scripts/extract-geodata.mjs (Voronoi cells of the seat towns clipped to the
// region), so seeding needs no geometry library and stays fast.
import type { territory } from '../schema/network';
import { type GeoData, loadGeoData } from './geodata';
import { seedId } from './random';

export type TerritoryRow = typeof territory.$inferInsert & { id: string; code: string };

export const REGION_CODE = 'CZ-63';
export const territoryId = (code: string): string => seedId(`territory:${code}`);

const ORP_SOURCE =
  'approximate: Voronoi cells of the ORP seat towns clipped to the Natural Earth boundary of Kraj Vysočina (GeoNames seat coordinates, CC BY 4.0)';

export function buildTerritories(geo: GeoData = loadGeoData()): TerritoryRow[] {
  const region = geo.boundaries.find((b) => b.properties.code === REGION_CODE);
  if (!region) throw new Error('boundaries.json has no Kraj Vysočina');
  const rows: TerritoryRow[] = [
    {
      id: territoryId(REGION_CODE),
      name: region.properties.name,
      kind: 'region',
      code: REGION_CODE,
      country: 'CZ',
      geom: region.geometry,
      approximate: false,
      source: geo.sources.boundaries,
    },
  ];
  for (const orp of geo.orps) {
    rows.push({
      id: territoryId(orp.properties.code),
      name: orp.properties.name,
      kind: 'orp',
      code: orp.properties.code,
      country: 'CZ',
      parentId: territoryId(REGION_CODE),
      geom: orp.geometry,
      approximate: true,
      source: ORP_SOURCE,
    });
  }
  for (const county of geo.boundaries.filter((b) => b.properties.country === 'HU')) {
    rows.push({
      id: territoryId(county.properties.code),
      name: county.properties.name,
      kind: 'county',
      code: county.properties.code,
      country: 'HU',
      geom: county.geometry,
      approximate: false,
      source: geo.sources.boundaries,
    });
  }
  return rows;
}

/** ORP code -> seat town name, e.g. '6105' -> 'Jihlava'. */
export function orpSeats(geo: GeoData = loadGeoData()): Map<string, string> {
  return new Map(geo.orps.map((o) => [o.properties.code, o.properties.seat]));
}
