import { describe, expect, it } from 'vitest';
import { axeAtBothSizes, signInAsDemo } from './axe';
import { useBrowser } from './browser';
import { catalog, RAW_KEY, text } from './catalog';

const b = useBrowser();
const en = catalog('en');
const cal = (key: string) => text(en, `calendar.${key}`);

describe('conference calendar in the browser', () => {
  it('shows a seeded conference in its week and month, keeps the view in the URL, and links to it', async () => {
    const page = b.page;
    await page.addInitScript(() => localStorage.setItem('caremap.lang', 'en'));
    await signInAsDemo(page, 'organiser@demo.caremap.eu');
    await page.goto('/conferences');

    // The scheduled conference furthest ahead in the list (the seed books them up to three weeks
    // out; which is last depends on what other suites booked or cancelled).
    const item = page.locator('.conf-item--scheduled').last();
    await item.waitFor();
    const href = (await item.locator('.conf-item__title a').getAttribute('href'))!;
    const startsAt = (await item.locator('time').getAttribute('datetime'))!;
    const kind = (await item.locator('.conf-item__tags .cm-badge').first().textContent())!;

    await page.getByRole('tab', { name: cal('viewWeek') }).click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'week');
    await expect
      .poll(() => page.getByRole('tab', { name: cal('viewWeek') }).getAttribute('aria-selected'))
      .toBe('true');
    // Today's week: today is marked, or the week says it has no conferences.
    await page.locator('.cal-week, .cal .cm-state--empty').first().waitFor();
    if (await page.locator('.cal-week').count()) {
      expect(await page.locator('.cal-week [aria-current=date]').count()).toBe(1);
    } else {
      expect(await page.locator('.cal .cm-state__title').textContent()).toBe(cal('emptyWeek'));
    }

    // How many weeks ahead it lies, Monday to Monday on the browser's own clock (the calendar's zone).
    const weeksAhead = await page.evaluate((iso) => {
      const monday = (d: Date) => {
        const day = new Date(d.getFullYear(), d.getMonth(), d.getDate());
        day.setDate(day.getDate() - ((day.getDay() + 6) % 7));
        return day.getTime();
      };
      return Math.round((monday(new Date(iso)) - monday(new Date())) / (7 * 86_400_000));
    }, startsAt);
    expect(weeksAhead).toBeGreaterThan(0);
    for (let n = 1; n <= weeksAhead; n++) {
      const before = page.url();
      await page.getByRole('button', { name: cal('nextWeek') }).click();
      await page.waitForURL((url) => url.href !== before);
    }
    const inWeek = page.locator(`.cal-week a[href="${href}"]`);
    await inWeek.waitFor();
    expect(await inWeek.textContent()).toContain(kind);
    expect(await inWeek.locator('time').getAttribute('datetime')).toBe(startsAt);
    const weekUrl = page.url();
    expect(new URL(weekUrl).searchParams.get('date')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.locator('.cal').textContent()).not.toMatch(RAW_KEY);
    await axeAtBothSizes(page, '/conferences week view', async (width) => {
      // At 360 px the week is a day-by-day list: the page never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });

    // A reload (or a shared link) opens the same week.
    await page.reload();
    await inWeek.waitFor();
    expect(page.url()).toBe(weekUrl);
    expect(await page.getByRole('tab', { name: cal('viewWeek') }).getAttribute('aria-selected')).toBe('true');

    // The month view by keyboard, from the selected tab: the same day, so the conference is in it.
    await page.getByRole('tab', { name: cal('viewWeek') }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL((url) => url.searchParams.get('view') === 'month');
    const inMonth = page.locator(`.cal-month a[href="${href}"]`);
    await inMonth.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(cal('viewMonth'));
    expect(await page.locator('.cal-month tbody tr').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.cal').textContent()).not.toMatch(RAW_KEY);
    await axeAtBothSizes(page, '/conferences month view', async (width) => {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
    await page.reload();
    await inMonth.waitFor();

    // Back returns to the week; the link leads to the conference's page.
    await page.goBack();
    await page.waitForURL(weekUrl);
    await inWeek.click();
    await page.waitForURL((url) => url.pathname === href);
    await page.locator('h1').waitFor();
    expect(await page.locator('h1').textContent()).not.toBe(text(en, 'conferences.title'));
    expect(b.errors).toEqual([]);
  });
});
