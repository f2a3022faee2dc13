// Per-row details of generated services: schedules, languages, costs, phones. Pure functions of a
// PRNG, a vocabulary and the service's primary taxonomy term.
import type { costOption, language, schedule } from '../schema/directory';
import type { Rng } from './random';
import { seedId } from './random';
import {
  APPOINTMENT_TERMS,
  CLUB_TERMS,
  type CountryVocab,
  FAMILY_CENTRE_TERMS,
  LANGUAGE_NAMES,
  NONSTOP_TERMS,
  ONLINE_TERMS,
} from './vocab';

type ScheduleRow = typeof schedule.$inferInsert;
type Slot = {
  byday: string;
  opens: string;
  closes: string;
  kind: 'office' | 'evening' | 'weekend' | 'club';
  /** Days from "now" the slot is valid from / to (seasonal hours), when limited. */
  validDays?: readonly [number, number];
};

const WEEKDAYS = 'MO,TU,WE,TH,FR';

const OFFICE_PATTERNS: Record<CountryVocab['country'], readonly (readonly [number, readonly Slot[]])[]> = {
  CZ: [
    [0.4, [{ byday: WEEKDAYS, opens: '08:00', closes: '16:00', kind: 'office' }]],
    [
      0.4,
      [
        { byday: 'MO,WE', opens: '08:00', closes: '17:00', kind: 'office' },
        { byday: 'TU,TH', opens: '08:00', closes: '15:00', kind: 'office' },
        { byday: 'FR', opens: '08:00', closes: '12:00', kind: 'office' },
      ],
    ],
    [
      0.2,
      [
        { byday: WEEKDAYS, opens: '07:30', closes: '15:30', kind: 'office' },
        { byday: 'TU', opens: '15:30', closes: '18:00', kind: 'evening' },
      ],
    ],
  ],
  HU: [
    [
      0.5,
      [
        { byday: 'MO,TH', opens: '08:00', closes: '16:00', kind: 'office' },
        { byday: 'TU,FR', opens: '08:00', closes: '12:00', kind: 'office' },
        { byday: 'WE', opens: '08:00', closes: '18:00', kind: 'office' },
      ],
    ],
    [0.3, [{ byday: WEEKDAYS, opens: '08:00', closes: '16:00', kind: 'office' }]],
    [
      0.2,
      [
        { byday: 'MO,TU,WE,TH', opens: '08:00', closes: '16:30', kind: 'office' },
        { byday: 'FR', opens: '08:00', closes: '14:00', kind: 'office' },
        { byday: 'WE', opens: '16:30', closes: '19:00', kind: 'evening' },
      ],
    ],
  ],
};

function slotsFor(rng: Rng, vocab: CountryVocab, term: string): Slot[] {
  if (CLUB_TERMS.has(term)) {
    const slots: Slot[] = [
      { byday: 'MO,TU,WE,TH', opens: '13:00', closes: '18:00', kind: 'club' },
      { byday: 'FR', opens: '13:00', closes: '16:00', kind: 'club' },
    ];
    // Saturday opening of the coming season: not valid yet, so "open on Saturday" depends on the date.
    if (rng.chance(0.3))
      slots.push({ byday: 'SA', opens: '10:00', closes: '14:00', kind: 'weekend', validDays: [14, 200] });
    return slots;
  }
  if (FAMILY_CENTRE_TERMS.has(term)) {
    const slots: Slot[] = [
      { byday: WEEKDAYS, opens: '09:00', closes: '12:00', kind: 'office' },
      { byday: 'TU,TH', opens: '15:00', closes: '18:00', kind: 'evening' },
    ];
    // Saturday mornings for the current season only (valid_from/valid_to around "now").
    if (rng.chance(0.4))
      slots.push({ byday: 'SA', opens: '09:00', closes: '12:00', kind: 'weekend', validDays: [-30, 90] });
    return slots;
  }
  const patterns = OFFICE_PATTERNS[vocab.country];
  return [...rng.weighted(patterns, ([w]) => w)[1]];
}

/**
 * HSDS schedule rows for one service: opening hours per service_at_location, and for counselling-type
 * services often a service-level "by appointment" row instead of (or besides) fixed hours.
 */
export function schedulesFor(
  rng: Rng,
  vocab: CountryVocab,
  term: string,
  serviceId: string,
  salIds: readonly string[],
  now: Date,
): ScheduleRow[] {
  const base = { freq: 'WEEKLY' as const, interval: 1, wkst: 'MO', timezone: vocab.timezone };
  const rows: ScheduleRow[] = [];
  const key = (suffix: string) => seedId(`schedule:${serviceId}:${suffix}`);
  if (ONLINE_TERMS.has(term)) {
    rows.push({
      ...base,
      id: key('online'),
      serviceId,
      byday: 'MO,TU,WE,TH,FR',
      opensAt: '17:00',
      closesAt: '21:00',
      description: vocab.schedule.online,
      attendingType: 'online',
    });
  }
  if (NONSTOP_TERMS.has(term)) {
    for (const sal of salIds) {
      rows.push({
        ...base,
        id: key(sal),
        serviceAtLocationId: sal,
        byday: 'MO,TU,WE,TH,FR,SA,SU',
        opensAt: '00:00',
        closesAt: '23:59',
        description: vocab.schedule.nonstop,
        attendingType: term === 'crisis_helpline' || term === 'on_call_signalling' ? 'phone' : 'in_person',
      });
    }
    return rows;
  }
  let fixedHours = true;
  if (APPOINTMENT_TERMS.has(term) && rng.chance(0.6)) {
    rows.push({
      id: key('appointment'),
      serviceId,
      timezone: vocab.timezone,
      description: vocab.schedule.byAppointment,
      attendingType: rng.chance(0.3) ? 'hybrid' : 'in_person',
    });
    fixedHours = rng.chance(0.4);
  }
  if (!fixedHours) return rows;
  for (const sal of salIds) {
    slotsFor(rng, vocab, term).forEach((slot, i) => {
      rows.push({
        ...base,
        id: key(`${sal}:${i}`),
        serviceAtLocationId: sal,
        byday: slot.byday,
        opensAt: slot.opens,
        closesAt: slot.closes,
        description: vocab.schedule[slot.kind],
        attendingType: 'in_person',
        ...(slot.validDays
          ? { validFrom: daysBefore(now, -slot.validDays[0]), validTo: daysBefore(now, -slot.validDays[1]) }
          : {}),
      });
    });
  }
  return rows;
}

export function languagesFor(
  rng: Rng,
  vocab: CountryVocab,
  serviceId: string,
): { rows: (typeof language.$inferInsert)[]; extras: string[] } {
  const extras = vocab.extraLanguages.filter(([, p]) => rng.chance(p)).map(([code]) => code);
  const rows = [vocab.language, ...extras].map((code) => ({
    id: seedId(`language:${serviceId}:${code}`),
    serviceId,
    code,
    name: LANGUAGE_NAMES[code] ?? code,
  }));
  return { rows, extras };
}

export function costFor(
  rng: Rng,
  vocab: CountryVocab,
  term: string,
  serviceId: string,
): typeof costOption.$inferInsert {
  const paid = vocab.paid.find((p) => p.term === term);
  const base = { id: seedId(`cost:${serviceId}`), serviceId, currency: vocab.currency };
  if (paid && rng.chance(0.6)) {
    return {
      ...base,
      option: paid.option,
      amount: paid.amount,
      amountDescription: paid.description,
      free: false,
    };
  }
  return {
    ...base,
    option: vocab.free.option,
    amount: 0,
    amountDescription: vocab.free.description,
    free: true,
  };
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function daysBefore(now: Date, days: number): string {
  return isoDate(new Date(now.getTime() - days * 86_400_000));
}
