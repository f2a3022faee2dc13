import { describe, expect, it } from 'vitest';
import { isUnder, safeNext } from './routing';

describe('safeNext', () => {
  const origin = 'http://localhost:3000';

  it('returns to the page the visitor came from', () => {
    expect(safeNext('/network', origin)).toBe('/network');
    expect(safeNext('/find?x=1', origin)).toBe('/find?x=1');
    expect(safeNext('/conferences#week', origin)).toBe('/conferences#week');
    expect(safeNext(`${origin}/find`, origin)).toBe('/find');
  });

  it('never leaves the site, however the target is disguised', () => {
    // What URLSearchParams hands over for ?next=/%09/evil.example and friends: the browser strips
    // tabs and newlines, and reads backslashes as slashes, before it resolves the URL.
    for (const next of [
      null,
      '',
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r\n/evil.example',
      '\t//evil.example',
      ' //evil.example',
      'https:evil.example',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://localhost:3000@evil.example/',
      'http://localhost:3001/',
      'https://localhost:3000/',
    ]) {
      expect(safeNext(next, origin), JSON.stringify(next)).toBe('/');
    }
  });

  it('never loops back to sign-in', () => {
    for (const next of ['/login', '/login/', '/login?next=/x', '/./login']) {
      expect(safeNext(next, origin), next).toBe('/');
    }
  });
});

describe('isUnder', () => {
  it('matches a route prefix and its sub-paths only', () => {
    expect(isUnder('/find', '/find')).toBe(true);
    expect(isUnder('/find/42', '/find')).toBe(true);
    expect(isUnder('/finder', '/find')).toBe(false);
  });
});
