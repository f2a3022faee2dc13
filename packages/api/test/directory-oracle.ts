// An independent second implementation of the directory search filters, for tests only. It reads
// the same rows with plain selects and decides every filter in plain TypeScript: haversine
// distance, schedules evaluated with Temporal in the rule's zone, age bounds, languages, cost
// options, facet attributes. It shares no code with packages/api/src/directory: if the two
// disagree, one of them is wrong.
import { type Database, schema, selectRows } from '@caremap/db';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';

export interface OracleQuery {
  taxonomyTermIds?: string[];
  near?: { lat: number; lng: number };
  radiusMeters?: number;
  openAt?: Date;
  age?: number;
  language?: string;
  free?: boolean;
  wheelchair?: boolean;
  attendingType?: 'in_person' | 'online' | 'phone';
  organizationId?: string;
}

export interface OracleAnswer {
  /** Ids that surely match. */
  ids: Set<string>;
  /** Ids within 0.6% of the radius: PostGIS measures on the spheroid, haversine on a sphere. */
  borderline: Set<string>;
  distance: Map<string, number>;
}

const EARTH_RADIUS_M = 6_371_008.8;
export function haversine(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

const ZONES: Record<string, string> = { HU: 'Europe/Budapest', CZ: 'Europe/Prague', TR: 'Europe/Istanbul' };
const SAME_LANGUAGE: Record<string, string> = {
  hun: 'hu',
  ces: 'cs',
  cze: 'cs',
  tur: 'tr',
  eng: 'en',
  deu: 'de',
  ger: 'de',
  slk: 'sk',
  slo: 'sk',
  ukr: 'uk',
};
const ADDRESS_TYPE_RANK: Record<string, number> = { physical: 0, postal: 1, virtual: 2 };

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

export class DirectoryOracle {
  private constructor(
    private readonly services: Row<typeof schema.service>[],
    private readonly salsByService: Map<string, Row<typeof schema.serviceAtLocation>[]>,
    schedules: Row<typeof schema.schedule>[],
    private readonly addressesByLocation: Map<string, Row<typeof schema.address>[]>,
    private readonly publicPoint: Map<string, { lat: number; lng: number }>,
    private readonly languages: Map<string, string[]>,
    private readonly costs: Map<string, Row<typeof schema.costOption>[]>,
    private readonly attributes: Row<typeof schema.attribute>[],
    private readonly terms: Map<string, Row<typeof schema.taxonomyTerm>>,
    private readonly holidays: Set<string>,
  ) {
    for (const r of schedules) {
      const key = r.serviceId
        ? `s:${r.serviceId}`
        : r.serviceAtLocationId
          ? `l:${r.serviceAtLocationId}`
          : null;
      if (key) this.rulesByOwner.set(key, [...(this.rulesByOwner.get(key) ?? []), r]);
    }
  }

  private readonly rulesByOwner = new Map<string, Row<typeof schema.schedule>[]>();

  /** The service's own schedules, then those of its service_at_locations (with a service_id, a row is the service's). */
  private rulesOf(serviceId: string): Row<typeof schema.schedule>[] {
    const sals = this.salsByService.get(serviceId) ?? [];
    return [
      ...(this.rulesByOwner.get(`s:${serviceId}`) ?? []),
      ...sals.flatMap((sal) => this.rulesByOwner.get(`l:${sal.id}`) ?? []),
    ];
  }

  static async load(db: Database): Promise<DirectoryOracle> {
    const group = <T, K>(rows: T[], key: (r: T) => K) => {
      const map = new Map<K, T[]>();
      for (const r of rows) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
      return map;
    };
    const services = await db.select().from(schema.service);
    const sals = await db.select().from(schema.serviceAtLocation);
    const schedules = await db.select().from(schema.schedule);
    const addresses = await db.select().from(schema.address);
    const points = await selectRows<{ id: string; lat: number; lng: number }>(
      db,
      sql`select id, ST_Y(public_geom) as lat, ST_X(public_geom) as lng from location where public_geom is not null`,
    );
    const languages = await db.select().from(schema.language);
    const costs = await db.select().from(schema.costOption);
    const attributes = await db.select().from(schema.attribute);
    const terms = await db.select().from(schema.taxonomyTerm);
    const holidays = await db.select().from(schema.publicHoliday);
    const langMap = new Map<string, string[]>();
    for (const l of languages) {
      if (!l.serviceId || !l.code) continue;
      langMap.set(l.serviceId, [...(langMap.get(l.serviceId) ?? []), l.code.toLowerCase()]);
    }
    return new DirectoryOracle(
      services,
      group(sals, (s) => s.serviceId),
      schedules,
      group(
        addresses.filter((a) => a.locationId),
        (a) => a.locationId!,
      ),
      new Map(points.map((p) => [p.id, { lat: Number(p.lat), lng: Number(p.lng) }])),
      langMap,
      group(costs, (c) => c.serviceId),
      attributes,
      new Map(terms.map((t) => [t.id, t])),
      new Set(holidays.map((h) => `${h.country}|${h.date}`)),
    );
  }

  serviceIds(): string[] {
    return this.services.map((s) => s.id);
  }

  /** A location's public point (the approximate one for a hidden address); undefined when none. */
  publicPointOf(locationId: string): { lat: number; lng: number } | undefined {
    return this.publicPoint.get(locationId);
  }

  locationIdsOf(serviceId: string): string[] {
    return (this.salsByService.get(serviceId) ?? []).map((s) => s.locationId);
  }

  private firstAddressCountry(locationIds: string[]): string | null {
    const candidates = locationIds.flatMap((l) =>
      (this.addressesByLocation.get(l) ?? []).map((a) => ({ l, a })),
    );
    candidates.sort(
      (x, y) =>
        ADDRESS_TYPE_RANK[x.a.addressType]! - ADDRESS_TYPE_RANK[y.a.addressType]! ||
        (x.l < y.l ? -1 : x.l > y.l ? 1 : 0) ||
        (x.a.id < y.a.id ? -1 : 1),
    );
    return candidates[0]?.a.country.toUpperCase() ?? null;
  }

  private hasFacet(linkEntity: string, linkIds: string[], code: string): boolean {
    return this.attributes.some((a) => {
      const term = this.terms.get(a.taxonomyTermId);
      return (
        term?.taxonomy === 'caremap-facets' &&
        term.code === code &&
        ['true', 'yes', '1'].includes((a.value ?? '').toLowerCase()) &&
        a.linkEntity === linkEntity &&
        linkIds.includes(a.linkId)
      );
    });
  }

  /** Whether the service is open at the instant: the documented rule, restated. */
  openAt(serviceId: string, at: Date): boolean {
    const service = this.services.find((s) => s.id === serviceId)!;
    if (service.status !== 'active') return false;
    const sals = this.salsByService.get(serviceId) ?? [];
    const serviceCountry = this.firstAddressCountry(sals.map((s) => s.locationId));
    const holidaysOpen = this.hasFacet('service', [serviceId], 'open_on_public_holidays');
    const instant = Temporal.Instant.fromEpochMilliseconds(at.getTime());
    for (const r of this.rulesOf(serviceId)) {
      const sal = r.serviceId ? undefined : sals.find((s) => s.id === r.serviceAtLocationId);
      if (r.freq !== 'WEEKLY' || !r.byday || !r.opensAt || !r.closesAt) continue;
      const country = r.serviceId
        ? serviceCountry
        : (this.firstAddressCountry([sal!.locationId]) ?? serviceCountry);
      const zone = r.timezone ?? ZONES[country ?? ''] ?? 'UTC';
      const local = instant.toZonedDateTimeISO(zone);
      const date = local.toPlainDate().toString();
      const time = local.toPlainTime().toString({ smallestUnit: 'second' });
      if (r.validFrom && date < r.validFrom) continue;
      if (r.validTo && date > r.validTo) continue;
      const weekday = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][local.dayOfWeek - 1]!;
      if (
        !r.byday
          .split(',')
          .map((d) => d.trim())
          .includes(weekday)
      )
        continue;
      if (time < r.opensAt) continue;
      if (!(time < r.closesAt || r.closesAt.startsWith('23:59'))) continue;
      const holiday = this.holidays.has(`${country}|${date}`);
      if (holiday && !holidaysOpen && !(r.validFrom !== null && r.validFrom === r.validTo)) continue;
      return true;
    }
    return false;
  }

  answer(q: OracleQuery): OracleAnswer {
    const ids = new Set<string>();
    const borderline = new Set<string>();
    const distance = new Map<string, number>();
    const today = q.openAt ? q.openAt.toISOString().slice(0, 10) : new Date().toISOString().slice(0, 10);
    let wantedTerms: Set<string> | undefined;
    if (q.taxonomyTermIds) {
      wantedTerms = new Set(q.taxonomyTermIds);
      for (let grew = true; grew; ) {
        grew = false;
        for (const t of this.terms.values()) {
          if (t.parentId && wantedTerms.has(t.parentId) && !wantedTerms.has(t.id)) {
            wantedTerms.add(t.id);
            grew = true;
          }
        }
      }
    }
    const wantedLanguage = q.language ? (SAME_LANGUAGE[q.language] ?? q.language) : undefined;
    for (const s of this.services) {
      if (s.status !== 'active' && s.status !== 'temporarily closed') continue;
      if (q.organizationId && s.organizationId !== q.organizationId) continue;
      if (q.age !== undefined) {
        if (s.minimumAge !== null && s.minimumAge > q.age) continue;
        if (s.maximumAge !== null && s.maximumAge < q.age) continue;
      }
      if (wantedLanguage) {
        const codes = (this.languages.get(s.id) ?? []).map((c) => SAME_LANGUAGE[c] ?? c);
        if (!codes.includes(wantedLanguage)) continue;
      }
      if (q.free) {
        const ok = (this.costs.get(s.id) ?? []).some(
          (c) => c.free && (!c.validFrom || c.validFrom <= today) && (!c.validTo || today <= c.validTo),
        );
        if (!ok) continue;
      }
      if (wantedTerms) {
        const ok = this.attributes.some(
          (a) => a.linkEntity === 'service' && a.linkId === s.id && wantedTerms.has(a.taxonomyTermId),
        );
        if (!ok) continue;
      }
      const locations = this.locationIdsOf(s.id);
      if (
        q.wheelchair &&
        !this.hasFacet('service', [s.id], 'wheelchair_accessible') &&
        !this.hasFacet('location', locations, 'wheelchair_accessible')
      )
        continue;
      if (q.attendingType) {
        const accepted = q.attendingType === 'phone' ? ['phone'] : [q.attendingType, 'hybrid'];
        const ok = this.rulesOf(s.id).some(
          (r) => r.attendingType !== null && accepted.includes(r.attendingType),
        );
        if (!ok) continue;
      }
      let border = false;
      if (q.near) {
        const radius = q.radiusMeters ?? 25_000;
        const distances = locations
          .map((l) => this.publicPoint.get(l))
          .filter((p): p is { lat: number; lng: number } => !!p)
          .map((p) => haversine(q.near!, p));
        if (distances.length === 0) continue;
        const nearest = Math.min(...distances);
        if (nearest > radius * 1.006) continue;
        if (nearest > radius * 0.994) border = true;
        distance.set(s.id, nearest);
      }
      if (q.openAt && !this.openAt(s.id, q.openAt)) continue;
      (border ? borderline : ids).add(s.id);
    }
    return { ids, borderline, distance };
  }
}
