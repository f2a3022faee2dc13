/** Intl formatting for documents: the language picks words and order, the agency's zone the day. */
import type { Locale } from '@caremap/validators';

/** CareMap's English readers are European professionals: British conventions (as packages/ui). */
export const intlLocale = (language: Locale): string => (language === 'en' ? 'en-GB' : language);

/** A letter's or a conference's date, on the agency's calendar: "2026. december 2.", "2 Aralık 2026". */
export function formatLongDate(date: Date, language: Locale, timeZone: string): string {
  // Turkish letters write the date as digits (02.12.2026), as official correspondence does.
  const options: Intl.DateTimeFormatOptions =
    language === 'tr' ? { day: '2-digit', month: '2-digit', year: 'numeric' } : { dateStyle: 'long' };
  return new Intl.DateTimeFormat(intlLocale(language), { ...options, timeZone }).format(date);
}

/** A calendar day (YYYY-MM-DD), no zone involved: "2026. dec. 15.", "15. 12. 2026", "15 Dec 2026". */
export function formatCalendarDay(day: string, language: Locale): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const options: Intl.DateTimeFormatOptions =
    language === 'tr' ? { day: '2-digit', month: '2-digit', year: 'numeric' } : { dateStyle: 'medium' };
  return new Intl.DateTimeFormat(intlLocale(language), { ...options, timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

export function formatDateTime(date: Date, language: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(date);
}

export function formatNumber(value: number, language: Locale, fractionDigits: number): string {
  return new Intl.NumberFormat(intlLocale(language), {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

export function formatPercent(share: number, language: Locale, fractionDigits: number): string {
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(share);
}

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Table cells: pdfmake sizes a column to its longest unbreakable word, so one 60-letter word (a
 * compound, a pasted code) would push the columns beside it off the page. Such words get invisible
 * break opportunities every 16 letters; ordinary words and the text's look do not change.
 */
export function breakable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\s/\\-]{24,}/gu, (word) => (word.match(/.{1,16}/gu) ?? [word]).join(ZERO_WIDTH_SPACE));
}
