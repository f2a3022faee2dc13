import { fakeApi } from '@caremap/api-client/testing';
import { setupReactRoot } from '@caremap/ui/testing';
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import type { ServiceDetail } from '../api';
import { isoWeekday } from './HoursTable';

const t = setupReactRoot();

const api = fakeApi;

const week = ['MO', 'TU', 'WE', 'TH', 'FR'].join(',');
const service: ServiceDetail = {
  id: 's1',
  name: 'Safe house for mothers with children',
  alternateName: null,
  description: 'Temporary housing.',
  status: 'active',
  alert: null,
  url: 'https://example.org/safe',
  eligibilityDescription: 'Mothers with children in danger at home.',
  minimumAge: 0,
  maximumAge: 18,
  applicationProcess: 'Call first.',
  waitTime: null,
  feesDescription: null,
  interpretationServices: null,
  organization: { id: 'o1', name: 'Diakonie', website: null },
  languages: [
    { code: 'cs', name: 'Czech' },
    { code: 'uk', name: 'Ukrainian' },
    { code: 'rom', name: 'Romani' },
  ],
  costOptions: [{ option: null, amount: null, currency: null, amountDescription: null, free: true }],
  phones: [{ number: '+420 567 123 456', extension: null, type: 'voice', description: 'non-stop' }],
  emails: ['help@example.org'],
  places: [
    {
      locationId: 'l1',
      name: null,
      addressHidden: true,
      city: 'Jihlava',
      address1: null,
      postalCode: null,
      country: 'CZ',
      transportation: null,
      lat: 49.4,
      lng: 15.6,
      accessibility: [],
      wheelchairAccessible: false,
    },
  ],
  schedules: [
    {
      id: 'sc1',
      locationId: null,
      byday: week,
      opensAt: '08:00',
      closesAt: '16:00',
      validFrom: null,
      validTo: null,
      description: null,
      attendingType: 'in_person',
      timezone: 'Europe/Prague',
    },
    {
      id: 'sc2',
      locationId: null,
      byday: 'SA',
      opensAt: '09:00',
      closesAt: '12:00',
      validFrom: '2020-01-01',
      validTo: '2020-12-31',
      description: null,
      attendingType: 'in_person',
      timezone: 'Europe/Prague',
    },
    {
      id: 'sc3',
      locationId: null,
      byday: 'TU',
      opensAt: '18:00',
      closesAt: '20:00',
      validFrom: null,
      validTo: null,
      description: 'Evening online consultations',
      attendingType: 'online',
      timezone: 'Europe/Prague',
    },
  ],
  at: '2026-12-02T09:00:00.000Z',
  openNow: false,
  today: null,
  nextOpening: '2026-12-03T07:00:00.000Z',
  openOnPublicHolidays: false,
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
    expect(text).toContain('Evening online consultations');
    expect(text).toMatch(/Opens Thursday,? 3 December 2026(,| at) 08:00/);
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
    const hours = [...t.container.querySelectorAll('.find-hours tbody td')].map((td) => td.textContent);
    // Weekdays 8-16, Tuesday also online in the evening; the Saturday rule expired in 2020.
    expect(hours).toEqual([
      '08:00–16:00',
      '08:00–16:00, 18:00–20:00 (Online)',
      '08:00–16:00',
      '08:00–16:00',
      '08:00–16:00',
      'Closed',
      'Closed',
    ]);
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
          at: '2026-12-02T09:00:00.000Z',
          items: ['s0', 's1'].map((id) => ({
            id,
            name: id === 's1' ? service.name : 'Another service',
            organizationId: 'o1',
            organizationName: 'Diakonie',
            status: 'active',
            distanceMeters: 1000,
            locationId: 'l1',
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
