// An independent second implementation of the coverage analysis, for tests only: plain selects of
// the raw rows (latitude/longitude columns, not PostGIS geometry), descendants of the terms walked
// in TypeScript, point-in-polygon by turf, distances by haversine on the same sphere. It shares no
// code with packages/api/src/network/coverage.ts: if the two disagree, one of them is wrong.
import { type Database, selectRows } from '@caremap/db';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { sql } from 'drizzle-orm';
import { haversine } from './directory-oracle';

export interface OracleSettlement {
  geonameId: number;
  population: number;
  covered: boolean;
  /** Nearest matching location in metres (Infinity when there is none). */
  nearest: number;
  /** Within a metre of the distance: too close to call between two floating-point paths. */
  borderline: boolean;
}

interface Polygonal {
  id: string;
  parentId: string | null;
  geometry: GeoJSON.MultiPolygon;
}

export class CoverageOracle {
  private constructor(
    private readonly settlements: Array<{ geonameId: number; population: number; lat: number; lng: number }>,
    private readonly territories: Map<string, Polygonal>,
    private readonly children: Map<string, string[]>,
    private readonly termParent: Map<string, string | null>,
    /** service id -> its term ids (attributes linked to the service). */
    private readonly serviceTerms: Map<string, string[]>,
    /** service id -> points of its locations. */
    private readonly serviceLocations: Map<string, Array<{ lat: number; lng: number }>>,
  ) {}

  static async load(db: Database): Promise<CoverageOracle> {
    const settlements = await selectRows<{
      geoname_id: number;
      population: number;
      lat: number;
      lng: number;
    }>(db, sql`select geoname_id, population, ST_Y(geom) as lat, ST_X(geom) as lng from settlement`);
    const territories = await selectRows<{ id: string; parent_id: string | null; geometry: string | object }>(
      db,
      sql`select id, parent_id, ST_AsGeoJSON(geom) as geometry from territory`,
    );
    const terms = await selectRows<{ id: string; parent_id: string | null }>(
      db,
      sql`select id, parent_id from taxonomy_term`,
    );
    const attributes = await selectRows<{ link_id: string; taxonomy_term_id: string }>(
      db,
      sql`select a.link_id, a.taxonomy_term_id from attribute a join service s on s.id = a.link_id
          where a.link_entity = 'service' and s.status = 'active'`,
    );
    const locations = await selectRows<{ service_id: string; latitude: string; longitude: string }>(
      db,
      sql`select sal.service_id, l.latitude, l.longitude from service_at_location sal
          join location l on l.id = sal.location_id
          where l.latitude is not null and l.longitude is not null`,
    );
    const serviceTerms = new Map<string, string[]>();
    for (const a of attributes)
      serviceTerms.set(a.link_id, [...(serviceTerms.get(a.link_id) ?? []), a.taxonomy_term_id]);
    const serviceLocations = new Map<string, Array<{ lat: number; lng: number }>>();
    for (const l of locations) {
      const list = serviceLocations.get(l.service_id) ?? [];
      list.push({ lat: Number(l.latitude), lng: Number(l.longitude) });
      serviceLocations.set(l.service_id, list);
    }
    const byId = new Map<string, Polygonal>();
    const children = new Map<string, string[]>();
    for (const t of territories) {
      const geometry = (
        typeof t.geometry === 'string' ? JSON.parse(t.geometry) : t.geometry
      ) as GeoJSON.MultiPolygon;
      byId.set(t.id, { id: t.id, parentId: t.parent_id, geometry });
      if (t.parent_id) children.set(t.parent_id, [...(children.get(t.parent_id) ?? []), t.id]);
    }
    return new CoverageOracle(
      settlements.map((s) => ({
        geonameId: Number(s.geoname_id),
        population: Number(s.population),
        lat: Number(s.lat),
        lng: Number(s.lng),
      })),
      byId,
      children,
      new Map(terms.map((t) => [t.id, t.parent_id])),
      serviceTerms,
      serviceLocations,
    );
  }

  private inside(territoryId: string, p: { lat: number; lng: number }): boolean {
    const t = this.territories.get(territoryId);
    return !!t && booleanPointInPolygon([p.lng, p.lat], t.geometry);
  }

  /** The term itself or an ancestor of it is one of `termIds`. */
  private matchesTerm(termId: string, termIds: ReadonlySet<string>): boolean {
    for (
      let t: string | null | undefined = termId, hops = 0;
      t && hops < 50;
      t = this.termParent.get(t), hops++
    ) {
      if (termIds.has(t)) return true;
    }
    return false;
  }

  matchingServices(termIds: readonly string[]): string[] {
    const wanted = new Set(termIds);
    return [...this.serviceTerms]
      .filter(([, terms]) => terms.some((t) => this.matchesTerm(t, wanted)))
      .map(([id]) => id);
  }

  childrenOf(territoryId: string): string[] {
    return this.children.get(territoryId) ?? [];
  }

  settlementsOf(territoryId: string, termIds: readonly string[], distance: number): OracleSettlement[] {
    const points = this.matchingServices(termIds).flatMap((id) => this.serviceLocations.get(id) ?? []);
    return this.settlements
      .filter((s) => this.inside(territoryId, s))
      .map((s) => {
        const nearest = points.reduce((best, p) => Math.min(best, haversine(s, p)), Number.POSITIVE_INFINITY);
        return {
          geonameId: s.geonameId,
          population: s.population,
          covered: nearest <= distance,
          nearest,
          borderline: Math.abs(nearest - distance) < 1,
        };
      });
  }

  /** Matching services with a location inside the territory. */
  servicesInside(territoryId: string, termIds: readonly string[]): number {
    return this.matchingServices(termIds).filter((id) =>
      (this.serviceLocations.get(id) ?? []).some((p) => this.inside(territoryId, p)),
    ).length;
  }
}
