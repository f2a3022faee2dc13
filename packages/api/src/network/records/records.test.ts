// Editing providers and partner institutions: concurrent edits (one wins, the other gets both
// versions), history in the same transaction, verification, moderation of public suggestions, and
// who may do what where (networker: own ORP; coordinator: own region; admin: everywhere).
import { schema, selectRows } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, makeWorld, PASSWORD } from '../../../test/fixtures';
import { AppCodeError } from '../../errors';
import type { ConflictDetails } from './write';

const t = useTestDatabase();
let world: Awaited<ReturnType<typeof makeWorld>>;
type Caller = Awaited<ReturnType<ReturnType<typeof callerFor>['caller']>>;
const callers: Record<string, Caller> = {};
const ids: Record<string, string> = {};
let clientNo = 0;

async function signIn(local: string): Promise<Caller> {
  const session = callerFor(t.current.db, `10.88.0.${++clientNo}`);
  await (await session.caller()).auth.login({ email: `${local}@test.caremap.eu`, password: PASSWORD });
  return session.caller();
}

const square = (w: number, s: number, e: number, n: number) => ({
  type: 'MultiPolygon' as const,
  coordinates: [
    [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  ],
});

/** What an error tells the client: tRPC code and app code. */
async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause instanceof AppCodeError ? error.cause : undefined;
    return { code: error.code, appCode: cause?.appCode, details: cause?.details, message: error.message };
  }
  throw new Error('expected the call to fail');
}

const partnerInput = (lat: number, lng: number) => ({
  name: 'ZŠ Jihlava, Otokara Březiny',
  partnerKind: 'school' as const,
  address: 'Jarní 22',
  city: 'Jihlava',
  email: 'skola@example.cz',
  phone: '+420 567 000 000',
  lat,
  lng,
  contactPerson: 'Mgr. Jana Nováková, výchovná poradkyně',
  cooperationAgreement: true,
  agreementDate: '2026-09-01',
  notes: null,
  country: 'CZ' as const,
});

beforeAll(async () => {
  const db = t.current.db;
  world = await makeWorld(db);
  // The ORP of the world (15-16 E, 49-50 N) lies in a region; the coordinator works in the region.
  // A second ORP (17-18 E) lies outside it: nobody but the administrator works there.
  const [region, other] = await db
    .insert(schema.territory)
    .values([
      { name: 'Kraj Test', kind: 'region', country: 'CZ', geom: square(14, 48.5, 16.5, 50.5) },
      { name: 'ORP Elsewhere', kind: 'orp', country: 'CZ', geom: square(17, 49, 18, 50) },
    ])
    .returning();
  ids.region = region!.id;
  ids.other = other!.id;
  await db.update(schema.territory).set({ parentId: region!.id }).where(sql`id = ${world.territory.id}`);
  await db
    .insert(schema.territoryAssignment)
    .values({ userId: world.users.coordinator, territoryId: region!.id });
  // Coordinators also run organisation-wide things; the region is the only territory they hold here.

  const [org] = await db
    .insert(schema.organization)
    .values({ name: 'Rodinná poradna Jihlava', description: 'Poradna pro rodiny' })
    .returning();
  const [svc] = await db
    .insert(schema.service)
    .values({
      organizationId: org!.id,
      name: 'Sociálně aktivizační služba',
      description: 'Pro rodiny s dětmi',
    })
    .returning();
  const [loc] = await db
    .insert(schema.location)
    .values({ organizationId: org!.id, name: 'Poradna Jihlava', latitude: 49.4, longitude: 15.59 })
    .returning();
  await db.insert(schema.serviceAtLocation).values({ serviceId: svc!.id, locationId: loc!.id });
  const [farOrg] = await db
    .insert(schema.organization)
    .values({ name: 'Poradna jinde', description: 'Mimo území' })
    .returning();
  const [farLoc] = await db
    .insert(schema.location)
    .values({ organizationId: farOrg!.id, name: 'Jinde', latitude: 49.5, longitude: 17.5 })
    .returning();
  Object.assign(ids, { org: org!.id, svc: svc!.id, loc: loc!.id, farOrg: farOrg!.id, farLoc: farLoc!.id });

  for (const role of ['networker', 'coordinator', 'admin', 'organiser', 'partner'])
    callers[role] = await signIn(role);
});

describe('adding and listing', () => {
  it('adds a school as partner institution at the pin, with history, and lists it with the provider', async () => {
    const created = await callers.networker!.networkRecord.createPartner(partnerInput(49.39, 15.58));
    ids.school = created.id;
    expect(created.version).toBe(1);
    const record = await callers.networker!.networkRecord.get({
      entity: 'partner_institution',
      id: created.id,
    });
    expect(record.fields).toMatchObject({
      name: 'ZŠ Jihlava, Otokara Březiny',
      partnerKind: 'school',
      contactPerson: 'Mgr. Jana Nováková, výchovná poradkyně',
      cooperationAgreement: true,
      agreementDate: '2026-09-01',
      lat: 49.39,
      lng: 15.58,
    });
    const [row] = await selectRows<{ territory_id: string }>(
      t.current.db,
      sql`select territory_id from partner_institution where id = ${created.id}::uuid`,
    );
    // The smallest of the networker's territories holding the pin.
    expect(row!.territory_id).toBe(world.territory.id);
    const history = await callers.networker!.networkRecord.history({
      entity: 'partner_institution',
      id: created.id,
    });
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({
      action: 'create',
      version: 1,
      changedBy: 'Test networker',
      previous: null,
    });

    const list = await callers.networker!.networkRecord.list({ territoryId: world.territory.id });
    expect(list.items.map((i) => [i.entity, i.kind, i.name]).sort()).toEqual([
      ['location', 'provider', 'Poradna Jihlava'],
      ['partner_institution', 'school', 'ZŠ Jihlava, Otokara Březiny'],
    ]);
    const provider = list.items.find((i) => i.entity === 'location')!;
    expect(provider.organization?.name).toBe('Rodinná poradna Jihlava');
    expect(provider.services.map((s) => s.name)).toEqual(['Sociálně aktivizační služba']);
  });

  it('adds a provider (organization, service, location) in one go, refused outside the territory', async () => {
    const input = {
      organization: { name: 'Nová poradna', description: 'Pomoc rodinám', email: null, website: null },
      service: { name: 'Rodinná terapie', description: null },
      location: { name: 'Nová poradna Třešť', lat: 49.29, lng: 15.48, address: 'Náměstí 1', city: 'Třešť' },
    };
    const made = await callers.networker!.networkRecord.createProvider(input);
    const service = await callers.networker!.networkRecord.get({ entity: 'service', id: made.serviceId });
    expect(service.fields.name).toBe('Rodinná terapie');
    const outside = await failure(
      callers.networker!.networkRecord.createProvider({
        ...input,
        location: { ...input.location, lng: 17.5 },
      }),
    );
    expect(outside).toMatchObject({ code: 'FORBIDDEN', appCode: 'forbidden' });
    const [n] = await selectRows<{ n: number }>(
      t.current.db,
      sql`select count(*)::int as n from organization where name = 'Nová poradna'`,
    );
    expect(n!.n).toBe(1);
  });

  it('tags the new provider with its service types and keeps its phone; an unknown type is named', async () => {
    const [tax] = await t.current.db
      .insert(schema.taxonomy)
      .values({ name: 'Druhy', description: 'd' })
      .returning();
    const [term] = await t.current.db
      .insert(schema.taxonomyTerm)
      .values({
        code: 'crisis',
        name: 'Crisis',
        description: 'd',
        taxonomyId: tax!.id,
        labels: { hu: 'K', cs: 'K', tr: 'K', en: 'K' },
      })
      .returning();
    const input = {
      organization: { name: 'Poradna Telč', description: 'Poradna', email: null, website: null },
      service: {
        name: 'Krizová linka Telč',
        description: null,
        termIds: [term!.id],
        phone: '+420 567 000 111',
      },
      location: { name: null, lat: 49.18, lng: 15.45, address: null, city: 'Telč' },
    };
    const made = await callers.networker!.networkRecord.createProvider(input);
    const [stored] = await selectRows<{ terms: string[]; phone: string }>(
      t.current.db,
      sql`select array(select taxonomy_term_id::text from attribute where link_id = ${made.serviceId}::uuid) as terms,
                 (select number from phone where service_id = ${made.serviceId}::uuid) as phone`,
    );
    expect(stored).toEqual({ terms: [term!.id], phone: '+420 567 000 111' });
    const unknown = await failure(
      callers.networker!.networkRecord.createProvider({
        ...input,
        service: { ...input.service, termIds: ['00000000-0000-4000-8000-000000000000'] },
      }),
    );
    expect(unknown).toMatchObject({ code: 'BAD_REQUEST', appCode: 'unknown_reference' });
  });

  it('names the field and the problem of a bad input', async () => {
    const bad = await failure(
      callers.networker!.networkRecord.createPartner({
        ...partnerInput(49.4, 15.5),
        cooperationAgreement: false,
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('agreementDate');
  });
});

describe('no lost edits', () => {
  it('two concurrent edits of one record: one wins, the other gets CONFLICT with both versions', async () => {
    const before = await callers.networker!.networkRecord.get({ entity: 'organization', id: ids.org! });
    const edit = (caller: Caller, changes: Record<string, string>) =>
      caller.networkRecord.update({
        entity: 'organization',
        id: ids.org!,
        expectedVersion: before.version,
        changes,
      });
    const results = await Promise.allSettled([
      edit(callers.networker!, { description: 'Poradna pro rodiny s dětmi do 18 let' }),
      edit(callers.coordinator!, { email: 'info@poradna.example.cz' }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const conflict = await failure(Promise.reject(lost[0]!.reason));
    expect(conflict).toMatchObject({ code: 'CONFLICT', appCode: 'conflict' });
    const details = conflict.details as ConflictDetails;
    expect(details.theirs.version).toBe(before.version + 1);
    expect(details.yours.expectedVersion).toBe(before.version);
    const loserIndex = results.indexOf(lost[0]!);
    const winnerName = loserIndex === 0 ? 'Test coordinator' : 'Test networker';
    expect(details.theirs.changedBy).toBe(winnerName);
    // Both versions are there: the winner's saved field in theirs, the loser's attempt in yours.
    expect(details.yours.changes).toEqual(
      loserIndex === 0
        ? { description: 'Poradna pro rodiny s dětmi do 18 let' }
        : { email: 'info@poradna.example.cz' },
    );
    const now = await callers.admin!.networkRecord.get({ entity: 'organization', id: ids.org! });
    expect(now.fields).toEqual(details.theirs.fields);
    // Nothing is lost: the loser re-applies on top of the new version.
    await (loserIndex === 0 ? callers.networker! : callers.coordinator!).networkRecord.update({
      entity: 'organization',
      id: ids.org!,
      expectedVersion: details.theirs.version,
      changes: details.yours.changes as Record<string, string>,
    });
    const after = await callers.admin!.networkRecord.get({ entity: 'organization', id: ids.org! });
    expect(after.fields).toMatchObject({
      description: 'Poradna pro rodiny s dětmi do 18 let',
      email: 'info@poradna.example.cz',
    });
    expect(after.version).toBe(before.version + 2);
    const history = await callers.admin!.networkRecord.history({ entity: 'organization', id: ids.org! });
    expect(history.items.map((h) => [h.version, h.action])).toEqual([
      [before.version + 2, 'update'],
      [before.version + 1, 'update'],
    ]);
    const described = history.items.find((h) => 'description' in h.next)!;
    expect(described.previous).toEqual({ description: 'Poradna pro rodiny' });
  });

  it('moves a pin with history and leaves everything as it was when the write fails', async () => {
    const loc = await callers.networker!.networkRecord.get({ entity: 'location', id: ids.loc! });
    const moved = await callers.networker!.networkRecord.update({
      entity: 'location',
      id: ids.loc!,
      expectedVersion: loc.version,
      changes: { lat: 49.41, lng: 15.6 },
    });
    expect(moved.previous).toEqual({ lat: 49.4, lng: 15.59 });
    const [geom] = await selectRows<{ x: number; y: number }>(
      t.current.db,
      sql`select ST_X(geom) as x, ST_Y(geom) as y from location where id = ${ids.loc}::uuid`,
    );
    expect([Number(geom!.x), Number(geom!.y)]).toEqual([15.6, 49.41]);
    // Out of the territory: refused, nothing changed, no history row.
    const out = await failure(
      callers.networker!.networkRecord.update({
        entity: 'location',
        id: ids.loc!,
        expectedVersion: moved.version,
        changes: { lat: 49.5, lng: 17.5 },
      }),
    );
    expect(out.code).toBe('FORBIDDEN');
    // A date without an agreement on the stored record: refused by the handler, nothing written.
    const school = await callers.networker!.networkRecord.get({
      entity: 'partner_institution',
      id: ids.school!,
    });
    const bad = await failure(
      callers.networker!.networkRecord.update({
        entity: 'partner_institution',
        id: ids.school!,
        expectedVersion: school.version,
        changes: { cooperationAgreement: false },
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    const again = await callers.networker!.networkRecord.get({
      entity: 'partner_institution',
      id: ids.school!,
    });
    expect(again.version).toBe(school.version);
    expect(again.fields.cooperationAgreement).toBe(true);
    const history = await callers.networker!.networkRecord.history({
      entity: 'partner_institution',
      id: ids.school!,
    });
    expect(history.items).toHaveLength(1);
  });
});

describe('verification', () => {
  it('lists never-verified and stale records of the territory, and verifying takes one off', async () => {
    const due = await callers.networker!.networkRecord.due({ territoryId: world.territory.id });
    expect(due.verifyAfterMonths).toBe(12);
    const keys = due.items.map((i) => `${i.entity}:${i.name}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'organization:Rodinná poradna Jihlava',
        'service:Sociálně aktivizační služba',
        'location:Poradna Jihlava',
        'partner_institution:ZŠ Jihlava, Otokara Březiny',
      ]),
    );
    // Outside the territory: not listed.
    expect(keys.some((k) => k.includes('jinde') || k.includes('Jinde'))).toBe(false);

    const school = due.items.find((i) => i.entity === 'partner_institution')!;
    const verified = await callers.networker!.networkRecord.verify({
      entity: 'partner_institution',
      id: school.id,
      expectedVersion: school.version,
    });
    expect(verified.version).toBe(school.version + 1);
    const record = await callers.networker!.networkRecord.get({
      entity: 'partner_institution',
      id: school.id,
    });
    expect(record).toMatchObject({
      verifiedByName: 'Test networker',
      lastVerifiedAt: verified.lastVerifiedAt,
    });
    const after = await callers.networker!.networkRecord.due({ territoryId: world.territory.id });
    expect(after.items.some((i) => i.id === school.id)).toBe(false);

    // Verified 13 months ago: due again.
    await t.current.db.execute(
      sql`update partner_institution set last_verified_at = now() - interval '13 months' where id = ${school.id}::uuid`,
    );
    const stale = await callers.networker!.networkRecord.due({ territoryId: world.territory.id });
    expect(stale.items.some((i) => i.id === school.id)).toBe(true);
    const history = await callers.networker!.networkRecord.history({
      entity: 'partner_institution',
      id: school.id,
    });
    expect(history.items[0]).toMatchObject({ action: 'verify', previous: { lastVerifiedAt: null } });

    // Verifying on top of an older version: CONFLICT, the record was changed since the review.
    const conflict = await failure(
      callers.networker!.networkRecord.verify({
        entity: 'partner_institution',
        id: school.id,
        expectedVersion: 1,
      }),
    );
    expect(conflict.code).toBe('CONFLICT');
  });
});

describe('moderation of public suggestions', () => {
  it('accepts a suggestion (edited by the moderator) with history, and rejects another with a reason', async () => {
    const db = t.current.db;
    const [one, two, far] = await db
      .insert(schema.suggestion)
      .values([
        {
          targetEntity: 'service',
          targetId: ids.svc!,
          changes: { name: 'Sociálně aktivizační služba pro rodiny', phone: '+420 777 000 111' },
          comment: 'Změnil se název',
          language: 'cs',
        },
        { targetEntity: 'location', targetId: ids.loc!, changes: { description: 'Spam' }, language: 'cs' },
        { targetEntity: 'location', targetId: ids.farLoc!, changes: { name: 'Jinde 2' }, language: 'cs' },
      ])
      .returning();
    const queue = await callers.networker!.networkRecord.suggestions({ territoryId: world.territory.id });
    expect(queue.items.map((i) => i.id).sort()).toEqual([one!.id, two!.id].sort());
    const item = queue.items.find((i) => i.id === one!.id)!;
    expect(item.proposed).toEqual({ name: 'Sociálně aktivizační služba pro rodiny' });
    expect(item.byHand).toEqual({ phone: '+420 777 000 111' });
    expect(item.current.fields.name).toBe('Sociálně aktivizační služba');

    const accepted = await callers.networker!.networkRecord.acceptSuggestion({
      suggestionId: one!.id,
      expectedVersion: item.current.version,
      changes: { name: 'Sociálně aktivizační služba pro rodiny s dětmi' },
    });
    expect(accepted.version).toBe(item.current.version + 1);
    const svc = await callers.networker!.networkRecord.get({ entity: 'service', id: ids.svc! });
    expect(svc.fields.name).toBe('Sociálně aktivizační služba pro rodiny s dětmi');
    const history = await callers.networker!.networkRecord.history({ entity: 'service', id: ids.svc! });
    expect(history.items[0]).toMatchObject({
      action: 'suggestion',
      previous: { name: 'Sociálně aktivizační služba' },
      next: { name: 'Sociálně aktivizační služba pro rodiny s dětmi' },
    });

    await callers.networker!.networkRecord.rejectSuggestion({
      suggestionId: two!.id,
      reason: 'Nesouvisí se službou',
    });
    const rows = await selectRows<{ id: string; status: string; review_reason: string | null }>(
      db,
      sql`select id, status::text as status, review_reason from suggestion order by created_at, id`,
    );
    expect(rows.find((r) => r.id === one!.id)?.status).toBe('accepted');
    expect(rows.find((r) => r.id === two!.id)).toMatchObject({
      status: 'rejected',
      review_reason: 'Nesouvisí se službou',
    });
    expect(
      (await callers.networker!.networkRecord.suggestions({ territoryId: world.territory.id })).items,
    ).toEqual([]);
    // Twice: the suggestion is no longer pending.
    expect(
      (
        await failure(
          callers.networker!.networkRecord.rejectSuggestion({ suggestionId: two!.id, reason: 'again' }),
        )
      ).code,
    ).toBe('CONFLICT');
    // Outside the networker's territories: refused; the administrator moderates it.
    expect(
      (
        await failure(
          callers.networker!.networkRecord.rejectSuggestion({ suggestionId: far!.id, reason: 'mimo' }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    const adminQueue = await callers.admin!.networkRecord.suggestions({ territoryId: ids.other! });
    expect(adminQueue.items.map((i) => i.id)).toEqual([far!.id]);
    await callers.admin!.networkRecord.acceptSuggestion({
      suggestionId: far!.id,
      expectedVersion: adminQueue.items[0]!.current.version,
      changes: adminQueue.items[0]!.proposed as Record<string, string>,
    });
  });
});

describe('who may do what where', () => {
  const edit = (caller: Caller, id: string) =>
    caller.networkRecord.get({ entity: 'organization', id }).then((r) =>
      caller.networkRecord.update({
        entity: 'organization',
        id,
        expectedVersion: r.version,
        changes: { alternateName: `by ${Date.now()}` },
      }),
    );

  it('networker: inside their ORP only', async () => {
    await expect(edit(callers.networker!, ids.org!)).resolves.toBeDefined();
    expect((await failure(edit(callers.networker!, ids.farOrg!))).code).toBe('FORBIDDEN');
    expect((await failure(callers.networker!.networkRecord.list({ territoryId: ids.other! }))).code).toBe(
      'FORBIDDEN',
    );
  });

  it('coordinator: inside their region (its ORPs too), not beyond', async () => {
    await expect(edit(callers.coordinator!, ids.org!)).resolves.toBeDefined();
    expect((await failure(edit(callers.coordinator!, ids.farOrg!))).code).toBe('FORBIDDEN');
    const orp = await callers.coordinator!.networkRecord.list({ territoryId: world.territory.id });
    expect(orp.items.length).toBeGreaterThan(0);
    expect((await failure(callers.coordinator!.networkRecord.due({ territoryId: ids.other! }))).code).toBe(
      'FORBIDDEN',
    );
  });

  it('administrator: everywhere', async () => {
    await expect(edit(callers.admin!, ids.farOrg!)).resolves.toBeDefined();
    const far = await callers.admin!.networkRecord.list({ territoryId: ids.other! });
    expect(far.items.map((i) => i.name)).toEqual(['Jinde 2']);
  });

  it('organiser and partner: refused every network record procedure', async () => {
    for (const role of ['organiser', 'partner']) {
      const caller = callers[role]!;
      expect((await failure(caller.networkRecord.list({ territoryId: world.territory.id }))).code).toBe(
        'FORBIDDEN',
      );
      expect((await failure(edit(caller, ids.org!))).code).toBe('FORBIDDEN');
      expect((await failure(caller.networkRecord.createPartner(partnerInput(49.4, 15.5)))).code).toBe(
        'FORBIDDEN',
      );
    }
  });
});
