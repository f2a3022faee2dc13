import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeAtBothSizes, signInAsDemo } from './axe';
import { useBrowser } from './browser';
import { catalog } from './catalog';

const b = useBrowser();
const en = catalog('en');
const tr = catalog('tr');
const hu = catalog('hu');
const c = en.conferences!;
const p = en.conferencePoll!;
const SHOTS = process.env.CAREMAP_SHOTS_DIR;

async function axeAndShots(page: Page, label: string) {
  await axeAtBothSizes(page, label, async (width) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${label}-${width}.png`, fullPage: true });
  });
}

describe('the availability poll in the browser', () => {
  it('organiser sends a poll; the family member answers by link without signing in; a bad link gets a plain page', async () => {
    const page = b.page;
    await page.addInitScript(() => localStorage.setItem('caremap.lang', 'en'));
    await signInAsDemo(page, 'organiser@demo.caremap.eu');
    await page.goto('/conferences/new');
    await page.locator('#conf-case-ref').waitFor();
    await page.getByLabel(c.fieldCaseRef!).fill('HU-JN-2026-0888');
    await page.getByLabel(c.fieldTitle!).fill('Family conference planning');
    await page.getByRole('button', { name: c.addExternal }).click();
    const ext = page.locator('.conf-row').nth(1);
    await ext.getByLabel(c.fieldName!).fill('Family Member');
    await ext.getByLabel(c.fieldEmail!, { exact: true }).fill('poll.family@example.org');
    await ext.getByLabel(c.fieldLanguage!).selectOption('tr');
    await ext.getByLabel(c.fieldRole!).selectOption('family');
    await page.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: c.create }).click();
    await page.waitForURL(/\/conferences\/[0-9a-f-]{36}$/);
    const conferencePath = new URL(page.url()).pathname;
    await page.locator('.conf-proposal').first().waitFor();

    // The poll panel: every proposal ticked; send.
    await page.getByRole('heading', { name: p.panelTitle }).waitFor();
    await page.getByRole('button', { name: p.sendPoll }).click();
    await page.locator('.conf-pollpanel .conf-poll__saved').waitFor();
    await page.locator('.conf-poll-answers').waitFor();
    await axeAndShots(page, 'proposals-poll-en');

    // The poll e-mail in the outbox, in Turkish, with the link.
    await page.goto('/conferences/outbox');
    let body = '';
    await expect
      .poll(
        async () => {
          await page.reload();
          const mail = page.locator('.conf-mail').filter({ hasText: 'poll.family@example.org' }).first();
          await mail.waitFor();
          body =
            (await mail
              .locator('pre')
              .first()
              .textContent()
              .catch(() => '')) ?? '';
          return body;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toContain('/conferences/poll?token=');
    expect(body).toContain('Önerilen zamanlar');
    const link = /(\/conferences\/poll\?token=[A-Za-z0-9_-]{43}&lang=tr)/.exec(body)?.[1];
    expect(link).toBeDefined();

    // The family member, in a browser of their own, never signed in.
    const visitor = await page.context().browser()!.newContext({ baseURL: b.baseUrl });
    const anon = await visitor.newPage();
    await anon.goto(link!);
    await anon.getByRole('heading', { name: tr.conferencePoll!.title, level: 1 }).waitFor();
    const times = anon.locator('.conf-poll__time');
    const count = await times.count();
    expect(count).toBeGreaterThanOrEqual(3);
    await axeAndShots(anon, 'poll-tr');
    await times.nth(0).getByLabel(tr.conferencePoll!.no!).check();
    await times.nth(1).getByLabel(tr.conferencePoll!.ifNeedBe!).check();
    for (let i = 2; i < count; i++) await times.nth(i).getByLabel(tr.conferencePoll!.yes!).check();
    await anon.getByLabel(tr.conferencePoll!.name!).fill('Ayşe K.');
    await anon.getByRole('button', { name: tr.conferencePoll!.send }).click();
    await anon.locator('.conf-poll__saved').waitFor();
    await axeAndShots(anon, 'poll-tr-saved');
    // Changed before the deadline, and still there after a reload.
    await times.nth(0).getByLabel(tr.conferencePoll!.yes!).check();
    await anon.getByRole('button', { name: tr.conferencePoll!.update }).click();
    await anon.locator('.conf-poll__saved').waitFor();
    await anon.reload();
    await anon.locator('.conf-poll__time').first().waitFor();
    expect(
      await anon.locator('.conf-poll__time').nth(0).getByLabel(tr.conferencePoll!.yes!).isChecked(),
    ).toBe(true);
    expect(
      await anon.locator('.conf-poll__time').nth(1).getByLabel(tr.conferencePoll!.ifNeedBe!).isChecked(),
    ).toBe(true);

    // An unknown token: a clear page in Hungarian, no error trace.
    await anon.goto(`/conferences/poll?token=${'C'.repeat(43)}&lang=hu`);
    await anon.getByRole('heading', { name: hu.conferencePoll!.invalidTitle, level: 1 }).waitFor();
    expect(await anon.locator('body').textContent()).not.toMatch(/NOT_FOUND|TRPC|stack|poll_invalid/);
    await axeAndShots(anon, 'poll-invalid-hu');
    await visitor.close();

    // The organiser sees the answers per time, in Hungarian this time (a tab without the English init script).
    const huPage = await page.context().newPage();
    await huPage.addInitScript(() => localStorage.setItem('caremap.lang', 'hu'));
    await huPage.goto(conferencePath);
    await huPage.locator('.conf-poll-answers').waitFor();
    await expect.poll(() => huPage.locator('.conf-poll-answers').textContent()).toContain('Ayşe K.');
    const table = (await huPage.locator('.conf-poll-answers').textContent()) ?? '';
    expect(table).toContain(hu.conferencePoll!.ifNeedBe!);
    await axeAndShots(huPage, 'proposals-poll-hu');
    await huPage.close();
  });
});
