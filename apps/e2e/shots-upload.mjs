import { randomUUID } from 'node:crypto';
import { chromium } from 'playwright-core';
const base = 'http://localhost:3103';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const svc = (email, lat = 49.396) => ({ id: randomUUID(), name: 'Rodinná poradna', status: 'active', organization: { id: randomUUID(), name: 'Centrum pro rodinu', description: 'NNO' }, contacts: [{ id: randomUUID(), name: 'K', email }], service_at_locations: [{ id: randomUUID(), location: { id: randomUUID(), location_type: 'physical', name: 'Jihlava', latitude: lat, longitude: 15.591 } }] });
for (const lang of ['cs', 'hu']) {
  for (const width of [1280, 360]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/login`);
    await page.evaluate((l) => localStorage.setItem('caremap.lang', l), lang);
    await page.goto(`${base}/login`);
    await page.locator('input[type=email]').fill('coordinator@demo.caremap.eu');
    await page.locator('input[type=password]').fill('caremap-demo');
    await page.locator('button[type=submit]').click();
    await page.waitForURL((u) => u.pathname !== '/login');
    await page.goto(`${base}/network/import`);
    await page.locator('input[type=file]').waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `/work/helpers/shots/upload/${lang}-${width}-empty.png`, fullPage: true });
    await page.locator('input[type=file]').setInputFiles({ name: 'sluzby.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([svc('a@example.org'), svc('spatny(at)mail'), svc('c@example.org', 47.5)])) });
    await page.locator('.imp-card button').click();
    await page.locator('.net-table caption').first().waitFor({ timeout: 60000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/work/helpers/shots/upload/${lang}-${width}-report.png`, fullPage: true });
    await page.locator('input[type=file]').setInputFiles({ name: 'dobre.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([svc('b@example.org')])) });
    await page.locator('.imp-card button').click();
    await page.locator('.imp-summary').waitFor({ timeout: 60000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/work/helpers/shots/upload/${lang}-${width}-summary.png`, fullPage: true });
    await ctx.close();
  }
}
await browser.close();
