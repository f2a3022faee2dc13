// Territories as the seeded Vysočina networker: their ORPs in the tree (Kraj Vysočina above them
// for context), a GeoJSON polygon imported, a polygon drawn with mouse clicks on the map, the
// specific self-intersection error (with the repaired preview offered) for a bowtie file; axe finds
// nothing serious at 1280 and 360 px.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations, signInAsDemo } from './axe';
import { useBrowser } from './browser';
import { catalog, type Language, text } from './catalog';

const b = useBrowser();

const geojson = (name: string, ring: number[][]) => ({
  name,
  mimeType: 'application/geo+json',
  buffer: Buffer.from(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }],
    }),
  ),
});
// Inside ORP Jihlava (the seat is at 15.59 E, 49.40 N).
const square = [
  [15.55, 49.37],
  [15.63, 49.37],
  [15.63, 49.43],
  [15.55, 49.43],
  [15.55, 49.37],
];
const bowtie = [
  [15.55, 49.37],
  [15.63, 49.43],
  [15.63, 49.37],
  [15.55, 49.43],
  [15.55, 49.37],
];

async function strings(page: Page) {
  const lang = (await page.evaluate(() => document.documentElement.lang)) as Language;
  return catalog(['hu', 'cs', 'tr', 'en'].includes(lang) ? lang : 'en');
}

async function openNewTerritory(page: Page) {
  await page.goto('/network/territories/new?parent=');
  const s = await strings(page);
  await page.getByRole('heading', { name: text(s, 'territories.newTitle'), level: 1 }).waitFor();
  return s;
}

describe.each([
  { width: 1280, height: 900 },
  { width: 360, height: 740 },
])('territories at $width px', (viewport) => {
  it('shows the networker’s territories in the tree and refuses a bowtie file, axe-clean', async () => {
    const { page } = b;
    await page.setViewportSize(viewport);
    await signInAsDemo(page, 'networker@demo.caremap.eu');
    await page.goto('/network');
    const tree = page.getByRole('tree');
    await tree.waitFor();
    const items = tree.getByRole('treeitem');
    await expect.poll(() => items.count()).toBe(4);
    const names = (await items.allTextContents()).join(' | ');
    for (const name of ['Vysočina', 'ORP Jihlava', 'ORP Třebíč', 'ORP Telč']) expect(names).toContain(name);
    // Keyboard: the first item takes focus, Down moves to the first ORP, Enter opens its page.
    await items.first().focus();
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-level'));
    expect(focused).toBe('2');
    expect(await seriousViolations(page), 'tree').toEqual([]);

    const s = await openNewTerritory(page);
    await page.getByLabel(text(s, 'territories.fileLabel')).setInputFiles(geojson('bowtie.geojson', bowtie));
    const error = page.locator('[data-problem]');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.getAttribute('data-problem')).toBe('self_intersection');
    expect(await error.textContent()).toBe(text(s, 'territories.problem.self_intersection'));
    await page.getByRole('button', { name: text(s, 'territories.confirm.repaired') }).waitFor();
    expect(await page.getByRole('button', { name: text(s, 'territories.create') }).isDisabled()).toBe(true);
    expect(await seriousViolations(page), 'bowtie error').toEqual([]);
    await page.context().clearCookies();
  });
});

describe('creating territories at 1280 px', () => {
  it('imports a GeoJSON polygon and draws one with the mouse', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInAsDemo(page, 'networker@demo.caremap.eu');
    let s = await openNewTerritory(page);
    const imported = `Import e2e ${Date.now()}`;
    await page.getByLabel(text(s, 'territories.name')).fill(imported);
    await page.getByLabel(text(s, 'territories.fileLabel')).setInputFiles(geojson('jihlava.geojson', square));
    await page.locator('.terr-ok').waitFor({ timeout: 30_000 });
    expect(await seriousViolations(page), 'import preview').toEqual([]);
    await page.getByRole('button', { name: text(s, 'territories.create') }).click();
    await page.getByRole('heading', { name: imported, level: 1 }).waitFor({ timeout: 30_000 });
    expect(page.url()).toMatch(/\/network\/territories\/[0-9a-f-]{36}$/);
    const download = page.getByRole('link', { name: text(s, 'territories.download') });
    const response = await page.request.get((await download.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    expect((await response.json()).properties.name).toBe(imported);
    // The same plain URL without the session cookie: refused.
    const anonymous = await fetch(new URL((await download.getAttribute('href'))!, page.url()));
    expect(anonymous.status).toBe(401);
    expect(await seriousViolations(page), 'territory page').toEqual([]);

    s = await openNewTerritory(page);
    const drawnName = `Drawn e2e ${Date.now()}`;
    await page.getByLabel(text(s, 'territories.name')).fill(drawnName);
    await page.getByRole('tab', { name: text(s, 'territories.tab.draw') }).click();
    const map = page.locator('.terr-draw[data-ready="true"]');
    await map.waitFor({ timeout: 30_000 });
    const canvas = page.locator('.terr-draw canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const points = [
      [cx - 40, cy - 30],
      [cx + 40, cy - 30],
      [cx + 40, cy + 30],
      [cx - 40, cy + 30],
    ];
    for (const [x, y] of points) {
      await page.mouse.move(x!, y!, { steps: 3 });
      await page.mouse.down();
      await page.mouse.up();
    }
    // Close the polygon on its first point.
    await page.mouse.move(points[0]![0]!, points[0]![1]!, { steps: 3 });
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(() => page.locator('.terr-draw').getAttribute('data-vertices')).toBe('4');
    await page.getByRole('button', { name: text(s, 'territories.create') }).click();
    await page.getByRole('heading', { name: drawnName, level: 1 }).waitFor({ timeout: 30_000 });

    // Without a mouse: the corners typed under the map; a bad line is named first.
    s = await openNewTerritory(page);
    const typedName = `Typed e2e ${Date.now()}`;
    await page.getByLabel(text(s, 'territories.name')).fill(typedName);
    await page.getByRole('tab', { name: text(s, 'territories.tab.draw') }).click();
    await page.locator('.terr-corners summary').focus();
    await page.keyboard.press('Enter');
    const corners = page.getByLabel(text(s, 'territories.corners.label'));
    await corners.fill('49.38, 15.56\nJihlava\n49.42, 15.60');
    await page.getByRole('button', { name: text(s, 'territories.corners.use') }).press('Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: text(s, 'territories.corners.format', { line: 2 }) })
      .waitFor();
    expect(await seriousViolations(page), 'typed corners error').toEqual([]);
    await corners.fill('49.38, 15.56\n49.38, 15.62\n49.42, 15.60');
    await page.getByRole('button', { name: text(s, 'territories.corners.use') }).press('Enter');
    await expect
      .poll(() => page.locator('.terr-row[aria-live] span').textContent())
      .not.toBe(text(s, 'territories.drawNothing'));
    expect(await page.locator('.terr-row[aria-live] span').textContent()).toContain('3');
    await page.getByRole('button', { name: text(s, 'territories.create') }).press('Enter');
    await page.getByRole('heading', { name: typedName, level: 1 }).waitFor({ timeout: 30_000 });

    await page.goto('/network');
    const tree = page.getByRole('tree');
    await tree.waitFor();
    // The new territories sit under ORP Jihlava: open it with the keyboard.
    const jihlava = tree.locator('[role=treeitem][aria-level="2"]').filter({ hasText: 'ORP Jihlava' });
    await jihlava.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => jihlava.getAttribute('aria-expanded')).toBe('true');
    const names = (await tree.locator('[role=treeitem][aria-level="3"]').allTextContents()).join(' | ');
    expect(names).toContain(imported);
    expect(names).toContain(drawnName);
    expect(names).toContain(typedName);
    await page.context().clearCookies();
  });
});
