// A signalling-meeting series in the browser: the organiser plans one every two weeks in Turkish
// from the friendly editor (the RRULE shown beside it), sees a hand-typed bad rule refused naming
// its part, skips one meeting, schedules the next one (booked, its conference page opens), and
// every screen is axe-clean at 1280 and 360 px.
import { describe, expect, it } from 'vitest';
import { axeAtBothSizes, signInAsDemo } from './axe';
import { useBrowser } from './browser';
import { catalog, text } from './catalog';

const b = useBrowser();
const tr = catalog('tr');
const s = (key: string, values: Record<string, string | number> = {}) => text(tr, `series.${key}`, values);

describe('signalling-meeting series in the browser', () => {
  it('plans a series, refuses a bad rule, skips one meeting and schedules the next', async () => {
    const page = b.page;
    // The demo sign-in uses the English form; the series screens are then used in Turkish.
    await signInAsDemo(page, 'organiser@demo.caremap.eu');
    await page.evaluate(() => localStorage.setItem('caremap.lang', 'tr'));
    await page.goto('/conferences');
    await page.getByRole('link', { name: s('listLink') }).click();
    await page.getByRole('heading', { name: s('listTitle'), level: 1 }).waitFor();
    await page.getByRole('button', { name: s('newSeries') }).click();
    await page.getByRole('heading', { name: s('newTitle'), level: 1 }).waitFor();

    // The default is every two months; the friendly editor makes it every two weeks on Wednesday.
    await expect.poll(() => page.locator('.conf-rrule code').textContent()).toBe('FREQ=MONTHLY;INTERVAL=2');
    await page.getByLabel(s('fieldRepeat')).selectOption('weekly');
    await page.getByLabel(s('fieldIntervalWeeks')).fill('2');
    await page.getByLabel(s('fieldWeekday')).selectOption('WE');
    await expect
      .poll(() => page.locator('.conf-rrule code').textContent())
      .toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE');
    await page.getByLabel(s('fieldOnline')).check();
    // The demo partner takes part; not the first user listed (the coordinator), whose empty
    // conference list another test expects.
    await page.locator('.conf-pick').first().getByLabel('Demo Partner', { exact: true }).check();
    // A Wednesday at least a week ahead, so the first meeting is still to come.
    const first = new Date(Date.now() + 8 * 86_400_000);
    while (first.getUTCDay() !== 3) first.setUTCDate(first.getUTCDate() + 1);
    const firstDay = first.toISOString().slice(0, 10);
    await page.getByLabel(s('fieldFirstDay')).fill(firstDay);
    await axeAtBothSizes(page, 'new series');

    // By hand: a weekday that does not exist is refused, naming the BYDAY part.
    await page.getByLabel(s('fieldRepeat')).selectOption('custom');
    await page.getByLabel(s('fieldRrule')).fill('FREQ=WEEKLY;INTERVAL=2;BYDAY=XX');
    await page.getByRole('button', { name: s('create') }).click();
    await page.locator('#series-rrule-error', { hasText: s('errRrulePart', { part: 'BYDAY' }) }).waitFor();
    await page.getByLabel(s('fieldRrule')).fill('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE');
    await page.getByRole('button', { name: s('create') }).click();

    // The series page: the next meetings, every two weeks from the first.
    await page.getByRole('heading', { name: s('occurrencesTitle'), level: 2 }).waitFor();
    const meetings = page.locator('.conf-occurrence');
    await expect.poll(() => meetings.count()).toBe(8);
    await axeAtBothSizes(page, 'series page');

    await meetings
      .first()
      .getByRole('button', { name: s('skip') })
      .click();
    await meetings
      .first()
      .locator('.cm-badge', { hasText: s('stateSkipped') })
      .waitFor();
    await meetings
      .nth(1)
      .getByRole('button', { name: s('scheduleThis') })
      .click();
    // Booked at that time: its conference page opens.
    await page.waitForURL(/\/conferences\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: s('occurrencesTitle'), level: 2 }).waitFor();
    await expect.poll(() => meetings.nth(1).locator('a').count()).toBe(1);
    await expect
      .poll(() =>
        meetings
          .nth(1)
          .getByRole('button', { name: s('skip') })
          .count(),
      )
      .toBe(0);
  });
});
