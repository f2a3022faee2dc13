import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
const base = process.env.BASE ?? 'http://localhost:3917';
const en = JSON.parse(readFileSync(new URL('../../packages/ui/src/locales/en.json', import.meta.url)));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
// In the page: a public suggestion (proof of work solved with WebCrypto) for the first service of
// the networker's first territory.
async function suggest() {
  const get = async (path, input) => {
    const q = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    const r = await fetch(`/trpc/${path}${q}`);
    return (await r.json()).result.data.json;
  };
  const territories = await get('territory.mine');
  const list = await get('networkRecord.list', { territoryId: territories.items[0].id });
  const service = list.items.find((i) => i.services.length).services[0];
  const ch = await get('directory.suggestChallenge');
  let nonce = 0;
  for (;; nonce++) {
    const d = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(ch.challenge + nonce.toString(36))));
    let bits = 0;
    for (const b of d) { if (b === 0) { bits += 8; continue; } bits += Math.clz32(b) - 24; break; }
    if (bits >= ch.bits) break;
  }
  const r = await fetch('/trpc/directory.suggestEdit', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-caremap-csrf': decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('caremap_csrf='))?.slice(13) ?? '') },
    body: JSON.stringify({ json: { targetEntity: 'service', targetId: service.id, changes: { name: `${service.name} (rodinná poradna)`, phone: '+420 567 123 456' }, comment: 'Nový název od září.', language: 'cs', challenge: ch.challenge, nonce: nonce.toString(36) } }),
  });
  return r.status;
}
for (const lang of ['cs', 'hu']) {
  for (const width of [1280, 360]) {
    const context = await browser.newContext({ baseURL: base, viewport: { width, height: width > 400 ? 900 : 780 } });
    await context.addInitScript((l) => localStorage.setItem('caremap.lang', l), lang);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('pageerror', e.message));
    await page.goto('/login');
    await page.locator('input[type=email]').fill('networker@demo.caremap.eu');
    await page.locator('input[type=password]').fill('caremap-demo');
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((u) => u.pathname !== '/login');
    if (process.env.SUGGEST && lang === 'cs' && width === 1280) console.log('suggest', await page.evaluate(suggest));
    await page.goto('/network/providers');
    await page.locator('.prov-table table').waitFor({ timeout: 30000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/shots-prov2/${lang}-${width}-map.png`, fullPage: true });
    await page.locator('.prov-link').first().click();
    await page.locator('.prov-editor form').waitFor();
    await page.locator('.prov-editor').screenshot({ path: `/tmp/shots-prov2/${lang}-${width}-edit.png` });
    await page.locator('.prov-side .prov-actions button').first().click();
    await page.locator('.prov-place input').fill('Telč');
    await page.locator('.prov-place__option').first().click();
    await page.waitForTimeout(800);
    await page.locator('.prov-editor').screenshot({ path: `/tmp/shots-prov2/${lang}-${width}-add.png` });
    await page.locator('.prov-tabs button').nth(1).click();
    await page.locator('.prov-due table, .prov-due .cm-state').first().waitFor();
    await page.screenshot({ path: `/tmp/shots-prov2/${lang}-${width}-due.png` });
    await page.locator('.prov-tabs button').nth(2).click();
    await page.locator('.prov-queue').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/shots-prov2/${lang}-${width}-queue.png`, fullPage: true });
    await context.close();
  }
}
await browser.close();
