// The friendly repeat editor's state and the RRULE it stands for. Only the rules the editor can
// show round-trip; anything else is kept as typed ("custom") and validated by the server, whose
// error names the rule part.

export const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR'] as const;
export type Weekday = (typeof weekdays)[number];
/** 1st..4th, or -1 for the last such weekday of the month. */
export const ordinals = [1, 2, 3, 4, -1] as const;
export type Ordinal = (typeof ordinals)[number];

export type Repeat =
  | { kind: 'weekly'; interval: number; weekday: Weekday }
  /** Same day of the month as the first meeting. */
  | { kind: 'monthly_date'; interval: number }
  | { kind: 'monthly_weekday'; interval: number; ordinal: Ordinal; weekday: Weekday }
  | { kind: 'custom'; rrule: string };

/** Every two months, on the day of the first meeting: what signalling meetings default to. */
export const defaultRepeat: Repeat = { kind: 'monthly_date', interval: 2 };

export function toRrule(r: Repeat): string {
  switch (r.kind) {
    case 'weekly':
      return `FREQ=WEEKLY;INTERVAL=${r.interval};BYDAY=${r.weekday}`;
    case 'monthly_date':
      return `FREQ=MONTHLY;INTERVAL=${r.interval}`;
    case 'monthly_weekday':
      return `FREQ=MONTHLY;INTERVAL=${r.interval};BYDAY=${r.ordinal}${r.weekday}`;
    default:
      return r.rrule.trim().replace(/^RRULE:/i, '');
  }
}

/** The editor's view of a stored rule: a friendly form when it is one, else custom. */
export function fromRrule(rrule: string): Repeat {
  const parts = new Map(
    rrule
      .trim()
      .replace(/^RRULE:/i, '')
      .toUpperCase()
      .split(';')
      .map((p) => p.split('=') as [string, string]),
  );
  const interval = Number(parts.get('INTERVAL') ?? '1');
  const byday = parts.get('BYDAY');
  const known = [...parts.keys()].every((k) => ['FREQ', 'INTERVAL', 'BYDAY'].includes(k));
  const custom: Repeat = { kind: 'custom', rrule };
  if (!known || !Number.isInteger(interval) || interval < 1 || interval > 12) return custom;
  const freq = parts.get('FREQ');
  if (freq === 'WEEKLY' && byday && (weekdays as readonly string[]).includes(byday)) {
    return { kind: 'weekly', interval, weekday: byday as Weekday };
  }
  if (freq === 'MONTHLY' && !byday) return { kind: 'monthly_date', interval };
  const m = byday ? /^(-1|[1-4])([A-Z]{2})$/.exec(byday) : null;
  if (freq === 'MONTHLY' && m && (weekdays as readonly string[]).includes(m[2]!)) {
    return { kind: 'monthly_weekday', interval, ordinal: Number(m[1]) as Ordinal, weekday: m[2] as Weekday };
  }
  return custom;
}
