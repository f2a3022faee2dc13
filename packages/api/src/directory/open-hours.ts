// "Open at an instant" as SQL over the view service_schedule_rule and caremap_rule_open_at
// (migration 0011). One fragment serves the search filter, the search results' badge and the
// service page, so they cannot disagree. Only active services are ever open.
import { type SQL, sql } from 'drizzle-orm';

/** SQL boolean: the service `serviceId` (an SQL expression) is open at `at`. */
export function openAtSql(serviceId: SQL, at: Date): SQL {
  const instant = sql`${at.toISOString()}::timestamptz`;
  return sql`exists (
    select 1 from service_schedule_rule r
    join service os on os.id = r.service_id and os.status = 'active'
    left join public_holiday h on h.country = r.country and h.date = (${instant} at time zone r.zone)::date
    where r.service_id = ${serviceId}
      and caremap_rule_open_at(r.freq, r.byday, r.opens_at, r.closes_at, r.valid_from, r.valid_to,
                               r.zone, ${instant}, h.date is not null, r.holidays_open))`;
}
