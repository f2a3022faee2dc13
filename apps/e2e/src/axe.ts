// Shared by the e2e suites: axe-core run inside the page, and the demo sign-in.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { catalog } from './catalog';

const en = catalog('en');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe's serious and critical WCAG 2.1 A/AA findings on the page, one readable line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: the page's CSP (rightly) refuses an injected inline script.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Signs a demo user in through the English login form and waits to leave it. */
export async function signInAsDemo(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel(en.fields!.email!).fill(email);
  await page.getByLabel(en.fields!.password!).fill('caremap-demo');
  await page.getByRole('button', { name: en.auth!.submit }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** The two widths every screen is checked at: a desktop and the narrowest phone we support. */
export const BOTH_SIZES = [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
] as const;

/**
 * axe on the current page at both widths (nothing serious or critical allowed), with an optional
 * step per width (a screenshot); the page is left at the desktop width.
 */
export async function axeAtBothSizes(
  page: Page,
  label: string,
  atEach?: (width: number) => Promise<void>,
): Promise<void> {
  for (const viewport of BOTH_SIZES) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(100);
    expect(await seriousViolations(page), `${label} at ${viewport.width} px`).toEqual([]);
    await atEach?.(viewport.width);
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}
