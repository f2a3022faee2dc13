import { describe, expect, it } from 'vitest';
import { axeAtBothSizes, signInAsDemo } from './axe';
import { useBrowser } from './browser';
import { catalog, text } from './catalog';

const b = useBrowser();
const en = catalog('en');
const a = (key: string, values: Record<string, string | number> = {}) =>
  text(en, `availability.${key}`, values);

/** yyyymmdd of the day `days` from now (UTC), for the .ics file. */
const icsDay = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');

describe('my availability in the browser', () => {
  it('the partner professional sets working hours, adds a busy time, imports an .ics file and removes a block', async () => {
    const page = b.page;
    await page.addInitScript(() => localStorage.setItem('caremap.lang', 'en'));
    await signInAsDemo(page, 'partner@demo.caremap.eu');
    await page.goto('/conferences');
    await page.getByRole('link', { name: a('link') }).click();
    await page.getByRole('heading', { name: a('title'), level: 1 }).waitFor();

    // Working hours: Prague, Friday off, a backwards Tuesday refused next to its field first.
    await page.getByLabel(a('timeZone')).selectOption('Europe/Prague');
    await page.locator('#avail-tue-end').fill('07:00');
    await page.getByRole('button', { name: a('save') }).click();
    await expect.poll(() => page.locator('#avail-tue-end-error').textContent()).toBe(a('errEndBeforeStart'));
    await page.locator('#avail-tue-end').fill('15:00');
    await page.getByRole('group', { name: 'Friday' }).getByLabel(a('workingDay')).uncheck();
    await page.getByRole('button', { name: a('save') }).click();
    await page.getByText(a('saved')).waitFor();

    // A busy time by hand, next Wednesday-ish, 13:00-14:30.
    const day = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel(a('date')).fill(day);
    await page.locator('#avail-add-start').fill('13:00');
    await page.locator('#avail-add-end').fill('14:30');
    await page.getByRole('button', { name: a('add') }).click();
    await page.getByText(a('added')).waitFor();
    const blocks = page.locator('.avail-block');
    await expect.poll(() => blocks.filter({ hasText: a('sourceManual') }).count()).toBe(1);

    // A broken calendar file: refused with its line, nothing imported.
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//E2E//EN',
      'BEGIN:VEVENT',
      'UID:e2e-1@example.org',
      `DTSTART;TZID=Europe/Prague:${icsDay(3)}T100000`,
      `DTEND;TZID=Europe/Prague:${icsDay(3)}T113000`,
      'SUMMARY:Private appointment',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:e2e-2@example.org',
      `DTSTART;VALUE=DATE:${icsDay(5)}`,
      `DTEND;VALUE=DATE:${icsDay(6)}`,
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:e2e-3@example.org',
      `DTSTART:${icsDay(4)}T080000Z`,
      `DTEND:${icsDay(4)}T090000Z`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const file = page.getByLabel(a('icsFile'), { exact: true });
    await file.setInputFiles({
      name: 'broken.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from(ics.replace('DTEND;VALUE=DATE', 'DTEND;VALUE="DATE')),
    });
    await page.getByRole('button', { name: a('icsImport') }).click();
    const refusal = page.locator('#avail-ics-error');
    await expect.poll(() => refusal.textContent()).toContain(a('icsProblem.syntax'));
    expect(await refusal.textContent()).toContain(a('icsAtLine', { line: 13 }));
    expect(await blocks.filter({ hasText: a('sourceIcs') }).count()).toBe(0);

    await file.setInputFiles({ name: 'outlook.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
    await page.getByRole('button', { name: a('icsImport') }).click();
    await page.locator('.avail-ics__result').waitFor();
    expect(await page.locator('.avail-ics__result').textContent()).toContain(a('icsSkipped', { n: 1 }));
    await expect.poll(() => blocks.filter({ hasText: a('sourceIcs') }).count()).toBe(2);
    // Stored without its summary: the page shows times only.
    expect(await page.locator('.avail').textContent()).not.toContain('Private appointment');
    await axeAtBothSizes(page, 'availability (filled)');

    // Remove the hand-entered block with the keyboard.
    await blocks
      .filter({ hasText: a('sourceManual') })
      .getByRole('button')
      .focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => blocks.filter({ hasText: a('sourceManual') }).count()).toBe(0);
    expect(await blocks.count()).toBe(2);
    // The refused file's 400 is the browser's only complaint.
    expect(b.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });
});
