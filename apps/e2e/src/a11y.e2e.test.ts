// Automated accessibility checks (axe-core, WCAG 2.1 A and AA rules) on every first screen, signed
// out and signed in. Serious and critical findings fail the test.

import { beforeEach, describe, expect, it } from 'vitest';
import { seriousViolations, signInAsDemo } from './axe';
import { useBrowser } from './browser';
import { catalog } from './catalog';

const b = useBrowser();
const en = catalog('en');

// Desktop and the narrowest phone we support: at 360 px tables scroll and menus collapse, which is
// where keyboard traps and unreachable scroll regions appear.
const viewports = [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
] as const;

describe.each(viewports)('accessibility (axe, WCAG 2.1 AA) at $width px', (viewport) => {
  beforeEach(async () => {
    await b.page.setViewportSize(viewport);
  });

  it('has no serious or critical findings on the public screens', async () => {
    for (const [path, heading] of [
      ['/', en.home!.title],
      ['/find', en.find!.title],
      ['/login', en.auth!.loginTitle],
      ['/network', en.network!.signInTitle],
      ['/no-such-page', en.notFound!.title],
    ] as const) {
      await b.page.goto(path);
      await b.page.getByRole('heading', { name: heading }).first().waitFor();
      await b.page.waitForLoadState('networkidle');
      expect(await seriousViolations(b.page), `${path} at ${viewport.width} px`).toEqual([]);
    }
  });

  it('has no serious or critical findings on the signed-in screens', async () => {
    await signInAsDemo(b.page, 'coordinator@demo.caremap.eu');
    await b.page.goto('/network');
    await b.page.getByRole('heading', { name: en.network!.title, level: 1 }).waitFor();
    await b.page.waitForLoadState('networkidle');
    expect(await seriousViolations(b.page), `/network at ${viewport.width} px`).toEqual([]);
    await b.page.context().clearCookies();
    await signInAsDemo(b.page, 'organiser@demo.caremap.eu');
    await b.page.goto('/conferences');
    await b.page.getByRole('heading', { name: en.conferences!.title, level: 1 }).waitFor();
    await b.page.waitForLoadState('networkidle');
    expect(await seriousViolations(b.page), `/conferences at ${viewport.width} px`).toEqual([]);
    await b.page.context().clearCookies();
  });
});
