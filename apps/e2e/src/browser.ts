import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';

export const screenshotDir = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A browser for the test file and a fresh context + page per test, collecting console errors and
 * failed requests so a test can assert the page ran clean.
 */
export function useBrowser() {
  let browser: Browser;
  let context: BrowserContext;
  const state = { page: undefined as unknown as Page, errors: [] as string[], baseUrl: '' };
  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    browser = await launchChromium();
    state.baseUrl = inject('caremapUrl');
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ baseURL: state.baseUrl, viewport: { width: 1280, height: 860 } });
    state.page = await context.newPage();
    state.errors = [];
    state.page.on('console', (msg) => {
      if (msg.type() === 'error') state.errors.push(msg.text());
    });
    state.page.on('pageerror', (error) => state.errors.push(error.message));
  });
  afterEach(async () => {
    await context?.close();
  });
  return state;
}
