// Feedback letters in the browser, as the seeded organiser: the dashboard lists the held care plan
// review without a sent letter; on its page the organiser drafts a letter (an empty subject gets
// its field error first), downloads the PDF with the session cookie, records it as sent, and the
// dashboard no longer lists it. axe at 1280 and 360 px on the panel, the dashboard and the
// calendar feed section. With CAREMAP_SHOTS_DIR set, screenshots in hu and tr are written there.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeAtBothSizes, signInAsDemo } from './axe';
import { useBrowser } from './browser';
import { catalog, text } from './catalog';

const b = useBrowser();
const en = catalog('en');
const f = (key: string) => text(en, `conferenceFollowUp.${key}`);
const shots = process.env.CAREMAP_SHOTS_DIR;

/** Screenshots of the current page in Hungarian and Turkish at both widths (only when asked). */
async function screenshots(page: Page, name: string, ready: string, prepare?: () => Promise<void>) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  for (const lang of ['hu', 'tr']) {
    await page.evaluate((l) => localStorage.setItem('caremap.lang', l), lang);
    await page.reload();
    await prepare?.();
    await page.locator(ready).first().waitFor();
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(150);
      const path = join(shots, `${name}-${lang}-${width}.png`);
      // The letters panel sits below the meeting record: shoot the panel itself.
      const panel = page.locator('.conf-letters');
      if (name.startsWith('letter')) await panel.screenshot({ path });
      else await page.screenshot({ path, fullPage: true });
    }
  }
  await page.evaluate(() => localStorage.setItem('caremap.lang', 'en'));
  await page.reload();
  await prepare?.();
  await page.locator(ready).first().waitFor();
  await page.setViewportSize({ width: 1280, height: 860 });
}

describe('feedback letters in the browser', () => {
  it('drafts a letter, downloads its PDF, records it as sent, and the dashboard drops it', async () => {
    const page = b.page;
    await page.addInitScript(() => {
      if (!localStorage.getItem('caremap.lang')) localStorage.setItem('caremap.lang', 'en');
    });
    await signInAsDemo(page, 'organiser@demo.caremap.eu');
    await page.goto('/conferences');
    const unsent = page.getByRole('list', { name: f('unsentTitle') });
    // The seeded care plan review held twelve days ago has no letter yet.
    const review = unsent.getByRole('listitem').filter({ hasText: /HU-SZO-\d{4}-0121/ });
    await review.waitFor();
    const caseRef = (await review.locator('code').textContent())!;
    await page.getByRole('heading', { name: f('feedTitle') }).waitFor();
    await axeAtBothSizes(page, '/conferences with the dashboard and the calendar feed');
    await screenshots(page, 'dashboard', '.conf-dashboard__card');

    // The calendar feed: a link is made and shown once, then the feed can be turned off.
    await page.getByRole('button', { name: f('feedCreate') }).click();
    const feedUrl = await page.getByLabel(f('feedUrl')).inputValue();
    expect(feedUrl).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await page.request.get(feedUrl);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    expect(await feed.text()).toContain(caseRef);
    await axeAtBothSizes(page, 'calendar feed with its link');
    await page.getByRole('button', { name: f('feedRevoke') }).click();
    await page.getByText(f('feedNone')).waitFor();
    expect((await page.request.get(feedUrl)).status()).toBe(404);

    await review.getByRole('link').click();
    await page.getByRole('heading', { name: f('lettersTitle'), level: 2 }).waitFor();
    await page.getByText(f('lettersEmpty')).waitFor();
    await page.getByRole('button', { name: f('newLetter') }).click();
    // The recipient's language is preset: the school is Hungarian.
    await expect.poll(() => page.getByLabel(f('letterLanguage')).inputValue()).toBe('hu');
    await page
      .getByLabel(f('body'))
      .fill('Köszönjük a részvételt.\n\nA következő felülvizsgálatig havonta kérünk tájékoztatást.');
    await page.getByRole('button', { name: f('createDraft') }).click();
    // No subject: the field says so, and nothing is saved.
    const subject = page.getByLabel(f('subject'));
    await expect.poll(() => subject.getAttribute('aria-invalid')).toBe('true');
    await axeAtBothSizes(page, 'letter form with a field error');
    // In each language: open the form and submit it empty to show the field errors.
    await screenshots(page, 'letter-form', '.conf-field--invalid', async () => {
      await page.locator('.conf-letters > .conf-actions button').click();
      await page.locator('.conf-letter-form button[type=submit]').click();
    });
    await page.getByLabel(f('subject')).fill('Visszajelzés a gondozási terv felülvizsgálatáról');
    await page
      .getByLabel(f('body'))
      .fill('Köszönjük a részvételt.\n\nA következő felülvizsgálatig havonta kérünk tájékoztatást.');
    await page.getByRole('button', { name: f('createDraft') }).click();
    const letter = page.locator('.conf-letter', {
      hasText: 'Visszajelzés a gondozási terv felülvizsgálatáról',
    });
    await letter.waitFor();
    await expect.poll(() => letter.locator('.cm-badge').textContent()).toBe(f('statusDraft'));

    // The PDF is a plain GET with the session cookie.
    const href = (await letter
      .getByRole('link', { name: new RegExp(f('downloadPdf')) })
      .getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/conferences\/[0-9a-f-]{36}\/letters\/[0-9a-f-]{36}\.pdf$/);
    const pdf = await page.request.get(href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await axeAtBothSizes(page, 'feedback letters with a draft');
    await screenshots(page, 'letters', '.conf-letter');

    await letter.getByRole('button', { name: f('markSent') }).click();
    await expect.poll(() => letter.locator('.cm-badge').textContent()).toBe(f('statusSent'));
    await expect.poll(() => letter.getByRole('button', { name: f('markSent') }).count()).toBe(0);

    await page.goto('/conferences');
    await page.getByRole('heading', { name: f('unsentTitle') }).waitFor();
    await page.locator('.conf-dashboard__card').first().waitFor();
    await expect
      .poll(async () => (await page.locator('.conf-dashboard').textContent()) ?? '')
      .not.toContain(caseRef);
    expect(b.errors).toEqual([]);
  });
});
