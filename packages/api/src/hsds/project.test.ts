// The projection loads children per page, never per row: projecting 100 services costs the same
// number of queries as projecting 2. And the OpenAPI copy we serve from is the official file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Database, schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertRichService } from '../../test/hsds-fixture';
import { specDir } from '../../test/hsds-schemas';
import { projectOrganizations, projectServiceAtLocations, projectServices } from './project';

const t = useTestDatabase();
const serviceIds: string[] = [];
const salIds: string[] = [];
const orgIds: string[] = [];

beforeAll(async () => {
  const db = t.current.db;
  const rich = await insertRichService(db);
  serviceIds.push(rich.serviceId);
  const orgs = await db
    .insert(schema.organization)
    .values(Array.from({ length: 20 }, (_, i) => ({ name: `Org ${i}`, description: 'd' })))
    .returning();
  orgIds.push(...orgs.map((o) => o.id));
  for (let i = 0; i < 120; i++) {
    const org = orgs[i % orgs.length]!;
    const [s] = await db
      .insert(schema.service)
      .values({ organizationId: org.id, name: `S${i}` })
      .returning();
    const [l] = await db
      .insert(schema.location)
      .values({ organizationId: org.id, latitude: 49 + i / 1000, longitude: 15 })
      .returning();
    const [sal] = await db
      .insert(schema.serviceAtLocation)
      .values({ serviceId: s!.id, locationId: l!.id })
      .returning();
    await db.insert(schema.phone).values([
      { serviceId: s!.id, number: `+420 ${i}` },
      { locationId: l!.id, number: '1' },
    ]);
    await db.insert(schema.address).values({
      locationId: l!.id,
      address1: `Street ${i}`,
      city: 'Jihlava',
      stateProvince: 'Vysočina',
      postalCode: '58601',
      country: 'CZ',
    });
    serviceIds.push(s!.id);
    salIds.push(sal!.id);
  }
}, 120_000);

/** The database with every select / execute counted. */
function counting(db: Database) {
  const counter = { queries: 0 };
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if ((prop === 'select' || prop === 'execute') && typeof value === 'function') {
        return (...args: unknown[]) => {
          counter.queries++;
          return value.apply(target, args);
        };
      }
      return value;
    },
  });
  return { db: proxy, counter };
}

describe('batch loading', () => {
  it('projects 100 services, service_at_locations or organizations with about as many queries as 2', async () => {
    const cost = async (project: (db: Database, ids: string[]) => Promise<unknown[]>, ids: string[]) => {
      const { db, counter } = counting(t.current.db);
      const out = await project(db, ids);
      expect(out).toHaveLength(ids.length);
      return counter.queries;
    };
    // Per row would add ~98 queries; per page adds at most the extra 500-id chunks of the
    // attribute / metadata look-up over every nested object.
    const grows = async (project: (db: Database, ids: string[]) => Promise<unknown[]>, ids: string[]) =>
      (await cost(project, ids)) - (await cost(project, ids.slice(0, 2)));
    expect(await grows((db, ids) => projectServices(db, ids), serviceIds.slice(0, 100))).toBeLessThanOrEqual(
      4,
    );
    expect(
      await grows((db, ids) => projectServiceAtLocations(db, ids), salIds.slice(0, 100)),
    ).toBeLessThanOrEqual(4);
    expect(await grows((db, ids) => projectOrganizations(db, ids), orgIds.slice(0, 20))).toBeLessThanOrEqual(
      4,
    );
    expect(await cost((db, ids) => projectServices(db, ids), serviceIds.slice(0, 100))).toBeLessThan(40);
  });

  it('answers in the order of the ids given, skipping unknown ones', async () => {
    const ids = [serviceIds[5]!, '00000000-0000-4000-8000-000000000000', serviceIds[1]!];
    const out = await projectServices(t.current.db, ids);
    expect(out.map((s) => s.id)).toEqual([serviceIds[5], serviceIds[1]]);
  });
});

describe('spec/openapi-3.0.1.json', () => {
  it('is byte-identical to the official openapi.json', () => {
    const ours = readFileSync(new URL('./spec/openapi-3.0.1.json', import.meta.url));
    const official = readFileSync(join(specDir(), 'schema-3.0', 'openapi.json'));
    expect(ours.equals(official)).toBe(true);
  });
});
