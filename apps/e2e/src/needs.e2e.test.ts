// The needs register as the seeded Vysočina networker, in Czech: an empty description is refused
// next to the field; a need is recorded, shows in the list and in this quarter's figures, is marked
// met in place, and survives a reload; axe finds nothing serious at 1280 and 360 px.
import { describe, expect, it } from 'vitest';
import { axeAtBothSizes, signInAsDemo } from './axe';
import { useBrowser } from './browser';
import { catalog, text } from './catalog';

const b = useBrowser();
const cs = catalog('cs');

describe('needs register', () => {
  it('records a need, marks it met, and counts it in the quarter', async () => {
    const { page } = b;
    await signInAsDemo(page, 'networker@demo.caremap.eu');
    await page.addInitScript(() => localStorage.setItem('caremap.lang', 'cs'));
    await page.goto('/network');
    await page.getByRole('link', { name: text(cs, 'needs.link') }).click();
    await page.getByRole('heading', { name: text(cs, 'needs.title'), level: 1 }).waitFor();
    await page.getByLabel(text(cs, 'coverage.fieldTerritory')).selectOption({ label: 'ORP Telč' });

    const quarters = page.getByRole('table', { name: /čtvrtletí roku/ });
    await quarters.waitFor();
    const quarterNow = Math.floor(new Date().getUTCMonth() / 3);
    const newThisQuarter = async () =>
      Number(
        (await quarters.locator('tbody tr').nth(quarterNow).locator('td').first().textContent())?.replace(
          /\s/g,
          '',
        ),
      );
    const before = await newThisQuarter();

    await page.getByLabel(text(cs, 'needs.fieldCategory')).selectOption({ label: 'Dluhové poradenství' });
    await page.getByRole('button', { name: text(cs, 'needs.save') }).click();
    await page.getByText(text(cs, 'needs.errorDescription')).waitFor();

    const description = `Chybí dluhové poradenství v obcích Telčska (${Date.now()})`;
    await page.getByLabel(text(cs, 'needs.fieldDescription')).fill(description);
    await page.getByLabel(text(cs, 'needs.fieldSeverity')).selectOption('high');
    await page.getByRole('button', { name: text(cs, 'needs.save') }).click();
    const row = page.getByRole('row').filter({ hasText: description });
    await row.waitFor();
    expect(await row.textContent()).toContain(text(cs, 'needs.severity.high'));
    await expect.poll(newThisQuarter).toBe(before + 1);

    await axeAtBothSizes(page, 'needs');

    await row.getByRole('combobox').selectOption('met');
    await expect.poll(() => row.getByRole('combobox').inputValue()).toBe('met');
    await page.reload();
    await page.getByLabel(text(cs, 'coverage.fieldTerritory')).selectOption({ label: 'ORP Telč' });
    const again = page.getByRole('row').filter({ hasText: description });
    await again.waitFor();
    expect(await again.getByRole('combobox').inputValue()).toBe('met');
    expect(b.errors).toEqual([]);
    await page.context().clearCookies();
  });
});
