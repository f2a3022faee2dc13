import { fakeApi } from '@caremap/api-client/testing';
import { setupReactRoot } from '@caremap/ui/testing';
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import type { ServiceDetail } from '../api';
import { isoWeekday } from './HoursTable';

const t = setupReactRoot();

// biome-ignore lint/suspicious/noExplicitAny: the dir branch's procedures are not in AppRouter yet
const api = (handlers: Record<string, (input: any) => unknown>) => fakeApi(handlers as never);

const service: ServiceDetail = {
  id: 's1',
  name: 'Safe house for mothers with children',
  description: 'Temporary housing.',
  organization: { id: 'o1', name: 'Diakonie', website: null },
  url: 'https://example.org/safe',
  email: 'help@example.org',
  phones: [{ number: '+420 567 123 456', description: 'non-stop' }],
  eligibilityDescription: 'Mothers with children in danger at home.',
  minimumAge: 0,
  maximumAge: 18,
  languages: ['cs', 'uk', 'rom'],
  free: true,
  costs: [],
  feesDescription: null,
  wheelchair: false,
  accessibility: [],
  attendingType: 'in_person',
  applicationProcess: null,
  timeZone: 'Europe/Prague',
  hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '16:00' })),
  scheduleNote: null,
  openNow: false,
  nextOpening: '2026-03-02T07:00:00Z',
  locations: [
    {
      id: 'l1',
      name: null,
      addressHidden: true,
      address: null,
      approximateArea: 'Jihlava',
      lat: 49.4,
      lng: 15.6,
      transportation: null,
    },
  ],
};

beforeEach(() => {
  window.history.replaceState(null, '', '/find/services/s1?q=azyl&place=3074199&town=Jihlava&open=1');
});

describe('a service page', () => {
  it('shows the facts a family needs, contacts as links, today in the week, and a hidden address only as its area', async () => {
    vi.stubGlobal('fetch', api({ 'directory.service': () => service }));
    t.root.render(<App />);
    await vi.waitFor(() => expect(t.container.querySelector('h1')?.textContent).toBe(service.name));
    const text = t.container.textContent ?? '';
    expect(text).toContain('Ages 0 to 18');
    expect(text).toContain('Czech, Ukrainian, Romany');
    expect(text).toContain('Free of charge');
    expect(text).toContain('Not wheelchair accessible');
    expect(text).toContain('Closed now');
    expect(text).toContain('in the area of Jihlava');
    expect(t.container.querySelector('address')).toBeNull();
    expect(t.container.querySelector('a[href^="tel:"]')?.getAttribute('href')).toBe('tel:+420567123456');
    expect(t.container.querySelector('a[href^="mailto:"]')?.getAttribute('href')).toBe(
      'mailto:help@example.org',
    );
    // The hidden location's (approximate) point is not drawn as if it were a place.
    expect(t.container.querySelector('.find-service__map')).toBeNull();

    const today = t.container.querySelector('.find-hours tr.is-today');
    expect(today?.getAttribute('aria-current')).toBe('date');
    expect(today?.textContent).toContain('(today)');
    expect(t.container.querySelectorAll('.find-hours tr.is-today')).toHaveLength(1);
    const names = [...t.container.querySelectorAll('.find-hours tbody th')].map((th) => th.textContent);
    expect(names[0]).toMatch(/^Monday/);
    expect(names[isoWeekday(new Date(), 'Europe/Prague') - 1]).toContain('(today)');
  });

  it('goes back to the same results, with focus on the service it came from', async () => {
    vi.stubGlobal(
      'fetch',
      api({
        'directory.service': () => service,
        'directory.search': () => ({
          total: 2,
          page: 1,
          size: 20,
          items: ['s0', 's1'].map((id) => ({
            id,
            name: id === 's1' ? service.name : 'Another service',
            organizationName: 'Diakonie',
            distanceMeters: 1000,
            lat: 49.4,
            lng: 15.6,
            openNow: true,
          })),
        }),
      }),
    );
    t.root.render(<App />);
    await vi.waitFor(() => expect(t.container.querySelector('.find-back')).not.toBeNull());
    const back = t.container.querySelector('.find-back') as HTMLAnchorElement;
    expect(back.getAttribute('href')).toBe('/find?q=azyl&place=3074199&town=Jihlava&open=1');
    await act(async () => back.click());
    expect(window.location.pathname).toBe('/find');
    await vi.waitFor(() =>
      expect((t.container.querySelector('input[type="search"]') as HTMLInputElement)?.value).toBe('azyl'),
    );
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe(service.name));
    expect(document.activeElement?.className).toBe('find-result__link');
  });
});
