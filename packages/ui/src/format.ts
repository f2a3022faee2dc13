/**
 * Locale formatting through Intl only: the UI language decides the words and order, the event's
 * own time zone decides the clock time (a conference in Jihlava is at 10:00 Prague time for
 * everyone, wherever the reader is).
 */

/**
 * CareMap's English readers are European professionals: British conventions (24-hour clock,
 * day before month) read naturally to them, US ones do not.
 */
export function intlLocale(language: string): string {
  return language === 'en' ? 'en-GB' : language;
}

const dateTimeParts: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};

/** "Thursday 12 March 2026, 10:00 – 11:30 CET" style, in `language`, on the clock of `timeZone`. */
export function formatDateTimeRange(start: Date, end: Date, language: string, timeZone: string): string {
  const format = new Intl.DateTimeFormat(intlLocale(language), {
    ...dateTimeParts,
    timeZone,
    timeZoneName: 'short',
  });
  return format.formatRange(start, end);
}

export function formatDateTime(date: Date, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { ...dateTimeParts, timeZone }).format(date);
}

/** Machine-readable value for <time dateTime>. */
export function isoDateTime(date: Date): string {
  return date.toISOString();
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value);
}

/** ISO 3166 country code -> its name in `language` ("CZ" -> "Česko" / "Csehország"). */
export function formatCountry(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
