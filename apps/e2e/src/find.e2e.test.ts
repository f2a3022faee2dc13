import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { useBrowser } from './browser';
import { catalog, text } from './catalog';

const b = useBrowser();
const en = catalog('en');

const TOWN = 'Jihlava';
const NEED = 'rodinná';

/** "Services found: 1,234" → 1234, once the live region has said it. */
async function resultCount(page: Page): Promise<number> {
  const status = page.locator('.find-body__count');
  await expect.poll(async () => (await status.innerText()).trim(), { timeout: 30_000 }).toMatch(/\d/);
  return Number((await status.innerText()).replace(/\D/g, ''));
}

async function firstNames(page: Page): Promise<string[]> {
  return page.locator('.find-result__link').allInnerTexts();
}

async function searchTownAndNeed(page: Page) {
  await page.goto('/find');
  await page.getByRole('heading', { name: en.find!.title, level: 1 }).waitFor();
  await page.getByLabel(text(en, 'find.text.label')).fill(NEED);
  const town = page.getByRole('combobox', { name: text(en, 'find.place.label') });
  await town.fill(TOWN.slice(0, 4));
  await page
    .getByRole('option', { name: new RegExp(`^${TOWN}`) })
    .first()
    .waitFor();
  await town.press('ArrowDown');
  await expect.poll(() => town.getAttribute('aria-activedescendant')).toBeTruthy();
  await town.press('Enter');
  await expect.poll(() => town.inputValue()).toBe(TOWN);
  await page.getByRole('button', { name: text(en, 'find.submit'), exact: true }).click();
  await page.waitForURL((url) => url.searchParams.has('place') && url.searchParams.get('q') === NEED);
}

describe('/find on the seeded data', () => {
  it('a town and a need give nearby services on the list and the map; "open now" changes them; the URL reproduces the search', async () => {
    // The map's vector tiles, as the browser asked for them (with their answers).
    const tiles: Array<{ url: URL; status: number; type: string | null }> = [];
    b.page.on('response', (res) => {
      const url = new URL(res.url());
      if (url.pathname.startsWith('/tiles/services/') && url.pathname.endsWith('.mvt'))
        tiles.push({ url, status: res.status(), type: res.headers()['content-type'] ?? null });
    });
    await searchTownAndNeed(b.page);
    const total = await resultCount(b.page);
    expect(total).toBeGreaterThan(0);
    const names = await firstNames(b.page);
    expect(names.length).toBe(Math.min(total, 20));
    // Nearby: every distance shown is within the default 25 km.
    const distances = (await b.page.locator('.find-result__meta').allInnerTexts())
      .map((meta) => /([\d.,]+) km/.exec(meta)?.[1])
      .filter(Boolean)
      .map((km) => Number(km!.replace(',', '.')));
    expect(distances.length).toBe(names.length);
    expect(Math.max(...distances)).toBeLessThanOrEqual(25);
    // The map draws vector tiles of the same search: the text, the town and the radius.
    const place = new URL(b.page.url()).searchParams.get('place');
    const searched = (t: (typeof tiles)[number]) =>
      t.url.searchParams.get('search') === NEED &&
      t.url.searchParams.get('place_id') === place &&
      t.url.searchParams.get('proximity') === '25000';
    await expect.poll(() => tiles.filter(searched).length, { timeout: 30_000 }).toBeGreaterThan(0);
    for (const t of tiles.filter(searched)) {
      expect(t.status === 200 || t.status === 304, t.url.href).toBe(true);
      if (t.status === 200) expect(t.type).toBe('application/vnd.mapbox-vector-tile');
    }
    await expect
      .poll(() => b.page.locator('.find-map .cm-map').getAttribute('data-tiles'))
      .toContain('place_id=');
    // Hovering a result highlights its marker.
    await b.page.locator('.find-result').first().hover();
    const firstId = await b.page.locator('.find-result').first().getAttribute('data-service-id');
    await expect
      .poll(() => b.page.locator('.find-map .cm-map').getAttribute('data-highlighted'))
      .toBe(firstId);

    await b.page.getByRole('button', { name: text(en, 'find.filters.openNow') }).click();
    await b.page.waitForURL((url) => url.searchParams.get('open') === '1');
    await expect.poll(() => resultCount(b.page)).not.toBe(total);
    // ... and the map reloads its tiles with the filter.
    await expect
      .poll(() => tiles.filter((t) => searched(t) && t.url.searchParams.get('open_now') === 'true').length, {
        timeout: 30_000,
        message: `map ${await b.page.locator('.find-map .cm-map').getAttribute('data-tiles')}; tiles asked for: ${tiles
          .slice(-4)
          .map((t) => `${t.url.pathname}${t.url.search} ${t.status}`)
          .join(', ')}`,
      })
      .toBeGreaterThan(0);
    const openTotal = await resultCount(b.page);
    expect(openTotal).toBeLessThan(total);
    const openNames = await firstNames(b.page);

    // A shared URL, opened afresh, gives the same search and the same results.
    const shared = b.page.url();
    const other = await b.page.context().newPage();
    await other.goto(shared);
    expect(await resultCount(other)).toBe(openTotal);
    expect(await firstNames(other)).toEqual(openNames);
    await expect
      .poll(() => other.getByRole('combobox', { name: text(en, 'find.place.label') }).inputValue())
      .toBe(TOWN);
    await expect
      .poll(() =>
        other.getByRole('button', { name: text(en, 'find.filters.openNow') }).getAttribute('aria-pressed'),
      )
      .toBe('true');
    await other.close();

    // Back undoes the filter.
    await b.page.goBack();
    await expect.poll(() => resultCount(b.page)).toBe(total);
    expect(b.errors).toEqual([]);
  });

  it('keyboard alone: from the search box to a service page and back to the same results', async () => {
    await b.page.goto(`/find?q=${encodeURIComponent(NEED)}`);
    await b.page.getByRole('heading', { name: en.find!.title, level: 1 }).waitFor();
    await resultCount(b.page);
    await b.page.getByLabel(text(en, 'find.text.label')).focus();
    await b.page.keyboard.press('Enter');
    const focusedClass = () => b.page.evaluate(() => document.activeElement?.className ?? '');
    for (let i = 0; i < 40 && !(await focusedClass()).includes('find-result__link'); i += 1) {
      await b.page.keyboard.press('Tab');
    }
    expect(await focusedClass()).toContain('find-result__link');
    // Arrow down moves to the next result.
    await b.page.keyboard.press('ArrowDown');
    const name = await b.page.evaluate(() => document.activeElement?.textContent ?? '');
    const searchUrl = b.page.url();
    await b.page.keyboard.press('Enter');
    await b.page.waitForURL(/\/find\/services\//);
    await b.page.getByRole('heading', { name, level: 1 }).waitFor();
    // The shell puts focus on the new page's heading; the way back is just before it.
    await expect.poll(() => b.page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    for (let i = 0; i < 10 && !(await focusedClass()).includes('find-back'); i += 1) {
      await b.page.keyboard.press('Shift+Tab');
    }
    expect(await focusedClass()).toContain('find-back');
    await b.page.keyboard.press('Enter');
    await b.page.waitForURL((url) => url.pathname === '/find');
    expect(new URL(b.page.url()).search).toBe(new URL(searchUrl).search);
    // Focus lands back on the result that was opened.
    await expect.poll(() => b.page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(name);
    expect(b.errors).toEqual([]);
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 360, height: 740 },
  ]) {
    it(`axe finds nothing serious or critical on the search and a service page at ${viewport.width} px`, async () => {
      await b.page.setViewportSize(viewport);
      await b.page.goto(`/find?q=${encodeURIComponent(NEED)}&open=1`);
      await resultCount(b.page);
      await b.page.waitForLoadState('networkidle');
      expect(await seriousViolations(b.page), `search at ${viewport.width} px`).toEqual([]);

      // The combobox with its list open, too.
      const town = b.page.getByRole('combobox', { name: text(en, 'find.place.label') });
      await town.fill('Jih');
      await b.page
        .getByRole('listbox', { name: text(en, 'find.place.label') })
        .getByRole('option')
        .first()
        .waitFor();
      await town.press('ArrowDown');
      expect(await seriousViolations(b.page), `open combobox at ${viewport.width} px`).toEqual([]);
      await town.press('Escape');

      await b.page.locator('.find-result__link').first().click();
      await b.page.waitForURL(/\/find\/services\//);
      await b.page.getByRole('heading', { name: text(en, 'find.suggest.title') }).waitFor();
      await b.page.waitForLoadState('networkidle');
      expect(await seriousViolations(b.page), `service page at ${viewport.width} px`).toEqual([]);

      // The suggest form's error state.
      await b.page.getByRole('button', { name: text(en, 'find.suggest.submit') }).click();
      await b.page.locator('.find-form__summary').waitFor();
      expect(await seriousViolations(b.page), `suggest errors at ${viewport.width} px`).toEqual([]);
      expect(b.errors).toEqual([]);
    });
  }
});
