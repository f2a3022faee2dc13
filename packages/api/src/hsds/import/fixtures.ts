// Synthetic HSDS 3.0 files for the import tests and the bench: nested services as a directory
// would publish them (organization, location, contact with phone, schedule, language, cost).
import { writeFileSync } from 'node:fs';
import { v5 } from 'uuid';

const NS = '3b2f6c1e-7a4d-4c55-9a61-0c7f1d2e8b90';
const id = (kind: string, n: number) => v5(`${kind}:${n}`, NS);
const towns = [
  { city: 'Jihlava', region: 'Kraj Vysočina', postal: '586 01', country: 'CZ', lat: 49.396, lng: 15.591 },
  { city: 'Třebíč', region: 'Kraj Vysočina', postal: '674 01', country: 'CZ', lat: 49.215, lng: 15.882 },
  { city: 'Pécs', region: 'Baranya', postal: '7621', country: 'HU', lat: 46.072, lng: 18.233 },
  { city: 'Szeged', region: 'Csongrád-Csanád', postal: '6720', country: 'HU', lat: 46.253, lng: 20.148 },
];

export interface SyntheticOptions {
  /** 0-based index of the service whose contact gets an invalid e-mail. */
  badEmailAt?: number;
  /** Mark every tenth location as a hidden address (x_caremap_address_hidden). */
  hidden?: boolean;
  /** Services per organization. */
  perOrganization?: number;
  /** Appended to every service name (a changed file). */
  nameSuffix?: string;
}

export function syntheticService(n: number, options: SyntheticOptions = {}) {
  const org = Math.floor(n / (options.perOrganization ?? 10));
  const town = towns[org % towns.length]!;
  const hu = town.country === 'HU';
  const serviceId = id('service', n);
  const locationId = id('location', n);
  const contactId = id('contact', n);
  return {
    id: serviceId,
    name: `${hu ? `Családsegítő szolgálat ${n}` : `Rodinná poradna ${n}`}${options.nameSuffix ?? ''}`,
    description: hu
      ? 'Család- és gyermekjóléti szolgáltatás.'
      : 'Sociálně aktivizační služba pro rodiny s dětmi.',
    status: 'active',
    email: `info${n}@example.org`,
    minimum_age: 0,
    maximum_age: 18,
    organization: {
      id: id('organization', org),
      name: hu ? `Gyermekjóléti Központ ${org}` : `Centrum pro rodinu ${org}`,
      description: hu ? 'Önkormányzati fenntartású intézmény.' : 'Nestátní nezisková organizace.',
    },
    contacts: [
      {
        id: contactId,
        name: hu ? 'Kovács Anna' : 'Jana Nováková',
        title: hu ? 'családsegítő' : 'sociální pracovnice',
        email: n === options.badEmailAt ? 'jana.novakova(at)example.cz' : `kontakt${n}@example.org`,
        phones: [{ id: id('phone', n), number: hu ? '+36 72 123 456' : '+420 567 123 456', type: 'voice' }],
      },
    ],
    schedules: [
      {
        id: id('schedule', n),
        freq: 'WEEKLY',
        byday: 'MO,TU,WE,TH',
        opens_at: '08:00',
        closes_at: '16:00',
        timezone: hu ? 'Europe/Budapest' : 'Europe/Prague',
        attending_type: 'in_person',
      },
    ],
    languages: [{ id: id('language', n), name: hu ? 'magyar' : 'čeština', code: hu ? 'hu' : 'cs' }],
    cost_options: [{ id: id('cost', n), option: 'ingyenes', amount: 0, currency: hu ? 'HUF' : 'CZK' }],
    service_at_locations: [
      {
        id: id('sal', n),
        location: {
          id: locationId,
          location_type: 'physical',
          name: `${town.city} ${n}`,
          latitude: town.lat + (n % 100) / 1000,
          longitude: town.lng + (n % 50) / 1000,
          ...(options.hidden && n % 10 === 0 ? { x_caremap_address_hidden: true } : {}),
          addresses: [
            {
              id: id('address', n),
              address_1: hu ? `Kossuth utca ${n % 90}` : `Masarykovo náměstí ${n % 90}`,
              city: town.city,
              state_province: town.region,
              postal_code: town.postal,
              country: town.country,
              address_type: 'physical',
            },
          ],
        },
      },
    ],
  };
}

/** Writes `count` nested services as one JSON array. */
export function writeServices(path: string, count: number, options: SyntheticOptions = {}): void {
  const parts: string[] = [];
  for (let n = 0; n < count; n++) parts.push(JSON.stringify(syntheticService(n, options)));
  writeFileSync(path, `[\n${parts.join(',\n')}\n]\n`);
}
