import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { catalog } from './catalog';

const b = useBrowser();
const en = catalog('en');
const hu = catalog('hu');
const PASSWORD = 'caremap-demo';

async function signIn(page: Page, email: string, password: string, strings = en) {
  await page.getByLabel(strings.fields!.email!).fill(email);
  await page.getByLabel(strings.fields!.password!).fill(password);
  await page.getByRole('button', { name: strings.auth!.submit }).click();
}

describe('signing in and out', () => {
  it('tells a wrong password clearly, in the language of the page', async () => {
    await b.page.goto('/login');
    await b.page.getByLabel(en.language!.label!).selectOption('hu');
    await b.page.getByRole('heading', { name: hu.auth!.loginTitle }).waitFor();
    await signIn(b.page, 'organiser@demo.caremap.eu', 'not-the-password', hu);
    await b.page.getByRole('alert').filter({ hasText: hu.errors!.invalidCredentials }).waitFor();
    // Still on the sign-in page, not signed in.
    expect(new URL(b.page.url()).pathname).toBe('/login');
  });

  it('names the field and the problem for a malformed e-mail', async () => {
    await b.page.goto('/login');
    await signIn(b.page, 'not-an-email', PASSWORD);
    await b.page.getByText(en.fields!.email!, { exact: false }).first().waitFor();
    const alert = b.page.getByRole('alert');
    await alert.first().waitFor();
    expect(await alert.first().innerText()).toContain(en.fields!.email!);
  });

  it('signs an organiser in, shows their upcoming conferences, and signs out', async () => {
    await b.page.goto('/login?next=/conferences');
    await signIn(b.page, 'organiser@demo.caremap.eu', PASSWORD);
    await b.page.waitForURL('**/conferences');
    await b.page.getByRole('heading', { name: en.conferences!.title, level: 1 }).waitFor();
    await expect.poll(() => b.page.getByText(/[A-Z]{2}-[A-Z0-9]+-\d{4}-\d+/).count()).toBeGreaterThan(0);
    await b.page.screenshot({ path: `${screenshotDir}conferences-organiser-en.png`, fullPage: true });
    const cookies = await b.page.context().cookies();
    expect(cookies.find((c) => c.name === 'caremap_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });

    await b.page.getByRole('button', { name: en.auth!.signOut, exact: true }).click();
    await b.page.getByRole('link', { name: en.auth!.signIn }).waitFor();
    await b.page.getByRole('heading', { name: en.conferences!.signInTitle }).waitFor();
    expect(b.errors).toEqual([]);
  });

  it('shows a coordinator the empty state on /conferences and their territories on /network', async () => {
    await b.page.goto('/login?next=/network');
    await signIn(b.page, 'coordinator@demo.caremap.eu', PASSWORD);
    await b.page.waitForURL('**/network');
    await b.page.getByRole('heading', { name: en.network!.title, level: 1 }).waitFor();
    await b.page.getByRole('table').getByText('Jihlava').first().waitFor();
    await b.page.locator('.maplibregl-canvas').waitFor();
    await b.page.waitForLoadState('networkidle');
    await b.page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    await b.page.screenshot({ path: `${screenshotDir}network-coordinator-en.png`, fullPage: true });
    await b.page
      .getByRole('navigation', { name: en.nav!.label })
      .getByRole('link', { name: en.nav!.conferences })
      .click();
    await b.page.getByRole('heading', { name: en.conferences!.emptyTitle }).waitFor();
    expect(b.errors).toEqual([]);
  });
});
