// A service that uses every HSDS object we store (program, contacts with phones, funding, cost
// options, required documents, service areas, attributes with a taxonomy, metadata, a phone
// language, location accessibility and schedules), at a HIDDEN address far from everything else,
// plus a second location of the same service that is public. For the HSDS contract tests.
import { type Database, schema } from '@caremap/db';
import { sql } from 'drizzle-orm';

export const HIDDEN_FIXTURE = {
  street: 'Rejtett menedék utca 77',
  postcode: 'H-8999',
  latitude: 47.08123,
  longitude: 17.91234,
  transportation: 'Bus 44 to the Rejtett stop, then the green gate',
  externalIdentifier: 'HRSZ-4711/2',
  accessibilityDetails: 'Ramp at the courtyard gate of Rejtett menedék utca 77',
} as const;

export async function insertRichService(db: Database) {
  const [taxonomy] = await db
    .insert(schema.taxonomy)
    .values({
      name: 'Fixture taxonomy',
      description: 'Terms for the HSDS fixture',
      uri: 'https://example.org/tax',
      version: '1',
    })
    .returning();
  const [term] = await db
    .insert(schema.taxonomyTerm)
    .values({
      code: 'fixture_shelter',
      name: 'Shelter',
      description: 'Protected accommodation',
      taxonomyId: taxonomy!.id,
      labels: { hu: 'Menedék', cs: 'Azylový dům', tr: 'Sığınak', en: 'Shelter' },
    })
    .returning();
  const [org] = await db
    .insert(schema.organization)
    .values({
      name: 'Fixture Shelter Association',
      description: 'Runs a protected shelter.',
      email: 'info@shelter.example.org',
      website: 'https://shelter.example.org',
      yearIncorporated: 1999,
      legalStatus: 'egyesület',
      taxId: '12345678-1-19',
    })
    .returning();
  const [program] = await db
    .insert(schema.program)
    .values({ organizationId: org!.id, name: 'Safe housing', description: 'Housing programme' })
    .returning();
  const [service] = await db
    .insert(schema.service)
    .values({
      organizationId: org!.id,
      programId: program!.id,
      name: 'Fixture crisis shelter for mothers and children',
      description: 'Protected accommodation; call first.',
      url: 'https://shelter.example.org/service',
      email: 'help@shelter.example.org',
      status: 'active',
      minimumAge: 0,
      maximumAge: 99,
      assuredDate: '2026-01-15',
      fees: 'none',
      alert: 'Call before coming',
    })
    .returning();
  const [hidden, visible] = await db
    .insert(schema.location)
    .values([
      {
        organizationId: org!.id,
        name: 'Shelter (address withheld)',
        latitude: HIDDEN_FIXTURE.latitude,
        longitude: HIDDEN_FIXTURE.longitude,
        addressHidden: true,
        transportation: HIDDEN_FIXTURE.transportation,
        externalIdentifier: HIDDEN_FIXTURE.externalIdentifier,
        externalIdentifierType: 'cadastral',
        url: 'https://maps.example.org/?q=47.08123,17.91234',
      },
      {
        organizationId: org!.id,
        name: 'Fixture counselling office',
        latitude: 47.5,
        longitude: 19.05,
        transportation: 'Tram 2',
      },
    ])
    .returning();
  await db.insert(schema.address).values([
    {
      locationId: hidden!.id,
      address1: HIDDEN_FIXTURE.street,
      city: 'Veszprém',
      stateProvince: 'Veszprém',
      postalCode: HIDDEN_FIXTURE.postcode,
      country: 'HU',
    },
    {
      locationId: visible!.id,
      address1: 'Nyilvános utca 1',
      city: 'Budapest',
      stateProvince: 'Budapest',
      postalCode: '1051',
      country: 'HU',
    },
  ]);
  const [salHidden, salVisible] = await db
    .insert(schema.serviceAtLocation)
    .values([
      { serviceId: service!.id, locationId: hidden!.id, description: 'Residential part' },
      { serviceId: service!.id, locationId: visible!.id },
    ])
    .returning();
  const [contact] = await db
    .insert(schema.contact)
    .values({
      serviceId: service!.id,
      name: 'Duty social worker',
      title: 'Social worker',
      email: 'duty@shelter.example.org',
    })
    .returning();
  const phones = await db
    .insert(schema.phone)
    .values([
      { serviceId: service!.id, number: '+36 1 234 5678', extension: '12', type: 'voice' },
      { contactId: contact!.id, number: '+36 30 111 2222', type: 'cell' },
      { locationId: hidden!.id, number: '+36 88 555 666', type: 'voice', extension: 'ask for duty' },
      { serviceAtLocationId: salHidden!.id, number: '+36 88 555 667' },
      { organizationId: org!.id, number: '+36 1 999 0000' },
    ])
    .returning();
  await db.insert(schema.language).values([
    { serviceId: service!.id, code: 'hu', name: 'Hungarian' },
    { serviceId: service!.id, code: 'uk', name: 'Ukrainian' },
    { locationId: hidden!.id, code: 'en', name: 'English' },
    { phoneId: phones[0]!.id, code: 'de', name: 'German' },
  ]);
  await db.insert(schema.schedule).values([
    {
      serviceId: service!.id,
      freq: 'WEEKLY',
      interval: 1,
      wkst: 'MO',
      byday: 'MO,TU,WE,TH,FR',
      opensAt: '08:00',
      closesAt: '16:30',
      timezone: 'Europe/Budapest',
      validFrom: '2026-01-01',
      attendingType: 'phone',
    },
    { locationId: hidden!.id, description: 'Open all day, every day', timezone: 'Europe/Istanbul' },
    {
      serviceAtLocationId: salVisible!.id,
      freq: 'WEEKLY',
      byday: 'WE',
      opensAt: '10:00',
      closesAt: '12:00',
      timezone: 'Not/AZone',
    },
  ]);
  await db.insert(schema.accessibility).values([
    {
      locationId: hidden!.id,
      description: 'Step-free entrance',
      details: HIDDEN_FIXTURE.accessibilityDetails,
      url: 'https://shelter.example.org/ramp',
    },
  ]);
  await db
    .insert(schema.serviceArea)
    .values([{ serviceId: service!.id, name: 'Veszprém county', extent: 'county', extentType: 'text' }]);
  await db
    .insert(schema.costOption)
    .values([{ serviceId: service!.id, option: 'Stay', amount: 0, currency: 'HUF', free: true }]);
  await db.insert(schema.funding).values([
    { serviceId: service!.id, source: 'Ministry grant' },
    { organizationId: org!.id, source: 'Donations' },
  ]);
  await db
    .insert(schema.requiredDocument)
    .values([{ serviceId: service!.id, document: 'Identity card', uri: 'https://example.org/id' }]);
  await db.insert(schema.contact).values([
    { organizationId: org!.id, name: 'Director' },
    { locationId: hidden!.id, name: 'House manager' },
  ]);
  await db
    .insert(schema.organizationIdentifier)
    .values([{ organizationId: org!.id, identifierType: 'tax', identifier: '12345678' }]);
  await db.insert(schema.attribute).values([
    { linkId: service!.id, linkEntity: 'service', taxonomyTermId: term!.id, value: 'yes' },
    { linkId: hidden!.id, linkEntity: 'location', taxonomyTermId: term!.id },
  ]);
  await db.insert(schema.metadata).values([
    {
      resourceId: service!.id,
      resourceType: 'service',
      lastActionDate: new Date('2026-03-01T10:00:00Z'),
      lastActionType: 'update',
      fieldName: 'name',
      previousValue: 'Shelter',
      replacementValue: 'Fixture crisis shelter for mothers and children',
      updatedBy: 'coordinator',
    },
  ]);
  return {
    organizationId: org!.id,
    serviceId: service!.id,
    hiddenLocationId: hidden!.id,
    visibleLocationId: visible!.id,
    hiddenServiceAtLocationId: salHidden!.id,
    taxonomyId: taxonomy!.id,
    termId: term!.id,
  };
}

/** Marks one seeded location hidden; returns its id, exact point and street addresses. */
export async function hideSeededLocation(db: Database) {
  const result = (await db.execute(sql`
    update location set address_hidden = true
    where id = (select l.id from location l join address a on a.location_id = l.id
                join service_at_location sal on sal.location_id = l.id
                where not l.address_hidden and l.latitude is not null order by l.id limit 1)
    returning id, latitude, longitude`)) as unknown as { rows?: Array<Record<string, unknown>> } & Array<
    Record<string, unknown>
  >;
  const row = (result.rows ?? result)[0]!;
  const streets = (await db.execute(
    sql`select address_1, postal_code from address where location_id = ${row.id as string}`,
  )) as unknown as { rows?: Array<Record<string, string>> } & Array<Record<string, string>>;
  return {
    id: row.id as string,
    latitude: Number(row.latitude),
    longitude: Number(row.longitude),
    streets: (streets.rows ?? streets).map((r) => r.address_1!),
  };
}
