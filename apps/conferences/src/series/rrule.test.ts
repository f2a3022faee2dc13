import { parseRrule, SIGNALLING_MEETING_DEFAULT_RRULE } from '@caremap/scheduling';
import { describe, expect, it } from 'vitest';
import { defaultRepeat, fromRrule, type Repeat, toRrule } from './rrule';

describe('the repeat editor', () => {
  it("starts at the signalling meetings' default rule: every two months", () => {
    expect(toRrule(defaultRepeat)).toBe(SIGNALLING_MEETING_DEFAULT_RRULE);
  });

  it('writes rules the scheduling parser accepts and reads them back', () => {
    const repeats: Repeat[] = [
      { kind: 'weekly', interval: 2, weekday: 'TU' },
      { kind: 'monthly_date', interval: 3 },
      { kind: 'monthly_weekday', interval: 2, ordinal: -1, weekday: 'FR' },
      { kind: 'monthly_weekday', interval: 1, ordinal: 2, weekday: 'WE' },
    ];
    for (const r of repeats) {
      expect(() => parseRrule(toRrule(r))).not.toThrow();
      expect(fromRrule(toRrule(r))).toEqual(r);
    }
  });

  it('keeps a rule it cannot show as typed', () => {
    expect(fromRrule('FREQ=YEARLY;BYMONTH=3')).toEqual({ kind: 'custom', rrule: 'FREQ=YEARLY;BYMONTH=3' });
    expect(toRrule({ kind: 'custom', rrule: 'RRULE:FREQ=DAILY ' })).toBe('FREQ=DAILY');
  });
});
