// Providers and partner institutions of a territory: the list beside the map, one record for its
// form, its history, adding and editing.
import { type Database, schema, selectRows } from '@caremap/db';
import type {
  partnerInstitutionCreateInput,
  providerCreateInput,
  RecordEntity,
  RecordUpdateInput,
  recordRefInput,
  territoryRecordsInput,
} from '@caremap/validators';
import { inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../../context';
import { appError } from '../../errors';
import { scopeOf } from '../../policy';
import type { Fields } from './fields';
import { assertInScope, assertRecordInScope, assertTerritory, inTerritory, territoriesAt } from './scope';
import { readRecord, type Tx, updateRecord, writeHistory } from './write';

export interface Ctx {
  db: Database;
  user: SessionUser;
  verifyAfterMonths?: number;
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

export interface MapRecord {
  entity: 'location' | 'partner_institution';
  id: string;
  /** `provider` for a service location, else the partner kind. */
  kind: string;
  name: string;
  city: string | null;
  lat: number;
  lng: number;
  version: number;
  lastVerifiedAt: string | null;
  updatedAt: string;
  organization: { id: string; name: string; version: number } | null;
  services: Array<{ id: string; name: string; version: number }>;
}

/** Every provider location and partner institution of the territory that the caller works in. */
export async function listRecords(ctx: Ctx, input: z.output<typeof territoryRecordsInput>) {
  await assertTerritory(ctx.db, ctx.user, input.territoryId);
  const [locations, partners] = await Promise.all([
    selectRows<Record<string, unknown>>(
      ctx.db,
      sql`select l.id, coalesce(l.name, o.name) as name, l.latitude::float8 as lat, l.longitude::float8 as lng,
            l.version, l.last_verified_at, l.updated_at,
            (select a.city from address a where a.location_id = l.id order by a.id limit 1) as city,
            o.id as org_id, o.name as org_name, o.version as org_version,
            coalesce((select json_agg(json_build_object('id', s.id, 'name', s.name, 'version', s.version) order by s.name)
              from service_at_location sal join service s on s.id = sal.service_id where sal.location_id = l.id), '[]'::json) as services
          from location l left join organization o on o.id = l.organization_id
          where l.geom is not null and ${inTerritory(ctx.user, input.territoryId, sql`l.geom`)}
          order by name, l.id limit 5000`,
    ),
    selectRows<Record<string, unknown>>(
      ctx.db,
      sql`select p.id, p.name, p.partner_kind::text as kind, p.city, ST_Y(p.geom) as lat, ST_X(p.geom) as lng,
            p.version, p.last_verified_at, p.updated_at
          from partner_institution p
          where p.geom is not null and ${inTerritory(ctx.user, input.territoryId, sql`p.geom`)}
          order by p.name, p.id limit 5000`,
    ),
  ]);
  const items: MapRecord[] = [
    ...locations.map((r) => ({
      entity: 'location' as const,
      id: r.id as string,
      kind: 'provider',
      name: r.name as string,
      city: (r.city as string | null) ?? null,
      lat: Number(r.lat),
      lng: Number(r.lng),
      version: Number(r.version),
      lastVerifiedAt: iso(r.last_verified_at),
      updatedAt: iso(r.updated_at)!,
      organization: r.org_id
        ? { id: r.org_id as string, name: r.org_name as string, version: Number(r.org_version) }
        : null,
      services: (typeof r.services === 'string'
        ? JSON.parse(r.services)
        : r.services) as MapRecord['services'],
    })),
    ...partners.map((r) => ({
      entity: 'partner_institution' as const,
      id: r.id as string,
      kind: r.kind as string,
      name: r.name as string,
      city: (r.city as string | null) ?? null,
      lat: Number(r.lat),
      lng: Number(r.lng),
      version: Number(r.version),
      lastVerifiedAt: iso(r.last_verified_at),
      updatedAt: iso(r.updated_at)!,
      organization: null,
      services: [],
    })),
  ];
  return { items };
}

/** One record for its form: the fields, the version to send back, the verification. */
export async function getRecord(ctx: Ctx, input: z.output<typeof recordRefInput>) {
  const record = await readRecord(ctx.db, input.entity, input.id);
  if (!record) throw appError('NOT_FOUND', 'not_found', `id: no ${input.entity} with this id`);
  await assertRecordInScope(ctx.db, ctx.user, input.entity, input.id, 'read');
  const verifier = record.verifiedBy
    ? (
        await selectRows<{ display_name: string }>(
          ctx.db,
          sql`select display_name from app_user where id = ${record.verifiedBy}::uuid`,
        )
      )[0]?.display_name
    : null;
  return { entity: input.entity, id: input.id, ...record, verifiedByName: verifier ?? null };
}

/** Every change of a record, newest first, with who made it. */
export async function recordHistory(ctx: Ctx, input: z.output<typeof recordRefInput>) {
  const exists = await readRecord(ctx.db, input.entity, input.id);
  if (!exists) throw appError('NOT_FOUND', 'not_found', `id: no ${input.entity} with this id`);
  await assertRecordInScope(ctx.db, ctx.user, input.entity, input.id, 'update');
  const rows = await selectRows<Record<string, unknown>>(
    ctx.db,
    sql`select h.id, h.version, h.action, h.changed_at, u.display_name, h.previous, h.next
        from record_history h left join app_user u on u.id = h.changed_by
        where h.entity = ${input.entity} and h.entity_id = ${input.id}::uuid
        order by h.version desc, h.changed_at desc limit 200`,
  );
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Fields | null;
  return {
    items: rows.map((r) => ({
      id: r.id as string,
      version: Number(r.version),
      action: r.action as 'create' | 'update' | 'verify' | 'suggestion',
      changedAt: iso(r.changed_at)!,
      changedBy: (r.display_name as string | null) ?? null,
      previous: json(r.previous),
      next: json(r.next) ?? {},
    })),
  };
}

/** The smallest of the caller's territories holding the point (any, for an administrator). */
export async function homeTerritory(ctx: Ctx, entity: RecordEntity, lat: number, lng: number) {
  const holding = await territoriesAt(ctx.db, lat, lng);
  assertInScope(ctx.user, entity, 'create', holding);
  const all = scopeOf(ctx.user, 'partner_institution', 'create') === 'all';
  return holding.find((id) => all || ctx.user.territoryIds.includes(id)) ?? holding[0] ?? null;
}

export async function createPartner(ctx: Ctx, input: z.output<typeof partnerInstitutionCreateInput>) {
  const territoryId = await homeTerritory(ctx, 'partner_institution', input.lat, input.lng);
  return ctx.db.transaction((tx) => insertPartner(tx, ctx.user.userId, input, territoryId));
}

/** The partner institution's rows and history inside the caller's transaction (checked before). */
export async function insertPartner(
  tx: Tx,
  by: string,
  input: z.output<typeof partnerInstitutionCreateInput>,
  territoryId: string | null,
) {
  const { lat, lng, country, ...rest } = input;
  {
    const [row] = await tx
      .insert(schema.partnerInstitution)
      .values({ ...rest, country, territoryId, geom: { type: 'Point', coordinates: [lng, lat] } })
      .returning({ id: schema.partnerInstitution.id, version: schema.partnerInstitution.version });
    const next: Fields = { ...rest, lat, lng };
    await writeHistory(tx, {
      entity: 'partner_institution',
      entityId: row!.id,
      version: row!.version,
      action: 'create',
      changedBy: by,
      previous: null,
      next,
    });
    return { id: row!.id, version: row!.version };
  }
}

/** A provider as networkers meet one: an organization, the service it runs, and where. */
export async function createProvider(ctx: Ctx, input: z.output<typeof providerCreateInput>) {
  await homeTerritory(ctx, 'location', input.location.lat, input.location.lng);
  const { termIds } = input.service;
  if (termIds.length) {
    const known = await ctx.db
      .select({ id: schema.taxonomyTerm.id })
      .from(schema.taxonomyTerm)
      .where(inArray(schema.taxonomyTerm.id, termIds));
    const knownIds = new Set(known.map((k) => k.id));
    const missing = termIds.findIndex((id) => !knownIds.has(id));
    if (missing >= 0)
      throw appError(
        'BAD_REQUEST',
        'unknown_reference',
        `service.termIds.${missing}: no service type with this id`,
        {
          field: 'termIds',
        },
      );
  }
  return ctx.db.transaction((tx) => insertProvider(tx, ctx.user.userId, input));
}

/** The provider's rows and history inside the caller's transaction (scope and terms checked before). */
export async function insertProvider(
  tx: Tx,
  by: string,
  input: z.output<typeof providerCreateInput>,
  extra: { postalCode?: string | null } = {},
) {
  const { organization: o, service: serviceInput, location: l } = input;
  const { termIds, phone, ...s } = serviceInput;
  {
    const [org] = await tx
      .insert(schema.organization)
      .values(o)
      .returning({ id: schema.organization.id, version: schema.organization.version });
    const [svc] = await tx
      .insert(schema.service)
      .values({ ...s, organizationId: org!.id })
      .returning({ id: schema.service.id, version: schema.service.version });
    const [loc] = await tx
      .insert(schema.location)
      .values({ name: l.name, latitude: l.lat, longitude: l.lng, organizationId: org!.id })
      .returning({ id: schema.location.id, version: schema.location.version });
    await tx.insert(schema.serviceAtLocation).values({ serviceId: svc!.id, locationId: loc!.id });
    if (termIds.length)
      await tx
        .insert(schema.attribute)
        .values(
          termIds.map((taxonomyTermId) => ({ linkId: svc!.id, linkEntity: 'service', taxonomyTermId })),
        );
    if (phone) await tx.insert(schema.phone).values({ serviceId: svc!.id, number: phone });
    if (l.address && l.city) {
      await tx.insert(schema.address).values({
        locationId: loc!.id,
        address1: l.address,
        city: l.city,
        stateProvince: '',
        postalCode: extra.postalCode ?? '',
        country: '',
      });
    }
    await writeHistory(tx, {
      entity: 'organization',
      entityId: org!.id,
      version: org!.version,
      action: 'create',
      changedBy: by,
      previous: null,
      next: o as Fields,
    });
    await writeHistory(tx, {
      entity: 'service',
      entityId: svc!.id,
      version: svc!.version,
      action: 'create',
      changedBy: by,
      previous: null,
      next: { ...s, ...(phone ? { phone } : {}) } as Fields,
    });
    await writeHistory(tx, {
      entity: 'location',
      entityId: loc!.id,
      version: loc!.version,
      action: 'create',
      changedBy: by,
      previous: null,
      next: { name: l.name, lat: l.lat, lng: l.lng },
    });
    return { organizationId: org!.id, serviceId: svc!.id, locationId: loc!.id };
  }
}

export async function updateRecordHandler(ctx: Ctx, input: RecordUpdateInput) {
  const { entity, id, expectedVersion } = input;
  await assertRecordInScope(ctx.db, ctx.user, entity, id, 'update');
  const changes = input.changes as Fields;
  // A pin moved out of the caller's territories would be lost to them: refused like a record outside.
  if (typeof changes.lat === 'number' && typeof changes.lng === 'number')
    assertInScope(ctx.user, entity, 'update', await territoriesAt(ctx.db, changes.lat, changes.lng));
  return ctx.db.transaction(async (tx) =>
    updateRecord(tx, { entity, id, expectedVersion, changes, userId: ctx.user.userId, action: 'update' }),
  );
}
