import { describe, expect, it } from 'vitest';
import { isUnder, safeNext } from './routing';

describe('safeNext', () => {
  it('returns to the page the visitor came from', () => {
    expect(safeNext('/network')).toBe('/network');
    expect(safeNext('/find?x=1')).toBe('/find?x=1');
  });

  it('never leaves the site or loops back to sign-in', () => {
    for (const next of [
      null,
      '',
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      'network',
      '/login',
      '/login?next=/x',
    ]) {
      expect(safeNext(next), String(next)).toBe('/');
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
