import { describe, expect, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { catalog, languages, RAW_KEY } from './catalog';

const b = useBrowser();
const en = catalog('en');

describe('shell', () => {
  it('shows the layout at / with navigation and a clean console', async () => {
    await b.page.goto('/');
    await b.page.getByRole('heading', { name: en.home!.title }).waitFor();
    const nav = b.page.getByRole('navigation', { name: en.nav!.label });
    for (const key of ['find', 'network', 'conferences']) {
      await nav.getByRole('link', { name: en.nav![key] }).waitFor();
    }
    expect(b.errors).toEqual([]);
  });

  it('switches among hu, cs, tr and en, sets <html lang>, remembers the choice, and leaves no key untranslated', async () => {
    await b.page.goto('/find');
    for (const language of languages) {
      const strings = catalog(language);
      // The header's switch (the /find filters have a "Language of the service" field too).
      const header = b.page.getByRole('banner');
      await header
        .getByLabel(catalog('en').language!.label!)
        .or(header.getByLabel(strings.language!.label!))
        .first()
        .selectOption(language);
      await b.page.waitForFunction((lng) => document.documentElement.lang === lng, language);
      await b.page.getByRole('heading', { name: strings.find!.title, level: 1 }).waitFor();
      await b.page
        .getByRole('navigation', { name: strings.nav!.label })
        .getByRole('link', { name: strings.nav!.network })
        .waitFor();
      await b.page.locator('.maplibregl-canvas').waitFor();
      await b.page.waitForLoadState('networkidle');
      const text = await b.page.locator('body').innerText();
      expect(text).not.toMatch(RAW_KEY);
      await b.page.screenshot({ path: `${screenshotDir}find-${language}.png`, fullPage: true });
    }
    await b.page.reload();
    await b.page.waitForFunction(() => document.documentElement.lang === 'en');
    await b.page.getByRole('banner').getByLabel(en.language!.label!).selectOption('hu');
    await b.page.reload();
    await b.page.getByRole('heading', { name: catalog('hu').find!.title, level: 1 }).waitFor();
    expect(await b.page.evaluate(() => document.documentElement.lang)).toBe('hu');
    expect(b.errors).toEqual([]);
  });

  it('renders its own 404 page for an unknown address', async () => {
    const response = await b.page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await b.page.getByRole('heading', { name: en.notFound!.title }).waitFor();
    await b.page.getByRole('navigation', { name: en.nav!.label }).waitFor();
    // Chromium reports the page's own 404 status in the console; nothing else may be there.
    expect(b.errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
  });

  it('keeps the rest of CareMap working when one microfrontend fails to load', async () => {
    await b.page.route('**/mfe/network/**', (route) =>
      route.fulfill({ status: 500, body: 'down for the test' }),
    );
    await b.page.goto('/network');
    await b.page.getByRole('alert').filter({ hasText: en.mfe!.loadFailedTitle }).waitFor();
    const nav = b.page.getByRole('navigation', { name: en.nav!.label });
    await nav.getByRole('link', { name: en.nav!.find }).click();
    await b.page.getByRole('heading', { name: en.find!.title, level: 1 }).waitFor();
    await b.page.locator('.maplibregl-canvas').waitFor();
  });
});
