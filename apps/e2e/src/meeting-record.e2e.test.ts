import { describe, expect, it } from 'vitest';
import { axeAtBothSizes, signInAsDemo } from './axe';
import { useBrowser } from './browser';
import { catalog, text } from './catalog';

const b = useBrowser();
const en = catalog('en');
const m = (key: string) => text(en, `meetingRecord.${key}`);

describe('meeting record in the browser', () => {
  it('records agenda, attendance, minutes, a decision and an action item, then lists it as mine', async () => {
    const page = b.page;
    await page.addInitScript(() => localStorage.setItem('caremap.lang', 'en'));
    await signInAsDemo(page, 'organiser@demo.caremap.eu');
    await page.goto('/conferences');
    // A case conference, whose template starts with the welcome: which scheduled conference comes
    // first depends on the day the seed ran and on what other suites booked.
    await page
      .locator('.conf-item--scheduled')
      .filter({
        has: page.locator('.conf-item__tags', { hasText: text(en, 'conferences.kindCaseConference') }),
      })
      .locator('.conf-item__title a')
      .first()
      .click();
    await page.getByRole('heading', { name: m('title'), level: 2 }).waitFor();
    await page.getByRole('button', { name: m('applyTemplate') }).click();
    const items = page.locator('.rec-agenda__item .rec-agenda__text');
    await expect.poll(() => items.first().textContent()).toBe(m('agendaTemplate.welcome'));
    await axeAtBothSizes(page, 'meeting record');

    // Move the first item down with the keyboard: focus stays on the moved item.
    await page.getByRole('button', { name: `Move down: ${m('agendaTemplate.welcome')}` }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => items.nth(1).textContent()).toBe(m('agendaTemplate.welcome'));
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(`Move down: ${m('agendaTemplate.welcome')}`);

    await page.locator('.rec-attendance input[type=checkbox]').first().check();
    await expect.poll(() => page.locator('.rec-attendance').textContent()).toBeTruthy();
    await page.getByLabel(m('minutesLabel')).fill('Attendance has improved since October.');
    await page.getByRole('button', { name: m('minutesSave') }).click();
    await expect.poll(() => page.locator('#rec-minutes').locator('..').textContent()).toContain('version');
    await page.getByLabel(m('decisionNew')).fill('The school reports attendance every week.');
    await page.getByRole('button', { name: m('decisionAdd') }).click();
    await page.getByText('The school reports attendance every week.').waitFor();

    // An action item for the organiser, due yesterday: overdue.
    await page.getByLabel(m('actionTitle')).fill('Arrange a home visit');
    const owner = page.getByLabel(m('actionOwner'), { exact: true });
    const value = await owner.locator('option', { hasText: 'Demo Organiser' }).getAttribute('value');
    await owner.selectOption(value!);
    await page
      .getByLabel(m('actionDue'))
      .fill(new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole('button', { name: m('actionAdd') }).click();
    await page.locator('.rec-action--overdue', { hasText: 'Arrange a home visit' }).waitFor();
    await axeAtBothSizes(page, 'meeting record (filled)');

    await page.goto('/conferences');
    await page.getByRole('link', { name: m('myLink') }).click();
    await page.waitForURL('**/conferences/actions');
    await page.getByRole('heading', { name: m('myTitle'), level: 1 }).waitFor();
    const mine = page.getByRole('list', { name: m('myListLabel') });
    await mine.locator('.rec-action--overdue', { hasText: 'Arrange a home visit' }).waitFor();
    await expect.poll(() => mine.locator('.rec-action').first().textContent()).toContain(m('overdue'));
    await axeAtBothSizes(page, '/conferences/actions');
    expect(b.errors).toEqual([]);
  });
});
