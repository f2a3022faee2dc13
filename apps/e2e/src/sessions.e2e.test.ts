import { describe, expect, it } from 'vitest';
import { launchChromium, screenshotDir, useBrowser } from './browser';
import { catalog } from './catalog';

const b = useBrowser();
const en = catalog('en');

describe('sign out everywhere', () => {
  it('ends the session on the other device too', async () => {
    const signIn = async (page: typeof b.page) => {
      await page.goto('/login');
      await page.getByLabel(en.fields!.email!).fill('coordinator@demo.caremap.eu');
      await page.getByLabel(en.fields!.password!).fill('caremap-demo');
      await page.getByRole('button', { name: en.auth!.submit }).click();
      await page.getByRole('button', { name: en.auth!.signOutEverywhere }).waitFor();
    };
    const other = await launchChromium();
    try {
      const phone = await (await other.newContext({ baseURL: b.baseUrl })).newPage();
      await signIn(phone);
      await signIn(b.page);
      await b.page.setViewportSize({ width: 360, height: 740 });
      await b.page.screenshot({ path: `${screenshotDir}header-signed-in-360-en.png` });
      await b.page.getByRole('button', { name: en.auth!.signOutEverywhere }).click();
      await b.page.getByRole('link', { name: en.auth!.signIn }).first().waitFor();
      await phone.goto('/network');
      await phone.getByRole('link', { name: en.auth!.signIn }).first().waitFor();
      expect(await phone.getByRole('button', { name: en.auth!.signOut, exact: true }).count()).toBe(0);
    } finally {
      await other.close();
    }
    expect(b.errors).toEqual([]);
  });
});
