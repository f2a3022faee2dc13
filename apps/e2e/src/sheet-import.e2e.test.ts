// /network/providers/import in Czech, as the seeded Vysočina networker: an empty sheet is refused
// with the reason; a spreadsheet of ten providers (Czech headers, the way networkers keep them) gets
// its columns matched, a preview with every town found in the gazetteer, and one import of all ten,
// which then appear in the providers table. axe finds nothing serious at 1280 and 360 px.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeAtBothSizes, signInAsDemo } from './axe';
import { useBrowser } from './browser';
import { catalog, text } from './catalog';

const b = useBrowser();
const cs = catalog('cs');
const s = (key: string, values?: Record<string, string | number>) => text(cs, `sheetImport.${key}`, values);

// Made-up names in towns of the networker's three ORPs (Jihlava, Třebíč, Telč).
const towns = [
  ['Rodinné centrum Kopretina', 'Masarykovo nám. 1', '58601', 'Jihlava'],
  ['Klub Slunečnice', 'Karlovo nám. 5', '67401', 'Třebíč'],
  ['Poradna Modrásek', 'Náměstí T. G. Masaryka 10', '58901', 'Třešť'],
  ['Spolek Jeřabina', 'nám. Zachariáše z Hradce 2', '58856', 'Telč'],
  ['Středisko Pampeliška', 'Husovo nám. 3', '58813', 'Polná'],
  ['Sanace Vlaštovka', 'nám. Svobody 4', '58832', 'Brtnice'],
  ['Mediace Luční', 'Jihlavská 6', '58822', 'Luka nad Jihlavou'],
  ['Terapie Podzimka', 'Jihlavská 7', '67521', 'Okříšky'],
  ['Doprovázení Konvalinka', 'Stařeč 8', '67522', 'Stařeč'],
  ['Terénní služba Mateřídouška', 'Husova 9', '58255', 'Batelov'],
] as const;

/** Ten providers, each name carrying the run's suffix so the table can be filtered to them. */
function tenProviders(suffix: string): string {
  const rows = towns.map(
    ([kind, street, postcode, town], i) =>
      `${kind} ${town} ${suffix};${street};${postcode};${town};+420 567 000 ${String(100 + i)}`,
  );
  return ['Název organizace;Adresa;PSČ;Obec;Telefon', ...rows].join('\n');
}

async function upload(page: Page, name: string, content: string) {
  await page
    .getByLabel(s('file'))
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
}

describe('spreadsheet import of providers', () => {
  it('refuses an empty sheet, then imports ten providers after the preview and shows them in the table', async () => {
    const { page } = b;
    await signInAsDemo(page, 'networker@demo.caremap.eu');
    // Czech from here on (the sign-in helper reads the English form).
    await page.addInitScript(() => localStorage.setItem('caremap.lang', 'cs'));
    await page.goto('/network/providers');
    await page.getByRole('link', { name: s('link') }).click();
    await page.getByRole('heading', { name: s('title'), level: 1 }).waitFor();

    // Headers only: a clear refusal, and nothing to import.
    await upload(page, 'prazdna.csv', 'Název organizace;Obec\n');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(s('problem.empty_sheet'));
    expect(await page.getByRole('button', { name: s('apply') }).count()).toBe(0);

    const suffix = `e2e-${randomUUID().slice(0, 6)}`;
    await upload(page, 'poskytovatele.csv', tenProviders(suffix));
    // The Czech headers are matched to our fields without the user's help.
    const mapped = (field: string) =>
      page.getByLabel(new RegExp(`^${s(`field.${field}`)}`)).evaluate((el) => {
        const select = el as HTMLSelectElement;
        return select.options[select.selectedIndex]?.text;
      });
    expect(await mapped('organizationName')).toBe('Název organizace');
    expect(await mapped('town')).toBe('Obec');
    expect(await mapped('phone')).toBe('Telefon');
    const counts = s('counts', { ok: 10, warning: 0, error: 0, duplicate: 0 });
    await expect.poll(() => page.locator('#sheet-step3 + p').textContent()).toBe(counts);
    const preview = page.getByRole('region', { name: s('step3') });
    expect(await preview.getByRole('row').count()).toBe(11);
    expect(await preview.getByRole('row').nth(4).textContent()).toContain('Telč');
    await axeAtBothSizes(page, 'spreadsheet preview');

    await page.getByRole('button', { name: s('apply') }).click();
    await page
      .getByRole('status')
      .getByText(s('done', { count: 10 }))
      .waitFor();
    await page.getByRole('link', { name: s('toProviders') }).click();
    const table = page.getByRole('table', { name: text(cs, 'providers.tableCaption') });
    await table.waitFor({ timeout: 30_000 });
    // The table shows one territory at a time: the ten rows are spread over the networker's three
    // seeded ORPs (other tests may add custom territories inside them, which show some rows again).
    const territory = page.getByLabel(text(cs, 'providers.territory'), { exact: true });
    const orps = ['ORP Jihlava', 'ORP Třebíč', 'ORP Telč'];
    let shown = 0;
    for (const name of orps) {
      await territory.selectOption({ label: name });
      await table.waitFor({ timeout: 30_000 });
      await page.getByLabel(text(cs, 'providers.filterText')).fill(suffix);
      await expect.poll(() => table.locator('tbody tr', { hasText: suffix }).count()).toBeGreaterThan(0);
      shown += await table.locator('tbody tr', { hasText: suffix }).count();
    }
    expect(shown).toBe(10);
  });
});
