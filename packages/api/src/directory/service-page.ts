// What a service page shows: description, eligibility, hours (today, open now, next opening),
// languages, cost, accessibility, contacts and places. A hidden address (a shelter) leaves out its
// street, postcode, directions and exact point: the page shows the town and the public point
// (location.public_geom, 1.2-2 km off) and the phones to call instead.
import { type Database, selectRows } from '@caremap/db';
import { sql } from 'drizzle-orm';
import { openAtSql } from './open-hours';
import { nextOpening, type OpeningRule, type TodayHours, todayHours } from './opening';
import { FACET_TAXONOMY } from './search';

export interface ServicePlace {
  locationId: string;
  name: string | null;
  /** true: a secret address; street, postcode, directions and the exact point are withheld. */
  addressHidden: boolean;
  /** The town: for a hidden address, the approximate area. */
  city: string | null;
  address1: string | null;
  postalCode: string | null;
  country: string | null;
  transportation: string | null;
  /** The PUBLIC point. */
  lat: number | null;
  lng: number | null;
  accessibility: Array<{ description: string | null; details: string | null }>;
  /** The structured facet: true, false, or null when nobody said. */
  wheelchairAccessible: boolean | null;
}

export interface ServicePage {
  id: string;
  name: string;
  alternateName: string | null;
  description: string | null;
  status: string;
  alert: string | null;
  url: string | null;
  eligibilityDescription: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  applicationProcess: string | null;
  waitTime: string | null;
  feesDescription: string | null;
  interpretationServices: string | null;
  organization: { id: string; name: string; website: string | null };
  languages: Array<{ code: string | null; name: string | null }>;
  costOptions: Array<{
    option: string | null;
    amount: number | null;
    currency: string | null;
    amountDescription: string | null;
    free: boolean;
  }>;
  phones: Array<{
    number: string;
    extension: string | null;
    type: string | null;
    description: string | null;
  }>;
  emails: string[];
  places: ServicePlace[];
  schedules: Array<{
    id: string;
    locationId: string | null;
    byday: string | null;
    opensAt: string | null;
    closesAt: string | null;
    validFrom: string | null;
    validTo: string | null;
    description: string | null;
    attendingType: string | null;
    timezone: string;
  }>;
  /** The instant the next three refer to. */
  at: string;
  openNow: boolean;
  today: TodayHours | null;
  nextOpening: string | null;
  openOnPublicHolidays: boolean;
}

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const dateText = (v: unknown) => (v === null || v === undefined ? null : String(v).slice(0, 10));
const timeText = (v: unknown) => (v === null || v === undefined ? null : String(v).slice(0, 5));
const truthy = (v: unknown) => v === true || v === 't';

export async function servicePage(
  db: Database,
  id: string,
  at: Date = new Date(),
): Promise<ServicePage | null> {
  const [s] = await selectRows<Record<string, unknown>>(
    db,
    sql`select s.*, s.status::text as status_text, o.id as org_id, o.name as org_name, o.website as org_website,
               o.email as org_email, ${openAtSql(sql`s.id`, at)} as open_now
        from service s join organization o on o.id = s.organization_id where s.id = ${id}::uuid`,
  );
  if (!s) return null;
  const [languages, costs, places, phones, rules] = await Promise.all([
    selectRows<{ code: string | null; name: string | null }>(
      db,
      sql`select code, name from language where service_id = ${id}::uuid order by code, id`,
    ),
    selectRows<Record<string, unknown>>(
      db,
      sql`select option, amount, currency, amount_description, free from cost_option
          where service_id = ${id}::uuid order by free desc, id`,
    ),
    // Exact columns (latitude, longitude, geom) are never selected here.
    selectRows<Record<string, unknown>>(
      db,
      sql`select l.id, l.name, l.address_hidden, l.transportation,
                 ST_Y(l.public_geom) as lat, ST_X(l.public_geom) as lng,
                 a.city, a.address_1, a.postal_code, a.country,
                 coalesce((select json_agg(json_build_object('description', x.description, 'details', x.details) order by x.id)
                           from accessibility x where x.location_id = l.id), '[]'::json) as accessibility,
                 (select lower(fa.value) from attribute fa join taxonomy_term ft on ft.id = fa.taxonomy_term_id
                  where fa.link_entity = 'location' and fa.link_id = l.id and ft.taxonomy = ${FACET_TAXONOMY}
                    and ft.code = 'wheelchair_accessible' limit 1) as wheelchair
          from service_at_location sal join location l on l.id = sal.location_id
          left join lateral (select * from address ad where ad.location_id = l.id
                             order by ad.address_type, ad.id limit 1) a on true
          where sal.service_id = ${id}::uuid order by l.id`,
    ),
    selectRows<Record<string, unknown>>(
      db,
      sql`select distinct p.number, p.extension, p.type, p.description, p.id,
                 (case when p.service_id is not null then 0 when p.service_at_location_id is not null then 1
                       when p.location_id is not null then 2 else 3 end) as rank
          from phone p
          where p.service_id = ${id}::uuid
             or p.service_at_location_id in (select id from service_at_location where service_id = ${id}::uuid)
             or p.location_id in (select location_id from service_at_location where service_id = ${id}::uuid)
             or p.organization_id = ${s.org_id as string}::uuid
          order by rank, p.id`,
    ),
    selectRows<Record<string, unknown>>(
      db,
      sql`select r.schedule_id, r.freq::text as freq, r.byday, r.opens_at::text as opens_at, r.closes_at::text as closes_at,
                 r.valid_from::text as valid_from, r.valid_to::text as valid_to,
                 r.zone, r.country, r.holidays_open, r.location_id, sc.description, sc.attending_type::text as attending_type
          from service_schedule_rule r join schedule sc on sc.id = r.schedule_id
          where r.service_id = ${id}::uuid order by r.opens_at nulls last, r.schedule_id`,
    ),
  ]);
  const openingRules: OpeningRule[] = rules.map((r) => ({
    freq: (r.freq as string | null) ?? null,
    byday: (r.byday as string | null) ?? null,
    opensAt: timeText(r.opens_at),
    closesAt: timeText(r.closes_at),
    validFrom: dateText(r.valid_from),
    validTo: dateText(r.valid_to),
    zone: String(r.zone),
    country: (r.country as string | null) ?? null,
    holidaysOpen: truthy(r.holidays_open),
  }));
  const holidayRows = await selectRows<{ country: string; date: string }>(
    db,
    sql`select country, date::text as date from public_holiday
        where date between (${at.toISOString()}::timestamptz - interval '2 days')::date
                       and (${at.toISOString()}::timestamptz + interval '16 days')::date`,
  );
  const holidays = new Set(holidayRows.map((h) => `${h.country}|${String(h.date).slice(0, 10)}`));
  const active = s.status_text === 'active';
  const next = active ? nextOpening(openingRules, at, holidays) : null;
  const emails = [s.email, s.org_email].filter((e): e is string => typeof e === 'string' && e.length > 0);

  return {
    id,
    name: String(s.name),
    alternateName: (s.alternate_name as string | null) ?? null,
    description: (s.description as string | null) ?? null,
    status: String(s.status_text),
    alert: (s.alert as string | null) ?? null,
    url: (s.url as string | null) ?? null,
    eligibilityDescription: (s.eligibility_description as string | null) ?? null,
    minimumAge: n(s.minimum_age),
    maximumAge: n(s.maximum_age),
    applicationProcess: (s.application_process as string | null) ?? null,
    waitTime: (s.wait_time as string | null) ?? null,
    feesDescription: (s.fees_description as string | null) ?? null,
    interpretationServices: (s.interpretation_services as string | null) ?? null,
    organization: {
      id: String(s.org_id),
      name: String(s.org_name),
      website: (s.org_website as string | null) ?? null,
    },
    languages,
    costOptions: costs.map((c) => ({
      option: (c.option as string | null) ?? null,
      amount: n(c.amount),
      currency: (c.currency as string | null) ?? null,
      amountDescription: (c.amount_description as string | null) ?? null,
      free: truthy(c.free),
    })),
    phones: phones.map((p) => ({
      number: String(p.number),
      extension: (p.extension as string | null) ?? null,
      type: (p.type as string | null) ?? null,
      description: (p.description as string | null) ?? null,
    })),
    emails: [...new Set(emails)],
    places: places.map((p) => {
      const hidden = truthy(p.address_hidden);
      const accessibility =
        typeof p.accessibility === 'string' ? JSON.parse(p.accessibility) : (p.accessibility ?? []);
      return {
        locationId: String(p.id),
        name: (p.name as string | null) ?? null,
        addressHidden: hidden,
        city: (p.city as string | null) ?? null,
        address1: hidden ? null : ((p.address_1 as string | null) ?? null),
        postalCode: hidden ? null : ((p.postal_code as string | null) ?? null),
        country: (p.country as string | null) ?? null,
        transportation: hidden ? null : ((p.transportation as string | null) ?? null),
        lat: n(p.lat),
        lng: n(p.lng),
        accessibility: accessibility as ServicePlace['accessibility'],
        wheelchairAccessible:
          p.wheelchair === null || p.wheelchair === undefined ? null : p.wheelchair === 'true',
      };
    }),
    schedules: rules.map((r) => ({
      id: String(r.schedule_id),
      locationId: (r.location_id as string | null) ?? null,
      byday: (r.byday as string | null) ?? null,
      opensAt: timeText(r.opens_at),
      closesAt: timeText(r.closes_at),
      validFrom: dateText(r.valid_from),
      validTo: dateText(r.valid_to),
      description: (r.description as string | null) ?? null,
      attendingType: (r.attending_type as string | null) ?? null,
      timezone: String(r.zone),
    })),
    at: at.toISOString(),
    openNow: truthy(s.open_now),
    today: todayHours(openingRules, at, holidays),
    nextOpening: next ? next.toISOString() : null,
    openOnPublicHolidays: openingRules.some((r) => r.holidaysOpen),
  };
}
