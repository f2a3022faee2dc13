// "Open at an instant" as SQL over the view service_schedule_rule and caremap_rule_open_at
// (migration 0013). One fragment serves the search filter, the search results' badge and the
// service page, so they cannot disagree. Only active services are ever open.
import { type SQL, sql } from 'drizzle-orm';

/** SQL boolean: the service `serviceId` (an SQL expression) is open at `at`. */
export function openAtSql(serviceId: SQL, at: Date): SQL {
  const instant = sql`${at.toISOString()}::timestamptz`;
  // The instant in the rule's zone, converted once per rule (OFFSET 0 keeps it from being inlined
  // into each use); most days are nobody's holiday, so the rule's country is rarely looked up.
  return sql`exists (
    select 1 from service_schedule_rule r
    cross join lateral (select ${instant} at time zone r.zone as local offset 0) l
    join service os on os.id = r.service_id and os.status = 'active'
    where r.service_id = ${serviceId}
      and caremap_rule_open_at(r.freq, r.byday, r.opens_at, r.closes_at, r.valid_from, r.valid_to, l.local)
      and (not exists (select 1 from public_holiday h where h.date = l.local::date)
           or r.valid_from = r.valid_to
           or not exists (select 1 from public_holiday h where h.date = l.local::date and h.country = r.country)
           or r.holidays_open))`;
}
