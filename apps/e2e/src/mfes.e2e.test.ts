import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { catalog } from './catalog';

const b = useBrowser();
const en = catalog('en');

describe('microfrontends on seeded data', () => {
  it('/find shows the map of seeded services, their count and a list, with no request leaving the machine', async () => {
    const outside: string[] = [];
    b.page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(b.baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:'))
        outside.push(url);
    });
    await b.page.goto('/find');
    await b.page.getByRole('heading', { name: en.directory!.title, level: 1 }).waitFor();
    await b.page.locator('.maplibregl-canvas').waitFor();
    const stats = b.page
      .getByRole('region', { name: en.directory!.statsLabel })
      .or(b.page.getByLabel(en.directory!.statsLabel!));
    // Digits only: 2,026 / 2 026 / 2.026 depending on the language.
    const digits = async () =>
      (await stats.first().innerText()).replace(/(?<=\d)[\s,.\u00a0\u202f](?=\d{3})/g, '');
    await expect.poll(digits).toMatch(/\d{4,}/);
    const numbers = ((await digits()).match(/\d+/g) ?? []).map(Number);
    expect(Math.max(...numbers)).toBeGreaterThanOrEqual(2000);
    await b.page.getByRole('heading', { name: en.directory!.listTitle }).waitFor();
    await b.page.waitForLoadState('networkidle');
    expect(outside).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('/network and /conferences ask an anonymous visitor to sign in', async () => {
    await b.page.goto('/network');
    await b.page.getByRole('heading', { name: en.network!.signInTitle }).waitFor();
    await b.page.goto('/conferences');
    await b.page.getByRole('heading', { name: en.conferences!.signInTitle }).waitFor();
    expect(b.errors).toEqual([]);
  });
});
