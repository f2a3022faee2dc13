import { describe, expect, it } from 'vitest';
import { formatCountry, formatDateTimeRange } from './format';

describe('formatDateTimeRange', () => {
  const start = new Date('2026-03-12T09:00:00Z');
  const end = new Date('2026-03-12T10:30:00Z');

  it('shows the clock of the event time zone, not the reader', () => {
    expect(formatDateTimeRange(start, end, 'en', 'Europe/Prague')).toMatch(/10:00.*11:30/);
    expect(formatDateTimeRange(start, end, 'en', 'Europe/Istanbul')).toMatch(/12:00.*13:30/);
  });

  it('uses the words of the UI language', () => {
    expect(formatDateTimeRange(start, end, 'hu', 'Europe/Budapest')).toMatch(/március/);
    expect(formatDateTimeRange(start, end, 'cs', 'Europe/Prague')).toMatch(/března/);
    expect(formatDateTimeRange(start, end, 'tr', 'Europe/Istanbul')).toMatch(/Mart/);
  });
});

describe('formatCountry', () => {
  it('names the country in the UI language', () => {
    expect(formatCountry('CZ', 'hu')).toBe('Csehország');
    expect(formatCountry('HU', 'en')).toBe('Hungary');
  });
});
