import { FakeApiError, fakeApi } from '@caremap/api-client/testing';
import { setupReactRoot } from '@caremap/ui/testing';
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import type { SearchInput, SearchItem } from '../api';

const t = setupReactRoot();

const item = (i: number, over: Partial<SearchItem> = {}): SearchItem => ({
  id: `s${i}`,
  name: `Family counselling ${String(i).padStart(2, '0')}`,
  organizationId: 'o1',
  organizationName: 'Diakonie Jihlava',
  status: 'active',
  distanceMeters: 1200 * i,
  locationId: `l${i}`,
  lat: 49.4 + i / 100,
  lng: 15.59,
  openNow: i % 2 === 0,
  ...over,
});

/** A fake search over 45 services; `openNow` leaves the even ones. Records every input. */
function searchHandler(inputs: SearchInput[]) {
  return (input: SearchInput) => {
    inputs.push(input);
    let all = Array.from({ length: 45 }, (_, i) => item(i + 1));
    if (input.openNow) all = all.filter((s) => s.openNow);
    if (input.text === 'nothing') all = [];
    const page = input.page ?? 1;
    const size = input.size ?? 20;
    return {
      total: all.length,
      page,
      size,
      at: '2026-12-02T09:00:00.000Z',
      items: all.slice((page - 1) * size, page * size),
    };
  };
}

const places = [
  {
    id: 3074199,
    name: 'Jihlava',
    country: 'CZ',
    label: 'Jihlava, Czechia',
    lat: 49.396,
    lng: 15.591,
    population: 50100,
  },
  {
    id: 3074200,
    name: 'Jihlávka',
    country: 'CZ',
    label: 'Jihlávka, Czechia',
    lat: 49.2,
    lng: 15.4,
    population: 300,
  },
];

const api = fakeApi;

const status = () => t.container.querySelector('.find-body__count')?.textContent ?? '';
const results = () => [...t.container.querySelectorAll('.find-result__link')].map((a) => a.textContent);
const button = (name: string) =>
  [...t.container.querySelectorAll('button')].find((b) => b.textContent?.includes(name)) as HTMLButtonElement;
const key = (element: Element, k: string) =>
  act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  });
const type = (input: HTMLInputElement, value: string) =>
  act(() => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });

beforeEach(() => {
  window.history.replaceState(null, '', '/find');
});

describe('the /find search', () => {
  it('reads the whole query from the URL and sends it as the search input', async () => {
    const inputs: SearchInput[] = [];
    vi.stubGlobal('fetch', api({ 'directory.search': searchHandler(inputs) }));
    window.history.replaceState(
      null,
      '',
      '/find?q=poradna&place=3074199&town=Jihlava&r=10&age=12&lang=uk&page=2',
    );
    t.root.render(<App />);
    await vi.waitFor(() => expect(results()).toHaveLength(20));
    expect(inputs.at(-1)).toEqual({
      text: 'poradna',
      placeId: 3074199,
      radiusMeters: 10_000,
      age: 12,
      language: 'uk',
      sort: 'relevance',
      page: 2,
      size: 20,
    });
    expect(results()[0]).toBe('Family counselling 21');
    expect((t.container.querySelector('input[type="search"]') as HTMLInputElement).value).toBe('poradna');
    expect((t.container.querySelector('[role="combobox"]') as HTMLInputElement).value).toBe('Jihlava');
    expect(t.container.querySelector('.find-pages')?.textContent).toContain('Page 2 of 3');
  });

  it('announces the number of results in a polite live region, and updates it when a chip is turned on', async () => {
    const inputs: SearchInput[] = [];
    vi.stubGlobal('fetch', api({ 'directory.search': searchHandler(inputs) }));
    t.root.render(<App />);
    await vi.waitFor(() => expect(status()).toBe('Services found: 45'));
    const region = t.container.querySelector('.find-body__count')!;
    expect(region.getAttribute('aria-live')).toBe('polite');

    const open = button('Open now');
    expect(open.getAttribute('aria-pressed')).toBe('false');
    await act(async () => open.click());
    await vi.waitFor(() => expect(status()).toBe('Services found: 22'));
    expect(inputs.at(-1)).toMatchObject({ openNow: true, page: 1 });
    expect(window.location.search).toBe('?open=1');
    expect(button('Open now').getAttribute('aria-pressed')).toBe('true');

    // Back undoes the filter: the URL is the state.
    await act(async () => {
      window.history.back();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    });
    await vi.waitFor(() => expect(status()).toBe('Services found: 45'));
    expect(window.location.search).toBe('');
    expect(button('Open now').getAttribute('aria-pressed')).toBe('false');
  });

  it('sends the language, attending type and category chosen in the filters', async () => {
    const inputs: SearchInput[] = [];
    vi.stubGlobal(
      'fetch',
      api({
        'directory.search': searchHandler(inputs),
        'taxonomy.terms': () => [
          {
            id: 'g1',
            code: 'family_support',
            label: 'Family support',
            terms: [{ id: 't1', code: 'mediation', label: 'Mediation' }],
          },
        ],
      }),
    );
    t.root.render(<App />);
    await vi.waitFor(() => expect(results()).toHaveLength(20));
    const selectByLabel = (label: string) => {
      const l = [...t.container.querySelectorAll('label')].find((x) => x.textContent === label)!;
      return document.getElementById(l.htmlFor) as HTMLSelectElement;
    };
    const language = selectByLabel('Language of the service');
    expect([...language.options].map((o) => o.value)).toEqual([
      '',
      'hu',
      'cs',
      'sk',
      'tr',
      'en',
      'de',
      'uk',
      'rom',
    ]);
    expect([...language.options].find((o) => o.value === 'uk')?.textContent).toBe('Ukrainian');
    await act(async () => {
      language.value = 'rom';
      language.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(inputs.at(-1)).toMatchObject({ language: 'rom' }));
    const mode = selectByLabel('How it is offered');
    await act(async () => {
      mode.value = 'phone';
      mode.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(inputs.at(-1)).toMatchObject({ language: 'rom', attendingType: 'phone' }));
    expect(new URLSearchParams(window.location.search).get('mode')).toBe('phone');
    const category = selectByLabel('Type of service');
    await vi.waitFor(() => expect(category.options).toHaveLength(3));
    expect([...category.options].map((o) => o.textContent)).toEqual([
      'All types',
      'All of “Family support”',
      'Mediation',
    ]);
    await act(async () => {
      category.value = 't1';
      category.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() =>
      expect(inputs.at(-1)).toMatchObject({ taxonomyTermIds: ['t1'], attendingType: 'phone' }),
    );
    expect(new URLSearchParams(window.location.search).get('cat')).toBe('t1');
  });

  it('shows an empty state that suggests a wider search', async () => {
    vi.stubGlobal('fetch', api({ 'directory.search': searchHandler([]) }));
    window.history.replaceState(null, '', '/find?q=nothing&place=3074199&town=Jihlava&open=1');
    t.root.render(<App />);
    await vi.waitFor(() =>
      expect(t.container.querySelector('.cm-state__title')?.textContent).toBe(
        'No service matches this search',
      ),
    );
    expect(status()).toBe('Services found: 0');
    await act(async () => button('Search within 50 km').click());
    expect(new URLSearchParams(window.location.search).get('r')).toBe('50');
    expect(button('Clear filters')).toBeDefined();
  });

  it('shows an error with a retry that searches again', async () => {
    let fail = true;
    const inputs: SearchInput[] = [];
    const ok = searchHandler(inputs);
    vi.stubGlobal(
      'fetch',
      api({
        'directory.search': (input: SearchInput) => {
          if (fail) throw new FakeApiError('INTERNAL_SERVER_ERROR', 500);
          return ok(input);
        },
      }),
    );
    t.root.render(<App />);
    await vi.waitFor(
      () =>
        expect(t.container.querySelector('[role="alert"]')?.textContent).toContain(
          'The search could not be completed.',
        ),
      { timeout: 10_000 },
    );
    expect(t.container.querySelector('[role="alert"]')?.textContent).toContain(
      'Something went wrong on the server',
    );
    fail = false;
    await act(async () => button('Try again').click());
    await vi.waitFor(() => expect(results()).toHaveLength(20));
  });

  it('offers towns as you type: arrows move the active option, Enter picks it, Escape closes', async () => {
    const inputs: SearchInput[] = [];
    vi.stubGlobal(
      'fetch',
      api({ 'directory.search': searchHandler(inputs), 'directory.places': () => places }),
    );
    t.root.render(<App />);
    // Typing waits for the first render's effects (the form syncs its draft with the URL once).
    await vi.waitFor(() => expect(results()).toHaveLength(20));
    const box = t.container.querySelector('[role="combobox"]') as HTMLInputElement;
    const listbox = document.getElementById(box.getAttribute('aria-controls')!)!;
    expect(box.getAttribute('aria-expanded')).toBe('false');
    await type(box, 'jihl');
    await vi.waitFor(() => expect(listbox.querySelectorAll('[role="option"]')).toHaveLength(2));
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(box.hasAttribute('aria-activedescendant')).toBe(false);

    await key(box, 'ArrowDown');
    const options = [...listbox.querySelectorAll('[role="option"]')];
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    await key(box, 'ArrowDown');
    expect(box.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    await key(box, 'ArrowUp');
    await key(box, 'ArrowUp'); // wraps to the last
    expect(box.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    await key(box, 'ArrowDown'); // wraps to the first
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]!.id);

    await key(box, 'Enter');
    expect(box.value).toBe('Jihlava');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(box.hasAttribute('aria-activedescendant')).toBe(false);

    // Submitting puts the town in the URL and the search.
    await act(async () => (t.container.querySelector('search form') as HTMLFormElement).requestSubmit());
    expect(window.location.search).toBe('?place=3074199&town=Jihlava');
    await vi.waitFor(() =>
      expect(inputs.at(-1)).toMatchObject({ placeId: 3074199, radiusMeters: 25_000, sort: 'distance' }),
    );

    // Escape closes an open list and keeps the text; a second Escape clears the field.
    await type(box, 'jihla');
    await vi.waitFor(() => expect(box.getAttribute('aria-expanded')).toBe('true'));
    await key(box, 'Escape');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(box.value).toBe('jihla');
    await key(box, 'Escape');
    expect(box.value).toBe('');
  });

  it('says clearly when the location is refused', async () => {
    vi.stubGlobal('fetch', api({ 'directory.search': searchHandler([]) }));
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {
        getCurrentPosition: (_ok: unknown, fail: (e: { code: number; PERMISSION_DENIED: number }) => void) =>
          fail({ code: 1, PERMISSION_DENIED: 1 }),
      },
    });
    t.root.render(<App />);
    await vi.waitFor(() => expect(button('Use my location')).toBeDefined());
    await act(async () => button('Use my location').click());
    expect(t.container.querySelector('.find-search__problem')?.textContent).toContain(
      'Your browser did not allow us to use your location',
    );
    Reflect.deleteProperty(navigator, 'geolocation');
  });

  it('highlights the marker of a hovered result and moves through results with the arrow keys', async () => {
    vi.stubGlobal('fetch', api({ 'directory.search': searchHandler([]) }));
    t.root.render(<App />);
    await vi.waitFor(() => expect(results()).toHaveLength(20));
    const links = [...t.container.querySelectorAll<HTMLAnchorElement>('.find-result__link')];
    await act(async () => links[0]!.focus());
    expect(links[0]!.closest('li')?.className).toContain('is-highlighted');
    await key(links[0]!, 'ArrowDown');
    expect(document.activeElement).toBe(links[1]);
    expect(links[1]!.closest('li')?.className).toContain('is-highlighted');
    expect(links[0]!.closest('li')?.className).not.toContain('is-highlighted');
  });
});

describe('paging', () => {
  it('goes to the next page by a real link, then focus starts at the top of the results', async () => {
    const inputs: SearchInput[] = [];
    vi.stubGlobal('fetch', api({ 'directory.search': searchHandler(inputs) }));
    t.root.render(<App />);
    await vi.waitFor(() => expect(results()).toHaveLength(20));
    const next = [...t.container.querySelectorAll<HTMLAnchorElement>('.find-pages a')].find(
      (a) => a.textContent === 'Next page',
    )!;
    expect(next.getAttribute('href')).toBe('/find?page=2');
    await act(async () => next.click());
    await vi.waitFor(() => expect(results()[0]).toBe('Family counselling 21'));
    expect(inputs.at(-1)).toMatchObject({ page: 2 });
    expect(document.activeElement?.textContent).toBe('Services');
    expect(t.container.querySelector('.find-results')?.getAttribute('start')).toBe('21');
  });

  it('a page past the end (fewer results now) shows the last page instead', async () => {
    vi.stubGlobal('fetch', api({ 'directory.search': searchHandler([]) }));
    window.history.replaceState(null, '', '/find?open=1&page=9');
    t.root.render(<App />);
    await vi.waitFor(() => expect(window.location.search).toBe('?open=1&page=2'));
    await vi.waitFor(() => expect(results()).toHaveLength(2));
  });
});
