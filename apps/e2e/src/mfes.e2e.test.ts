import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { catalog, text } from './catalog';

const b = useBrowser();
const en = catalog('en');

describe('microfrontends on seeded data', () => {
  it('/find lists the seeded services beside the map, with no request leaving the machine', async () => {
    const outside: string[] = [];
    b.page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(b.baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:'))
        outside.push(url);
    });
    await b.page.goto('/find');
    await b.page.getByRole('heading', { name: en.find!.title, level: 1 }).waitFor();
    await b.page.locator('.maplibregl-canvas').waitFor();
    await b.page.getByRole('heading', { name: text(en, 'find.results.title'), exact: true }).waitFor();
    // "Services found: 2,026" (digits grouped by the language's separator).
    const status = b.page.locator('.find-body__count');
    await expect.poll(async () => (await status.innerText()).replace(/\D/g, '')).toMatch(/^\d{4,}$/);
    expect(Number((await status.innerText()).replace(/\D/g, ''))).toBeGreaterThanOrEqual(2000);
    await expect.poll(() => b.page.locator('.find-result').count()).toBe(20);
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
