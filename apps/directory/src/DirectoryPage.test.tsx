import type { RouterOutputs } from '@caremap/api-client';
import { type FakeHandlers, fakeApi } from '@caremap/api-client/testing';
import { setupReactRoot } from '@caremap/ui/testing';
import { describe, expect, it, vi } from 'vitest';
import { App } from './App';

const t = setupReactRoot();

type Place = RouterOutputs['directory']['locations']['items'][number];

const places = Array.from(
  { length: 25 },
  (_, i): Place => ({
    locationId: `l${i}`,
    name: `Family Centre ${String(i + 1).padStart(2, '0')}`,
    organizationName: 'Diakonie',
    city: 'Jihlava',
    lat: 49.4,
    lng: 15.59,
    services: [{ id: `s${i}`, name: 'Family therapy' }],
  }),
);

const handlers: FakeHandlers = {
  'directory.overview': () => ({
    serviceCount: 2026,
    organizationCount: 660,
    locationCount: 1560,
    taxonomyTermCount: 58,
  }),
  'directory.mapPoints': () => ({ type: 'FeatureCollection', features: [] }),
  'directory.locations': (input) => {
    const { page = 1, size = 20 } = input;
    return { total: places.length, page, size, items: places.slice((page - 1) * size, page * size) };
  },
};

describe('the directory', () => {
  it('shows the counts and the places in view, with more on request and focus on the first new one', async () => {
    vi.stubGlobal('fetch', fakeApi(handlers));
    t.root.render(<App />);
    await vi.waitFor(() => expect(t.container.querySelectorAll('.dir-place')).toHaveLength(20));

    const stats = t.container.querySelector('[aria-label="The directory in numbers"]')!;
    expect(stats.textContent).toContain('2,026');
    expect(stats.textContent).toContain('660');
    expect(t.container.querySelector('.dir-list__summary')?.textContent).toBe(
      'Showing 20 of 25 places in the map view.',
    );
    expect(t.container.querySelector('.dir-place')?.textContent).toContain('Family therapy');

    const more = [...t.container.querySelectorAll('button')].find((b) => b.textContent === 'Show more')!;
    more.click();
    await vi.waitFor(() => expect(t.container.querySelectorAll('.dir-place')).toHaveLength(25));
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Family Centre 21'));
    expect([...t.container.querySelectorAll('button')].some((b) => b.textContent === 'Show more')).toBe(
      false,
    );
  });

  it('says when no place is in view', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({ ...handlers, 'directory.locations': () => ({ total: 0, page: 1, size: 20, items: [] }) }),
    );
    t.root.render(<App />);
    await vi.waitFor(() =>
      expect(t.container.querySelector('.dir-list h3')?.textContent).toBe(
        'No places in this part of the map',
      ),
    );
  });
});
