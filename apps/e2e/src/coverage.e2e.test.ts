// Coverage and gap analysis as the seeded Vysočina networker, in Czech: a missing service type is
// refused next to the field; ORP Třebíč and crisis help within 7 km lists the
// uncovered settlements with their population; the URL reproduces the analysis; the CSV link
// downloads the same settlements with the session cookie; axe finds nothing serious at 1280 and 360 px.
import { describe, expect, it } from 'vitest';
import { axeAtBothSizes, signInAsDemo } from './axe';
import { useBrowser } from './browser';
import { catalog, text } from './catalog';

const b = useBrowser();
const cs = catalog('cs');

describe('coverage and gaps', () => {
  it('lists the uncovered settlements with population, reproduces from the URL, downloads the CSV', async () => {
    const { page } = b;
    await signInAsDemo(page, 'networker@demo.caremap.eu');
    await page.addInitScript(() => localStorage.setItem('caremap.lang', 'cs'));
    await page.goto('/network');
    await page.getByRole('link', { name: text(cs, 'coverage.link') }).click();
    await page.getByRole('heading', { name: text(cs, 'coverage.title'), level: 1 }).waitFor();

    await page.getByLabel(text(cs, 'coverage.fieldTerritory')).selectOption({ label: 'ORP Třebíč' });
    await page.getByLabel(text(cs, 'coverage.fieldKm')).fill('7');
    await page.getByRole('button', { name: text(cs, 'coverage.analyse') }).click();
    await page.getByText(text(cs, 'coverage.errorTypes')).waitFor();
    expect(await page.locator('.cov-result').count()).toBe(0);

    await page.getByRole('checkbox', { name: 'Krizová pomoc', exact: true }).check();
    await page.getByRole('button', { name: text(cs, 'coverage.analyse') }).click();
    const gaps = page.getByRole('table', { name: text(cs, 'coverage.gapsCaption') });
    await gaps.waitFor({ timeout: 60_000 });
    const rows = gaps.locator('tbody tr');
    const names = await rows.locator('th').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    // Třebíč itself has crisis help; its outlying towns (Okříšky, Vladislav on the demo data) have not.
    expect(names).not.toContain('Třebíč');
    const populations = (await rows.locator('td:nth-child(2)').allTextContents()).map((p) =>
      Number(p.replace(/\s/g, '')),
    );
    expect(populations.every((p) => p > 0)).toBe(true);
    expect(populations).toEqual([...populations].sort((a, b2) => b2 - a));
    const status = (await page.getByRole('status').first().textContent()) ?? '';
    expect(status).toContain(`${names.length} z`);

    await axeAtBothSizes(page, 'result');

    // The URL holds the analysis: a reload shows the same table without pressing anything.
    expect(new URL(page.url()).searchParams.get('km')).toBe('7');
    await page.reload();
    await gaps.waitFor({ timeout: 60_000 });
    expect(await gaps.locator('tbody tr th').allTextContents()).toEqual(names);

    // The CSV is a plain URL fetched with the session cookie: the same uncovered settlements.
    const href = await page
      .getByRole('link', { name: text(cs, 'coverage.downloadCsv') })
      .getAttribute('href');
    expect(href).toMatch(/^\/api\/network\/coverage\.csv\?/);
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toContain('Obec');
    const uncovered = lines
      .slice(1)
      .map((l) => l.split(','))
      .filter((cells) => cells[3] === '0')
      .map((cells) => cells[1]);
    expect(uncovered).toEqual(names);
    expect(b.errors).toEqual([]);
    await page.context().clearCookies();
  });
});
