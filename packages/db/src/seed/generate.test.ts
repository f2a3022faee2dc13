// The generator without a database: size, determinism, referential sanity.
import { describe, expect, it } from 'vitest';
import { conferenceKinds } from '../schema/conference';
import { partnerKinds } from '../schema/network';
import { generateExtraDirectory, generateSeedData, type SeedData } from './generate';
import { loadGeoData } from './geodata';
import { seedId } from './random';
import { FACET_DEFS, facetId } from './taxonomy';

const now = new Date('2026-05-04T08:00:00Z');
const data = generateSeedData({ now });

describe('demo data generator', () => {
  it('makes at least 600 organisations, 2,000 services and 1,500 locations in CZ and HU', () => {
    expect(data.organization.length).toBeGreaterThanOrEqual(600);
    expect(data.service.length).toBeGreaterThanOrEqual(2000);
    expect(data.location.length).toBeGreaterThanOrEqual(1500);
    const countries = new Set(data.address.map((a) => a.country));
    expect([...countries].sort()).toEqual(['CZ', 'HU']);
  });

  it('is deterministic: two runs give identical rows and ids', () => {
    const again = generateSeedData({ now });
    expect(again).toEqual(data);
    expect(generateExtraDirectory({ services: 300, batch: 'x1', now })).toEqual(
      generateExtraDirectory({ services: 300, batch: 'x1', now }),
    );
  });

  it('gives every row of every table a distinct id, also across scale batches', () => {
    const ids = new Set<string>();
    const extra = generateExtraDirectory({ services: 500, batch: 'x660', now });
    for (const source of [data, extra] as Partial<SeedData>[]) {
      for (const rows of Object.values(source)) {
        for (const row of rows as { id?: string }[]) {
          if (!row.id) continue;
          expect(ids.has(row.id)).toBe(false);
          ids.add(row.id);
        }
      }
    }
    expect(extra.service).toHaveLength(500);
  });

  it('keeps references inside the data set', () => {
    const orgs = new Set(data.organization.map((o) => o.id));
    const services = new Set(data.service.map((s) => s.id));
    const locations = new Set(data.location.map((l) => l.id));
    const terms = new Set(data.taxonomyTerm.map((t) => t.id));
    for (const s of data.service) expect(orgs.has(s.organizationId)).toBe(true);
    for (const l of data.location) expect(orgs.has(l.organizationId!)).toBe(true);
    for (const sal of data.serviceAtLocation) {
      expect(services.has(sal.serviceId) && locations.has(sal.locationId)).toBe(true);
    }
    for (const a of data.attribute) {
      expect(terms.has(a.taxonomyTermId)).toBe(true);
      expect(a.linkEntity === 'location' ? locations.has(a.linkId) : services.has(a.linkId)).toBe(true);
    }
    // Every location hosts a service; every service has 1-3 terms, a cost option and a language.
    const hosted = new Set(data.serviceAtLocation.map((s) => s.locationId));
    expect(data.location.every((l) => hosted.has(l.id!))).toBe(true);
    const termsPer = new Map<string, number>();
    const facets = new Set(FACET_DEFS.map((f) => facetId(f.code)));
    for (const a of data.attribute.filter((a) => !facets.has(a.taxonomyTermId)))
      termsPer.set(a.linkId, (termsPer.get(a.linkId) ?? 0) + 1);
    for (const s of data.service) expect(termsPer.get(s.id!)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...termsPer.values())).toBeLessThanOrEqual(3);
    expect(new Set(data.costOption.map((c) => c.serviceId)).size).toBe(data.service.length);
  });

  it('writes Czech and Hungarian details: phones, languages, schedules, mostly free', () => {
    const phones = data.phone.map((p) => p.number);
    expect(phones.some((p) => p.startsWith('+420 '))).toBe(true);
    expect(phones.some((p) => p.startsWith('+36 '))).toBe(true);
    const codes = new Set(data.language.map((l) => l.code));
    for (const code of ['cs', 'hu', 'en', 'de', 'sk', 'uk', 'rom', 'tr'])
      expect(codes.has(code), code).toBe(true);
    expect(data.costOption.filter((c) => c.free).length / data.costOption.length).toBeGreaterThan(0.8);
    const weekly = data.schedule.filter((s) => s.freq === 'WEEKLY');
    expect(weekly.some((s) => s.byday === 'MO,TU,WE,TH,FR')).toBe(true);
    expect(weekly.some((s) => s.byday?.includes('SA'))).toBe(true);
    expect(weekly.some((s) => s.closesAt! >= '18:00')).toBe(true);
    expect(data.schedule.some((s) => !s.freq && s.serviceId)).toBe(true);
  });

  it('gives the search something to tell apart (issue 14)', () => {
    // Every service has opening hours or an explicit by-appointment note.
    const described = new Set(
      data.schedule
        .filter((s) => (s.opensAt && s.closesAt && s.byday) || s.description)
        .flatMap((s) => [s.serviceId, s.serviceAtLocationId]),
    );
    const salsOf = new Map<string, string[]>();
    for (const sal of data.serviceAtLocation)
      salsOf.set(sal.serviceId, [...(salsOf.get(sal.serviceId) ?? []), sal.id!]);
    const without = data.service.filter(
      (s) => !described.has(s.id) && !(salsOf.get(s.id!) ?? []).some((id) => described.has(id)),
    );
    expect(without.map((s) => s.name)).toEqual([]);
    // Hours differ by weekday and hour; some rules are seasonal (valid_from/valid_to).
    const opens = new Set(data.schedule.map((s) => s.opensAt).filter(Boolean));
    expect(opens.size).toBeGreaterThanOrEqual(5);
    expect(data.schedule.some((s) => s.validFrom && s.validFrom > '2026-05-04')).toBe(true);
    expect(data.schedule.some((s) => s.validTo && s.validFrom && s.validFrom < '2026-05-04')).toBe(true);
    // Attending types: in person, online, phone (and hybrid appointments).
    const attending = new Set(data.schedule.map((s) => s.attendingType));
    for (const t of ['in_person', 'online', 'phone', 'hybrid'])
      expect(attending.has(t as never), t).toBe(true);
    // Wheelchair access as structured data, explicit false included, never derived at query time.
    const wheelchair = data.attribute.filter((a) => a.taxonomyTermId === facetId('wheelchair_accessible'));
    expect(new Set(wheelchair.map((a) => a.value))).toEqual(new Set(['true', 'false']));
    const accessText = new Map(data.accessibility.map((a) => [a.locationId, a.description]));
    for (const a of wheelchair.filter((w) => w.value === 'true'))
      expect(accessText.get(a.linkId)).not.toMatch(/^(Nem |Bez |Részben|Částečně)/);
    // Round-the-clock services stay open on public holidays; the rest close.
    expect(data.attribute.some((a) => a.taxonomyTermId === facetId('open_on_public_holidays'))).toBe(true);
    // A few hidden-address shelters.
    const hidden = data.location.filter((l) => l.addressHidden);
    expect(hidden.length).toBeGreaterThanOrEqual(3);
    expect(hidden.length).toBeLessThan(data.location.length / 10);
    // Age ranges, free and paid services.
    expect(data.service.some((s) => s.minimumAge !== null && s.minimumAge !== undefined)).toBe(true);
    expect(data.service.some((s) => s.maximumAge !== null && s.maximumAge !== undefined)).toBe(true);
    expect(new Set(data.costOption.map((c) => c.free))).toEqual(new Set([true, false]));
  });

  it('gives scale (benchmark) services the same kinds of data', () => {
    const extra = generateExtraDirectory({ services: 2000, batch: 'x1', now });
    expect(new Set(extra.schedule.map((s) => s.attendingType))).toEqual(
      new Set(['in_person', 'online', 'phone', 'hybrid']),
    );
    expect(extra.attribute.some((a) => a.value === 'false')).toBe(true);
    expect(extra.location.some((l) => l.addressHidden)).toBe(true);
    expect(new Set(extra.language.map((l) => l.code)).size).toBeGreaterThanOrEqual(6);
  });

  it('has partner institutions of every kind in every ORP and county', () => {
    const territories = data.territory.filter((t) => t.kind !== 'region');
    expect(territories).toHaveLength(35);
    for (const t of territories) {
      const kinds = new Set(
        data.partnerInstitution.filter((p) => p.territoryId === t.id).map((p) => p.partnerKind),
      );
      expect([...kinds].sort(), t.name).toEqual([...partnerKinds].sort());
    }
  });

  it('has demo users of every role, lower-case e-mails, with territories where they need them', () => {
    const byEmail = new Map(data.appUser.map((u) => [u.email, u]));
    for (const local of ['networker', 'coordinator', 'organiser', 'partner', 'admin']) {
      expect(byEmail.has(`${local}@demo.caremap.eu`)).toBe(true);
    }
    for (const u of data.appUser) expect(u.email).toBe(u.email.toLowerCase());
    const roles = new Set(data.membership.map((m) => m.role));
    expect([...roles].sort()).toEqual(['admin', 'coordinator', 'networker', 'organiser', 'partner']);
    const assigned = (local: string) =>
      data.territoryAssignment.filter((a) => a.userId === seedId(`user:${local}`)).length;
    expect(assigned('networker')).toBeGreaterThanOrEqual(2);
    expect(assigned('networker')).toBeLessThanOrEqual(3);
    expect(assigned('coordinator')).toBe(15);
  });

  it('schedules conferences ahead of now with pseudonymous case codes; the coordinator attends none', () => {
    const upcoming = data.conference.filter((c) => c.startsAt && c.startsAt > now);
    expect(upcoming.length).toBeGreaterThanOrEqual(4);
    // The demo holds a meeting of every kind the schema knows, so each kind can be seen on screen.
    const kinds = new Set(data.conference.map((c) => c.kind));
    expect([...kinds].sort()).toEqual([...conferenceKinds].sort());
    for (const c of data.conference) {
      if (c.kind === 'signalling_meeting') expect(c.caseRef).toBeNull();
      else expect(c.caseRef).toMatch(/^[A-Z0-9][A-Z0-9-]{2,31}$/);
      expect(['Europe/Budapest', 'Europe/Prague']).toContain(c.timezone);
    }
    const attends = (local: string) =>
      data.conferenceParticipant.filter((p) => p.userId === seedId(`user:${local}`)).length;
    expect(attends('organiser')).toBeGreaterThan(0);
    expect(attends('partner')).toBeGreaterThan(0);
    expect(attends('coordinator')).toBe(0);
  });

  it('reads 15 ORP seats and the counties from the committed data files', () => {
    const geo = loadGeoData();
    expect(geo.orps).toHaveLength(15);
    expect(geo.boundaries.filter((b) => b.properties.country === 'HU')).toHaveLength(20);
    expect(geo.towns.filter((t) => t.country === 'HU')).toHaveLength(875);
  });
});
