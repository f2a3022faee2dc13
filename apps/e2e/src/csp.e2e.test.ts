// The strict Content-Security-Policy in a real browser: every page renders with script-src 'self'
// 'nonce-...' and no 'unsafe-inline', with no violation reported, signed out and signed in; and a
// script injected into the page without the nonce does not run.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { catalog, text } from './catalog';

const b = useBrowser();
const en = catalog('en');
const hu = catalog('hu');

/** What the browser said about the policy: console messages and securitypolicyviolation events. */
let violations: string[] = [];

beforeEach(async () => {
  violations = [];
  b.page.setDefaultTimeout(20_000);
  b.page.on('console', (msg) => {
    if (msg.text().includes('Content Security Policy')) violations.push(`console: ${msg.text()}`);
  });
  // Survives navigations; runs before any page script, and is not itself subject to the policy.
  await b.page.exposeFunction('__caremapCspViolation', (text: string) => violations.push(text));
  await b.page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __caremapCspViolation: (text: string) => void })
        .__caremapCspViolation;
      report(
        `event: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
});

/** Errors other than the 404 status Chromium logs for the not-found page itself. */
const pageErrors = () => b.errors.filter((e) => !/status of 404/.test(e));

interface Route {
  path: string;
  status?: number;
  /** Resolves once the page's main content is on screen. */
  rendered: (page: Page) => Promise<unknown>;
}

const heading = (page: Page, name: string | undefined, level?: number) =>
  page.getByRole('heading', { name, exact: true, ...(level ? { level } : {}) }).waitFor();

const common: Route[] = [
  { path: '/', rendered: (p) => heading(p, en.home!.title) },
  { path: '/login', rendered: (p) => heading(p, en.auth!.loginTitle) },
  {
    path: '/find',
    rendered: async (p) => {
      await heading(p, en.find!.title, 1);
      await heading(p, text(en, 'find.results.title'));
      await p.locator('.maplibregl-canvas').waitFor();
    },
  },
  { path: '/no-such-page', status: 404, rendered: (p) => heading(p, en.notFound!.title) },
];

const signedOut: Route[] = [
  ...common,
  { path: '/network', rendered: (p) => heading(p, en.network!.signInTitle) },
  { path: '/conferences', rendered: (p) => heading(p, en.conferences!.signInTitle) },
];

const signedIn: Route[] = [
  ...common,
  {
    path: '/network',
    rendered: async (p) => {
      await heading(p, en.network!.title, 1);
      await p
        .getByRole('table')
        .or(p.getByRole('heading', { name: en.network!.emptyTitle }))
        .first()
        .waitFor();
    },
  },
  {
    path: '/conferences',
    rendered: async (p) => {
      await heading(p, en.conferences!.title, 1);
      await p
        .getByText(/[A-Z]{2}-[A-Z0-9]+-\d{4}-\d+/)
        .first()
        .waitFor();
    },
  },
];

/** Opens a page, waits for its main content and for it to settle, and fails on any violation. */
async function visit({ path, status = 200, rendered }: Route) {
  const response = await b.page.goto(path);
  expect(response?.status(), path).toBe(status);
  try {
    await rendered(b.page);
  } catch (error) {
    throw new Error(
      `${path} did not render its main content.\nCSP: ${JSON.stringify(violations, null, 2)}\nerrors: ${JSON.stringify(b.errors, null, 2)}\n${error}`,
    );
  }
  await b.page.waitForLoadState('networkidle');
  await b.page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  expect(violations, path).toEqual([]);
  expect(pageErrors(), path).toEqual([]);
}

/** Waits until the map has finished moving and drawing: two snapshots of it half a second apart match. */
async function mapSettled(page: Page) {
  const canvas = page.locator('.maplibregl-canvas');
  let previous: Buffer | undefined;
  for (let i = 0; i < 30; i++) {
    await page.waitForTimeout(500);
    const shot = await canvas.screenshot();
    if (previous?.equals(shot)) return;
    previous = shot;
  }
}

async function signIn() {
  await b.page.goto('/login');
  await b.page.getByLabel(en.fields!.email!).fill('organiser@demo.caremap.eu');
  await b.page.getByLabel(en.fields!.password!).fill('caremap-demo');
  await b.page.getByRole('button', { name: en.auth!.submit }).click();
  await b.page.getByRole('button', { name: en.auth!.signOut, exact: true }).waitFor();
}

describe('strict Content-Security-Policy in the browser', () => {
  it('is strict: scripts by nonce only, the page’s scripts carry it', async () => {
    const response = await b.page.goto('/');
    const csp = response?.headers()['content-security-policy'] ?? '';
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    const nonce = scriptSrc.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    await heading(b.page, en.home!.title);
    // Every script, including the import map the boot script inserted, carries the nonce.
    const scripts = await b.page.evaluate(() =>
      [...document.scripts].map((s) => ({ type: s.type, src: s.src, nonce: s.nonce })),
    );
    expect(scripts.map((s) => s.type)).toContain('importmap');
    for (const script of scripts) expect(script.nonce, JSON.stringify(script)).toBe(nonce);
  });

  it('renders every page signed out with no violation', async () => {
    for (const route of signedOut) await visit(route);
  });

  it('renders every page signed in with no violation', async () => {
    await signIn();
    for (const route of signedIn) await visit(route);
  });

  it('blocks a script injected into the page without the nonce', async () => {
    await visit(common[0]!);
    const marker = '__caremapInjectedScriptRan';
    // Playwright inserts a <script> with this text, as an XSS payload would.
    await b.page.addScriptTag({ content: `window.${marker} = true;` }).catch(() => undefined);
    // An inline event handler is blocked as well.
    await b.page.evaluate((name) => {
      const img = document.createElement('img');
      img.setAttribute('onerror', `window.${name}Handler = true`);
      img.src = 'data:,not-an-image';
      document.body.appendChild(img);
    }, marker);
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
    expect(await b.page.evaluate((name) => name in window, marker)).toBe(false);
    expect(await b.page.evaluate((name) => `${name}Handler` in window, marker)).toBe(false);
    expect(violations.some((v) => v.startsWith('event: script-src'))).toBe(true);
    // The page itself keeps working.
    await heading(b.page, en.home!.title);
  });

  it('keeps import-map-overrides working: an override in localStorage lands in the nonce’d map', async () => {
    await visit(common[0]!);
    const defaults = (await (await b.page.request.get('/importmap.json')).json()) as {
      imports: Record<string, string>;
    };
    const override = `${defaults.imports['@caremap/directory']}?override=e2e`;
    await b.page.evaluate(
      (url) => localStorage.setItem('import-map-override:@caremap/directory', url),
      override,
    );
    const requested: string[] = [];
    b.page.on('request', (request) => requested.push(request.url()));
    await visit(common[2]!);
    const page = await b.page.evaluate(async () => {
      const el = document.querySelector<HTMLScriptElement>('script[type="importmap"]');
      const imo = (
        window as unknown as { importMapOverrides: { getDefaultMap(): Promise<{ imports: object }> } }
      ).importMapOverrides;
      return {
        map: JSON.parse(el?.textContent ?? '{}') as { imports: Record<string, string> },
        defaultMap: (await imo.getDefaultMap()).imports,
      };
    });
    expect(page.map.imports['@caremap/directory']).toBe(override);
    // Relative addresses from /importmap.json are made absolute against its URL, as the injector did.
    expect(page.map.imports['@caremap/root-config']).toBe(
      new URL(defaults.imports['@caremap/root-config']!, b.baseUrl).href,
    );
    expect(requested).toContain(new URL(override, b.baseUrl).href);
    // resetDefaultMap() was called: import-map-overrides (and its UI) sees the inserted map.
    expect(page.defaultMap).toHaveProperty(['@caremap/root-config']);
  });

  it('screenshots /find at desktop and phone width, in English and Hungarian', async () => {
    for (const [language, strings] of [
      ['en', en],
      ['hu', hu],
    ] as const) {
      for (const width of [1280, 360]) {
        await b.page.setViewportSize({ width, height: 860 });
        await b.page.goto('/');
        await b.page.evaluate((lng) => localStorage.setItem('caremap.lang', lng), language);
        await b.page.goto('/find');
        await heading(b.page, strings.find!.title, 1);
        // On a phone the map starts folded away behind a button (the list comes first).
        if (width === 360) await b.page.getByRole('button', { name: text(strings, 'find.map.show') }).click();
        await b.page.locator('.maplibregl-canvas').waitFor();
        await b.page.waitForLoadState('networkidle');
        await b.page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
        await mapSettled(b.page);
        expect(await b.page.evaluate(() => document.documentElement.lang)).toBe(language);
        await b.page.screenshot({
          path: `${screenshotDir}csp-find-${language}-${width}.png`,
          fullPage: true,
        });
      }
    }
    expect(violations).toEqual([]);
    expect(pageErrors()).toEqual([]);
  });
});
