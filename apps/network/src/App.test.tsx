import type { RouterOutputs, SessionUser } from '@caremap/api-client';
import { FakeApiError, type FakeHandlers, fakeApi } from '@caremap/api-client/testing';
import { setupReactRoot } from '@caremap/ui/testing';
import { describe, expect, it, vi } from 'vitest';
import { App } from './App';

const t = setupReactRoot();

const networker: SessionUser = {
  id: 'u1',
  email: 'n@x.eu',
  displayName: 'Jana Nováková',
  locale: 'cs',
  roles: [],
};
const jihlava: RouterOutputs['territory']['mine']['items'][number] = {
  id: 't1',
  name: 'ORP Jihlava',
  kind: 'orp',
  country: 'CZ',
  approximate: true,
  geometry: {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [15.4, 49.3],
          [15.8, 49.3],
          [15.6, 49.5],
          [15.4, 49.3],
        ],
      ],
    ],
  },
  locationCount: 76,
  partnerInstitutionCount: 15,
};

async function renderWith(handlers: FakeHandlers) {
  vi.stubGlobal('fetch', fakeApi(handlers));
  t.root.render(<App />);
}

describe('network', () => {
  it('asks an anonymous visitor to sign in, without asking the API for territories', async () => {
    const mine = vi.fn(() => {
      throw new FakeApiError('UNAUTHORIZED', 401);
    });
    await renderWith({ 'auth.me': () => ({ user: null }), 'territory.mine': mine });
    await vi.waitFor(() => expect(t.container.textContent).toContain('Sign in to see your network'));
    expect(t.container.querySelector('a')?.getAttribute('href')).toBe('/login?next=/network');
    expect(mine).not.toHaveBeenCalled();
  });

  it("lists the user's territories with kind, approximate badge and counts", async () => {
    await renderWith({
      'auth.me': () => ({ user: networker }),
      'territory.mine': () => ({ items: [jihlava] }),
    });
    await vi.waitFor(() => expect(t.container.querySelector('table')).not.toBeNull());
    const row = t.container.querySelector('tbody tr')!;
    expect(row.querySelector('th')?.textContent).toContain('ORP Jihlava');
    expect(row.textContent).toContain('Approximate boundary');
    expect(row.textContent).toContain('ORP (municipality with extended powers)');
    expect(row.textContent).toContain('Czechia');
    expect([...row.querySelectorAll('td.net-num')].map((td) => td.textContent)).toEqual(['76', '15']);
    // jsdom has no WebGL: the map says so instead of breaking the page.
    await vi.waitFor(() =>
      expect(t.container.querySelector('.cm-map__unavailable')?.textContent).toContain('cannot be shown'),
    );
  });

  it('shows an empty state when no territory is assigned', async () => {
    await renderWith({ 'auth.me': () => ({ user: networker }), 'territory.mine': () => ({ items: [] }) });
    await vi.waitFor(() => expect(t.container.querySelector('h2')?.textContent).toBe('No territories yet'));
  });
});
