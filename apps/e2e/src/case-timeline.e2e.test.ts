// A case's timeline in the browser: the seeded organiser opens case 0098 from its care plan review in
// the upcoming list, sees its conferences in time order (the case conference that made the care
// plan, the review held since, the review coming up) with the record of the held ones and the next
// review, follows a conference link and comes back; the Vysočina networker, who takes part in none
// of them, gets the refusal page, word for word the one an unknown case gets. axe at 1280 and 360 px.
import { describe, expect, it } from 'vitest';
import { axeAtBothSizes, signInAsDemo } from './axe';
import { useBrowser } from './browser';
import { catalog, text } from './catalog';

const b = useBrowser();
const en = catalog('en');
const tl = (key: string, values?: Record<string, string>) => text(en, `caseTimeline.${key}`, values);
const c = (key: string) => text(en, `conferences.${key}`);

describe('case timeline in the browser', () => {
  it('opens a case from the list, shows its conferences in order, links to them and back; an outsider is refused', async () => {
    const page = b.page;
    await page.addInitScript(() => localStorage.setItem('caremap.lang', 'en'));
    await signInAsDemo(page, 'organiser@demo.caremap.eu');
    await page.goto('/conferences');
    const review = page
      .locator('.conf-item')
      .filter({ has: page.locator('.conf-item__tags', { hasText: c('kindCarePlanReview') }) })
      .filter({ hasText: /HU-SZO-\d{4}-0098/ });
    const caseLink = review.locator('.tl-case-link');
    const caseRef = (await caseLink.textContent())!.trim();
    expect(caseRef).toMatch(/^HU-SZO-\d{4}-0098$/);
    await caseLink.click();
    await page.waitForURL(`**/conferences/cases/${caseRef}`);
    await page.getByRole('heading', { name: tl('title', { caseRef }), level: 1 }).waitFor();

    const list = page.getByRole('list', { name: tl('listLabel', { caseRef }) });
    const entries = list.locator('.tl-entry');
    await entries.first().waitFor();
    // The seeded history first, then the review coming up (other suites may add a draft after it).
    const tags = await entries.locator('.conf-item__tags').allTextContents();
    expect(tags.slice(0, 3)).toEqual([
      c('kindCaseConference') + c('statusHeld'),
      c('kindCarePlanReview') + c('statusHeld'),
      c('kindCarePlanReview') + c('statusScheduled'),
    ]);
    const days = await list
      .locator('.tl-day__title time')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')!));
    expect(days.length).toBeGreaterThanOrEqual(3);
    expect([...days].sort()).toEqual(days);
    // The intake's record: a decision, its action items (the partner's still open), the letter sent.
    const intake = entries.first();
    await expect.poll(() => intake.locator('.tl-items li').count()).toBe(2);
    expect(await intake.locator('.tl-item--open').textContent()).toContain('Demo Partner');
    expect(await intake.locator('.tl-letters li').count()).toBe(1);
    const next = page.getByRole('region', { name: tl('nextReview') });
    expect(await next.textContent()).toContain(tl('reviewOnTime'));
    await axeAtBothSizes(page, 'case timeline');

    // To the review coming up by keyboard, and back.
    const upcomingTitle = (await entries.nth(2).locator('.tl-entry__title a').textContent())!;
    await entries.nth(2).locator('.tl-entry__title a').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => /^\/conferences\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByRole('heading', { name: upcomingTitle, level: 1 }).waitFor();
    await page.goBack();
    await page.waitForURL(`**/conferences/cases/${caseRef}`);
    await page.getByRole('heading', { name: tl('title', { caseRef }), level: 1 }).waitFor();
    // And from the conference page's own case link.
    await entries.nth(2).locator('.tl-entry__title a').click();
    await page.locator('.cm-page-heading .tl-case-link').click();
    await page.waitForURL(`**/conferences/cases/${caseRef}`);
    await list.waitFor();
    expect(b.errors).toEqual([]);

    // The networker takes part in none of the case's conferences: refused, as for an unknown case.
    const outsider = await page.context().browser()!.newContext({ baseURL: b.baseUrl });
    const other = await outsider.newPage();
    await other.addInitScript(() => localStorage.setItem('caremap.lang', 'en'));
    await signInAsDemo(other, 'networker@demo.caremap.eu');
    await other.goto(`/conferences/cases/${caseRef}`);
    await other.getByRole('heading', { name: tl('refusedTitle') }).waitFor();
    const refusedText = await other.locator('.conf').textContent();
    expect(refusedText).not.toContain(upcomingTitle);
    expect(await other.locator('.tl-entry').count()).toBe(0);
    await axeAtBothSizes(other, 'case timeline refused');
    await other.goto('/conferences/cases/HU-SZO-1999-0001');
    await other.getByRole('heading', { name: tl('refusedTitle') }).waitFor();
    expect((await other.locator('.conf').textContent())!.replace('HU-SZO-1999-0001', caseRef)).toBe(
      refusedText,
    );
    await outsider.close();
  });
});
