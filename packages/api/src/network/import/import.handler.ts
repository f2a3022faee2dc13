// Spreadsheet import of providers: the same reading for the preview and the apply, so the apply
// stores exactly what the preview showed. Each row becomes a provider (organization, service,
// location at the town's gazetteer point) or, with a partner kind, a partner institution; the
// apply creates them all in one transaction with their history, or none.

import { type Database, schema, selectRows } from '@caremap/db';
import { loadGeoData } from '@caremap/db/geodata';
import {
  type ImportField,
  importFieldSchema,
  partnerInstitutionCreateInput,
  partnerKindSchema,
  providerCreateInput,
  type providerImportApplyInput,
  type providerImportPreviewInput,
  requiredImportFields,
} from '@caremap/validators';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { foldName } from '../../directory/places';
import { decide } from '../../policy';
import { type Ctx, insertPartner, insertProvider } from '../records/records.handler';
import { territoriesAt } from '../records/scope';
import { readSheet, sheetError, suggestMapping } from './sheet';

export interface RowProblem {
  field: ImportField | null;
  /** Translated by the UI: sheetImport.problem.<code>. */
  code: string;
  severity: 'warning' | 'error';
}
export interface PreviewRow {
  rowNumber: number;
  status: 'ok' | 'warning' | 'error';
  values: Partial<Record<ImportField, string>>;
  kind: 'provider' | 'partner';
  place: { name: string; lat: number; lng: number } | null;
  duplicate: { name: string; city: string | null; ofRow: number | null } | null;
  problems: RowProblem[];
}

type Mapping = Partial<Record<ImportField, number | null>>;

let townIndex: Map<string, { name: string; lat: number; lng: number; country: 'CZ' | 'HU' }> | undefined;
function findTown(name: string) {
  if (!townIndex) {
    townIndex = new Map();
    // Most populous first: a name shared by two places means the bigger one.
    for (const t of [...loadGeoData().towns].sort((a, b) => b.population - a.population)) {
      const key = foldName(t.name);
      if (!townIndex.has(key))
        townIndex.set(key, { name: t.name, lat: t.lat, lng: t.lon, country: t.country });
    }
  }
  return townIndex.get(foldName(name));
}

const issueField: Record<string, ImportField> = {
  'organization.name': 'organizationName',
  'organization.email': 'email',
  'organization.website': 'website',
  'service.name': 'serviceName',
  'location.address': 'address',
  'location.city': 'town',
  name: 'organizationName',
  email: 'email',
  phone: 'phone',
  address: 'address',
  city: 'town',
  notes: 'notes',
};

async function termsByName(db: Database) {
  const rows = await selectRows<{ id: string; code: string; name: string; labels: unknown }>(
    db,
    sql`select id, code, name, labels from taxonomy_term`,
  );
  const out = new Map<string, { id: string; name: string }>();
  for (const r of rows) {
    const labels = (typeof r.labels === 'string' ? JSON.parse(r.labels) : r.labels) as Record<string, string>;
    for (const n of [r.code, r.name, ...Object.values(labels ?? {})])
      out.set(foldName(n), { id: r.id, name: r.name });
  }
  return out;
}

/** An existing record of the same name in the same town, or a similar name (pg_trgm) within 300 m. */
async function existingDuplicate(db: Database, name: string, town: string, lat: number, lng: number) {
  const pt = sql`ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)::geography`;
  const [row] = await selectRows<{ name: string; city: string | null }>(
    db,
    sql`select name, city from (
          select o.name, (select a.city from address a where a.location_id = l.id order by a.id limit 1) as city, l.geom
          from location l join organization o on o.id = l.organization_id
          union all select p.name, p.city, p.geom from partner_institution p) r
        where (lower(r.name) = lower(${name}) and lower(coalesce(r.city, '')) = lower(${town}))
           or (r.geom is not null and ST_DWithin(r.geom::geography, ${pt}, 300)
               and similarity(lower(r.name), lower(${name})) >= 0.6)
        limit 1`,
  );
  return row ?? null;
}

async function previewRows(ctx: Ctx, input: z.output<typeof providerImportPreviewInput>) {
  const sheet = await readSheet(input.fileName, input.contentBase64);
  // A suggested mapping leaves out a column with no values (an empty "Web" column is no mistake);
  // a mapping the user chose is held to what they picked.
  const suggested = input.mapping === undefined;
  const mapping: Mapping = input.mapping ?? suggestMapping(sheet.columns);
  if (suggested)
    for (const [field, col] of Object.entries(mapping))
      if (
        col !== null &&
        col !== undefined &&
        !requiredImportFields.includes(field as never) &&
        sheet.rows.every((r) => !(r.cells[col] ?? '').trim())
      )
        mapping[field as keyof Mapping] = null;
  for (const [field, col] of Object.entries(mapping))
    if (col !== null && col !== undefined && col >= sheet.columns.length)
      throw sheetError('wrong_column', `${field}: the sheet has no column ${col + 1}`, { field });
  for (const field of requiredImportFields)
    if (mapping[field] === null || mapping[field] === undefined)
      throw sheetError('required_not_mapped', `${field}: choose the column that holds it`, { field });
  for (const field of importFieldSchema.options) {
    const col = mapping[field];
    if (col === null || col === undefined) continue;
    if (sheet.rows.every((r) => !(r.cells[col] ?? '').trim()))
      throw sheetError('column_empty', `${field}: the column "${sheet.columns[col]}" has no values`, {
        field,
      });
  }
  const terms = mapping.serviceType != null ? await termsByName(ctx.db) : new Map();
  const seen = new Map<string, number>();
  const rows: Array<PreviewRow & { create: unknown; termId: string | null; postcode: string | null }> = [];
  for (const { rowNumber, cells } of sheet.rows) {
    const values: PreviewRow['values'] = {};
    for (const field of importFieldSchema.options) {
      const col = mapping[field];
      const v = col === null || col === undefined ? '' : (cells[col] ?? '').trim();
      if (v) values[field] = v;
    }
    const problems: RowProblem[] = [];
    const err = (field: ImportField | null, code: string) =>
      problems.push({ field, code, severity: 'error' });
    const warn = (field: ImportField | null, code: string) =>
      problems.push({ field, code, severity: 'warning' });
    const name = values.organizationName ?? '';
    if (!name) err('organizationName', 'required');
    if (!values.town) err('town', 'required');
    const town = values.town ? findTown(values.town) : undefined;
    if (values.town && !town) err('town', 'unknown_town');
    let inside = false;
    if (town) {
      const held = await territoriesAt(ctx.db, town.lat, town.lng);
      inside = decide(ctx.user, values.partnerKind ? 'partner_institution' : 'directory', 'create', {
        territoryIds: held,
      });
      if (!inside) err('town', 'outside_territory');
    }
    const kind = values.partnerKind ? 'partner' : 'provider';
    const partnerKind = values.partnerKind
      ? partnerKindSchema.safeParse(
          values.partnerKind
            .trim()
            .toLowerCase()
            .replace(/[\s-]+/g, '_'),
        )
      : null;
    if (partnerKind && !partnerKind.success) err('partnerKind', 'unknown_partner_kind');
    const term = values.serviceType ? terms.get(foldName(values.serviceType)) : undefined;
    if (values.serviceType && !term) warn('serviceType', 'unknown_service_type');
    const lat = town?.lat ?? 0;
    const lng = town?.lng ?? 0;
    const parsed =
      kind === 'partner'
        ? partnerInstitutionCreateInput.safeParse({
            name,
            partnerKind: partnerKind?.data ?? 'ngo',
            address: values.address ?? null,
            city: town?.name ?? values.town ?? null,
            email: values.email ?? null,
            phone: values.phone ?? null,
            lat,
            lng,
            contactPerson: null,
            cooperationAgreement: false,
            agreementDate: null,
            notes: values.notes ?? null,
            country: town?.country ?? 'CZ',
          })
        : providerCreateInput.safeParse({
            organization: {
              name,
              description: values.notes ?? '',
              email: values.email ?? null,
              website: values.website ?? null,
            },
            service: {
              name: values.serviceName ?? term?.name ?? values.serviceType ?? name,
              description: null,
            },
            location: {
              name: null,
              lat,
              lng,
              address: values.address ?? null,
              city: town?.name ?? values.town ?? null,
            },
          });
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const field = issueField[issue.path.join('.')] ?? null;
        if (!problems.some((p) => p.field === field && p.severity === 'error'))
          err(
            field,
            field === 'email' ? 'invalid_email' : field === 'website' ? 'invalid_website' : 'invalid',
          );
      }
    let duplicate: PreviewRow['duplicate'] = null;
    if (name && town) {
      const key = `${foldName(name)}|${foldName(town.name)}`;
      const earlier = seen.get(key);
      if (earlier) duplicate = { name, city: town.name, ofRow: earlier };
      else {
        seen.set(key, rowNumber);
        const found = await existingDuplicate(ctx.db, name, town.name, town.lat, town.lng);
        if (found) duplicate = { ...found, ofRow: null };
      }
      if (duplicate) warn('organizationName', duplicate.ofRow ? 'duplicate_in_file' : 'duplicate');
    }
    const status = problems.some((p) => p.severity === 'error')
      ? 'error'
      : problems.length
        ? 'warning'
        : 'ok';
    rows.push({
      rowNumber,
      status,
      values,
      kind,
      place: town ? { name: town.name, lat: town.lat, lng: town.lng } : null,
      duplicate,
      problems,
      create: parsed.success ? parsed.data : null,
      termId: term?.id ?? null,
      postcode: values.postcode ?? null,
    });
  }
  return { sheet, mapping, rows };
}

export async function previewImport(ctx: Ctx, input: z.output<typeof providerImportPreviewInput>) {
  const { sheet, mapping, rows } = await previewRows(ctx, input);
  return {
    columns: sheet.columns,
    mapping,
    rows: rows.map(({ create: _c, termId: _t, postcode: _p, ...row }) => row),
    counts: {
      ok: rows.filter((r) => r.status === 'ok').length,
      warning: rows.filter((r) => r.status === 'warning').length,
      error: rows.filter((r) => r.status === 'error').length,
      duplicate: rows.filter((r) => r.duplicate).length,
    },
  };
}

/** All rows or none: a row with an error (not skipped) refuses the whole file and stores nothing. */
export async function applyImport(ctx: Ctx, input: z.output<typeof providerImportApplyInput>) {
  const { rows } = await previewRows(ctx, input);
  const skip = new Set(input.skipRows);
  const bad = rows.filter((r) => r.status === 'error' && !skip.has(r.rowNumber));
  if (bad.length > 0) {
    const first = bad[0]!;
    const problem = first.problems.find((p) => p.severity === 'error')!;
    throw sheetError(
      'rows_have_errors',
      `row ${first.rowNumber}, ${problem.field ?? 'row'}: ${problem.code}; nothing was stored`,
      {
        rows: bad.map((r) => ({
          rowNumber: r.rowNumber,
          problems: r.problems.filter((p) => p.severity === 'error'),
        })),
      },
    );
  }
  const by = ctx.user.userId;
  const report = await ctx.db.transaction(async (tx) => {
    const out: Array<{
      rowNumber: number;
      outcome: 'created' | 'skipped';
      kind: 'provider' | 'partner';
      id: string | null;
    }> = [];
    for (const row of rows) {
      if (skip.has(row.rowNumber)) {
        out.push({ rowNumber: row.rowNumber, outcome: 'skipped', kind: row.kind, id: null });
        continue;
      }
      if (row.kind === 'partner') {
        const input = row.create as z.output<typeof partnerInstitutionCreateInput>;
        const [home] = await territoriesAt(tx as unknown as Database, input.lat, input.lng);
        const created = await insertPartner(tx, by, input, home ?? null);
        out.push({ rowNumber: row.rowNumber, outcome: 'created', kind: 'partner', id: created.id });
        continue;
      }
      const created = await insertProvider(tx, by, row.create as z.output<typeof providerCreateInput>, {
        postalCode: row.postcode,
      });
      if (row.values.phone)
        await tx.insert(schema.phone).values({ locationId: created.locationId, number: row.values.phone });
      if (row.termId)
        await tx.insert(schema.attribute).values({
          linkId: created.serviceId,
          linkEntity: 'service',
          taxonomyTermId: row.termId,
        });
      out.push({ rowNumber: row.rowNumber, outcome: 'created', kind: 'provider', id: created.locationId });
    }
    return out;
  });
  return { created: report.filter((r) => r.outcome === 'created').length, rows: report };
}
