// Today's hours and the next opening of a service, for its page. Pure: rules in, answers out, in
// the rule's own IANA zone (Temporal). Whether it is open right now comes from the database
// (open-hours.ts), the same fragment the search filters with; this file only looks ahead, and a
// test checks that both agree on every instant it tries.
import { Temporal } from 'temporal-polyfill';

export interface OpeningRule {
  freq: string | null;
  byday: string | null;
  opensAt: string | null;
  closesAt: string | null;
  validFrom: string | null;
  validTo: string | null;
  zone: string;
  country: string | null;
  holidaysOpen: boolean;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** Whether the rule applies on this local date (weekday, validity, public holidays). */
export function ruleAppliesOn(
  rule: OpeningRule,
  date: Temporal.PlainDate,
  holidays: ReadonlySet<string>,
): boolean {
  if (rule.freq !== 'WEEKLY' || !rule.byday || !rule.opensAt || !rule.closesAt) return false;
  const iso = date.toString();
  if (rule.validFrom && iso < rule.validFrom) return false;
  if (rule.validTo && iso > rule.validTo) return false;
  const days = rule.byday.replace(/\s/g, '').split(',');
  if (!days.includes(WEEKDAYS[date.dayOfWeek - 1]!)) return false;
  const oneDay = rule.validFrom !== null && rule.validFrom === rule.validTo;
  if (holidays.has(`${rule.country}|${iso}`) && !rule.holidaysOpen && !oneDay) return false;
  return true;
}

const hhmm = (t: string) => t.slice(0, 5);

export interface TodayHours {
  /** The local date in the service's zone. */
  date: string;
  zone: string;
  hours: Array<{ opens: string; closes: string }>;
}

/** The hours that apply on the local date of `at` (in the zone of the first rule). */
export function todayHours(
  rules: readonly OpeningRule[],
  at: Date,
  holidays: ReadonlySet<string>,
): TodayHours | null {
  if (rules.length === 0) return null;
  const zone = rules[0]!.zone;
  const date = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(zone).toPlainDate();
  const hours = rules
    .filter((r) => ruleAppliesOn(r, date, holidays))
    .map((r) => ({ opens: hhmm(r.opensAt!), closes: hhmm(r.closesAt!) }))
    .sort((a, b) => a.opens.localeCompare(b.opens) || a.closes.localeCompare(b.closes));
  const unique = hours.filter(
    (h, i) => i === 0 || h.opens !== hours[i - 1]!.opens || h.closes !== hours[i - 1]!.closes,
  );
  return { date: date.toString(), zone, hours: unique };
}

/** The first opening instant strictly after `at`, looking `days` ahead; null when none. */
export function nextOpening(
  rules: readonly OpeningRule[],
  at: Date,
  holidays: ReadonlySet<string>,
  days = 14,
): Date | null {
  let best: number | null = null;
  for (const rule of rules) {
    const start = Temporal.Instant.fromEpochMilliseconds(at.getTime())
      .toZonedDateTimeISO(rule.zone)
      .toPlainDate();
    for (let i = 0; i <= days; i++) {
      const date = start.add({ days: i });
      if (!ruleAppliesOn(rule, date, holidays)) continue;
      const opening = date
        .toZonedDateTime({ timeZone: rule.zone, plainTime: Temporal.PlainTime.from(rule.opensAt!) })
        .toInstant().epochMilliseconds;
      if (opening > at.getTime()) {
        if (best === null || opening < best) best = opening;
        break;
      }
    }
  }
  return best === null ? null : new Date(best);
}
