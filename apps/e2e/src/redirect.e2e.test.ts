import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { catalog } from './catalog';

const b = useBrowser();
const en = catalog('en');

// ?next= values as an attacker would put them in a link: the browser strips tabs and newlines and
// reads backslashes as slashes when it resolves a URL, so each of these once meant evil.example.
const disguised = [
  '/%09/evil.example',
  '/%0a/evil.example',
  '/%0d%0a/evil.example',
  '%09//evil.example',
  '/%5Cevil.example',
  '%5C%5Cevil.example',
  '//evil.example/',
  'https://evil.example/',
  'https:evil.example',
  'javascript:alert(document.domain)',
];

describe('the sign-in redirect', () => {
  it('stays on CareMap for every disguised next=', async () => {
    const leftTo: string[] = [];
    await b.page.context().route(
      (url) => !url.href.startsWith(b.baseUrl),
      (route) => {
        leftTo.push(route.request().url());
        return route.abort();
      },
    );
    for (const next of disguised) {
      await b.page.goto(`/login?next=${next}`);
      await b.page.getByLabel(en.fields!.email!).fill('partner@demo.caremap.eu');
      await b.page.getByLabel(en.fields!.password!).fill('caremap-demo');
      await b.page.getByRole('button', { name: en.auth!.submit }).click();
      await b.page.waitForURL((url) => url.pathname !== '/login', { timeout: 15_000 }).catch(() => {});
      expect(new URL(b.page.url()).origin, next).toBe(new URL(b.baseUrl).origin);
      expect(new URL(b.page.url()).pathname, next).toBe('/');
      await b.page.getByRole('button', { name: en.auth!.signOut, exact: true }).click();
      await b.page.getByRole('link', { name: en.auth!.signIn }).first().waitFor();
    }
    expect(leftTo).toEqual([]);
    expect(b.errors.filter((e) => !e.includes('404'))).toEqual([]);
  });

  it('still returns to the page the visitor came from', async () => {
    await b.page.goto('/login?next=/network');
    await b.page.getByLabel(en.fields!.email!).fill('networker@demo.caremap.eu');
    await b.page.getByLabel(en.fields!.password!).fill('caremap-demo');
    await b.page.getByRole('button', { name: en.auth!.submit }).click();
    await b.page.waitForURL((url) => url.pathname === '/network');
    expect(new URL(b.page.url()).pathname).toBe('/network');
  });
});
