import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeAtBothSizes, signInAsDemo } from './axe';
import { useBrowser } from './browser';
import { catalog } from './catalog';

const b = useBrowser();
const en = catalog('en');
const tr = catalog('tr');
const c = en.conferences!;
const CASE_REF = 'HU-JN-2026-0777';

/** The n-th participant card of the form (0-based). */
const row = (page: Page, n: number) => page.locator('.conf-row').nth(n);

describe('conferences in the browser', () => {
  it('creates, proposes, books, invites (outbox with .ics), answers by link, cancels', async () => {
    const page = b.page;
    await page.addInitScript(() => localStorage.setItem('caremap.lang', 'en'));
    await signInAsDemo(page, 'organiser@demo.caremap.eu');
    await page.goto('/conferences');
    await page.getByRole('button', { name: c.newConference }).click();
    await page.waitForURL('**/conferences/new');
    await page.getByRole('heading', { name: c.newTitle, level: 1 }).waitFor();
    await page.locator('#conf-case-ref').waitFor();
    await axeAtBothSizes(page, '/conferences/new (empty)');

    // A child's name is refused next to the field.
    await page.getByLabel(c.fieldCaseRef!).fill('Kiss Péter');
    await page.getByRole('button', { name: c.create }).click();
    await expect.poll(() => page.locator('#conf-case-ref-error').textContent()).toContain('never a name');
    await axeAtBothSizes(page, '/conferences/new (with errors)');

    await page.getByLabel(c.fieldCaseRef!).fill(CASE_REF);
    await page.getByLabel(c.fieldTitle!).fill('School attendance review');
    // Participants: the organiser (already there), the partner user, two contacts of other agencies, a family member.
    await page.getByRole('button', { name: c.addUser }).click();
    const userSelect = row(page, 1).locator('select').first();
    const partner = await userSelect.locator('option', { hasText: 'Demo Partner' }).getAttribute('value');
    await userSelect.selectOption(partner!);
    for (const [n, name, email, agencyIndex] of [
      [2, 'Police Contact', 'police.contact@example.org', 5],
      [3, 'Health Visitor', 'health.visitor@example.org', 9],
    ] as const) {
      await page.getByRole('button', { name: c.addContact }).click();
      await row(page, n).getByLabel(c.fieldParticipantAgency!).selectOption({ index: agencyIndex });
      await row(page, n).getByLabel(c.fieldName!).fill(name);
      await row(page, n).getByLabel(c.fieldEmail!).fill(email);
    }
    await page.getByRole('button', { name: c.addExternal }).click();
    await row(page, 4).getByLabel(c.fieldName!).fill('Family Member');
    await row(page, 4).getByLabel(c.fieldEmail!, { exact: true }).fill('family.member@example.org');
    await row(page, 4).getByLabel(c.fieldLanguage!).selectOption('tr');
    await row(page, 4).getByLabel(c.fieldRole!).selectOption('family');
    await page.getByRole('checkbox').first().check(); // the first candidate room
    await page.getByRole('button', { name: c.create }).click();

    // Find a time: at least three ranked proposals, each with a Book button.
    await page.waitForURL(/\/conferences\/[0-9a-f-]{36}$/);
    const conferencePath = new URL(page.url()).pathname;
    await page.locator('.conf-proposal').first().waitFor();
    expect(await page.locator('.conf-proposal').count()).toBeGreaterThanOrEqual(3);
    expect(
      await page.locator('.conf-proposal').getByRole('button', { name: c.book }).count(),
    ).toBeGreaterThanOrEqual(3);
    await expect
      .poll(() => page.locator('.conf-proposal').first().textContent())
      .toContain('Europe/Budapest');
    await axeAtBothSizes(page, 'proposals');

    await page.locator('.conf-proposal').first().getByRole('button', { name: c.book }).click();
    await page.getByRole('heading', { name: c.participantsTable }).waitFor();
    const agencies = await page.locator('.conf-person').allTextContents();
    expect(agencies).toHaveLength(5);
    expect(agencies.every((p) => p.includes(c.partstatNeedsAction!))).toBe(true);
    await expect.poll(() => page.locator('.conf-facts').textContent()).toMatch(/\d{2}:\d{2}/);
    await axeAtBothSizes(page, 'detail');

    // Outbox: one invitation per participant, each kept locally with an .ics.
    await page.getByRole('link', { name: c.outboxLink }).click();
    await page.waitForURL('**/conferences/outbox');
    // Other e2e files share this server's outbox: count only this conference's mails (its case_ref is in the subject).
    const mails = page.locator('.conf-mail').filter({ hasText: CASE_REF });
    await mails.first().waitFor();
    expect(await mails.count()).toBe(5);
    // The sender delivers to the local outbox in the background; text and .ics show once it has.
    await expect
      .poll(
        async () => {
          await page.reload();
          await mails.first().waitFor();
          return mails.locator('.conf-ics').count();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(5);
    const recipients = await mails.locator('.conf-break').allTextContents();
    expect(new Set(recipients).size).toBe(5);
    expect(recipients).toContain('family.member@example.org');
    for (let i = 0; i < 5; i++) {
      expect(await mails.nth(i).locator('.conf-ics').textContent()).toContain('METHOD:REQUEST');
    }
    const familyMail = mails.filter({ hasText: 'family.member@example.org' });
    expect(await familyMail.textContent()).toContain(tr.language!.tr);
    await axeAtBothSizes(page, 'outbox');

    // The family member answers through the link in their e-mail, without signing in.
    const body = (await familyMail.locator('pre').first().textContent()) ?? '';
    const link = /(\/conferences\/respond\?token=[A-Za-z0-9_-]{43})/.exec(body)?.[1];
    expect(link).toBeDefined();
    const visitor = await page.context().browser()!.newContext({ baseURL: b.baseUrl });
    const anon = await visitor.newPage();
    await anon.addInitScript(() => localStorage.setItem('caremap.lang', 'en'));
    await anon.goto(link!);
    await anon.getByRole('button', { name: c.respondAccept }).click();
    await anon.getByText(`Thank you. Your answer: ${c.partstatAccepted}`).waitFor();
    await visitor.close();

    // Cancel (after confirming): the detail says so; a CANCEL goes to everyone.
    await page.goto(conferencePath);
    await page.getByRole('heading', { name: c.participantsTable }).waitFor();
    await expect
      .poll(() => page.locator('.conf-person').filter({ hasText: 'Family Member' }).textContent())
      .toContain(c.partstatAccepted);
    await page.getByRole('button', { name: c.cancelConference }).click();
    await page.getByRole('alertdialog').waitFor();
    await axeAtBothSizes(page, 'cancel dialog');
    await page.getByRole('button', { name: c.cancelConfirm }).click();
    await page.getByText(c.cancelledNote!).waitFor();
    await expect
      .poll(
        async () => {
          await page.goto('/conferences/outbox');
          await mails.first().waitFor();
          return mails.locator('.conf-ics').filter({ hasText: 'METHOD:CANCEL' }).count();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(5);
    expect(b.errors.filter((e) => !/409|Conflict/i.test(e))).toEqual([]);
  });

  it("shows a clear page in the visitor's language for a bad respond link, signed out", async () => {
    const page = b.page;
    await page.addInitScript(() => localStorage.setItem('caremap.lang', 'tr'));
    for (const token of ['not-a-token', 'B'.repeat(43)]) {
      await page.goto(`/conferences/respond?token=${token}&response=accepted`);
      if (token.length === 43) {
        // Well-formed but unknown: opening changes nothing, the answer is refused, the page says why.
        await page.getByRole('button', { name: tr.conferences!.respondAccept }).click();
      }
      await page.getByRole('heading', { name: tr.conferences!.invalidTitle, level: 1 }).waitFor();
      expect(await page.locator('body').textContent()).not.toMatch(/TRPC|stack|Error:/);
    }
    await axeAtBothSizes(page, '/conferences/respond (bad token)');
  });
});
