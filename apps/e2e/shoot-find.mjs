// Screenshots of /find for a human to look at: desktop and 360 px, in the given languages.
// node apps/e2e/shoot-find.mjs http://localhost:3205 /tmp/find-shots hu,tr
import { chromium } from 'playwright-core';

const [base = 'http://localhost:3205', out = '/tmp/find-shots', langs = 'hu,tr', only = ''] =
  process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 780 } };
const pages = JSON.parse(process.env.SHOTS ?? '{}');
for (const lang of langs.split(',')) {
  for (const [vpName, viewport] of Object.entries(viewports)) {
    const context = await browser.newContext({ viewport, locale: lang });
    await context.addInitScript((l) => localStorage.setItem('caremap.lang', l), lang);
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && console.log(`[${lang} ${vpName}] console:`, m.text()));
    for (const [name, path] of Object.entries(pages)) {
      if (only && !name.includes(only)) continue;
      await page.goto(base + path);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(1200);
      const file = `${out}/${name}-${lang}-${vpName}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      if (vpName === 'phone') {
        // The first two screens too, at a size the eye can read.
        for (const [i, y] of [0, viewport.height].entries()) {
          const part = `${out}/${name}-${lang}-${vpName}-screen${i + 1}.png`;
          await page.screenshot({
            path: part,
            fullPage: true,
            clip: { x: 0, y, width: viewport.width, height: viewport.height },
          });
          console.log(part);
        }
      }
    }
    await context.close();
  }
}
await browser.close();
