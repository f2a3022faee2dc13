// Writes generated rows with multi-row INSERTs in chunks: PGlite pays per statement, so a few hundred
// statements carry the whole data set.
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../client';
import * as schema from '../schema/index';
import type { DirectoryData } from './directory';
import type { SeedData } from './generate';

export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type ProgressFn = (step: string, done: number, total: number) => void;

const CHUNK = 500;

/** Tables in foreign-key order, with the generator's key for each. */
const ORDER: [keyof SeedData, PgTable][] = [
  ['taxonomy', schema.taxonomy],
  ['taxonomyTerm', schema.taxonomyTerm],
  ['territory', schema.territory],
  ['organization', schema.organization],
  ['location', schema.location],
  ['address', schema.address],
  ['accessibility', schema.accessibility],
  ['service', schema.service],
  ['serviceAtLocation', schema.serviceAtLocation],
  ['phone', schema.phone],
  ['schedule', schema.schedule],
  ['language', schema.language],
  ['attribute', schema.attribute],
  ['serviceArea', schema.serviceArea],
  ['costOption', schema.costOption],
  ['agency', schema.agency],
  ['partnerInstitution', schema.partnerInstitution],
  ['appUser', schema.appUser],
  ['membership', schema.membership],
  ['territoryAssignment', schema.territoryAssignment],
  ['room', schema.room],
  ['conference', schema.conference],
  ['conferenceParticipant', schema.conferenceParticipant],
  ['conferenceDecision', schema.conferenceDecision],
  ['actionItem', schema.actionItem],
  ['feedbackLetter', schema.feedbackLetter],
];

/** Rows ready for their table: users get the (shared) demo password hash, service areas their geometry. */
function prepare(key: keyof SeedData, rows: unknown[], passwordHash: string): Record<string, unknown>[] {
  if (key === 'appUser') return (rows as object[]).map((r) => ({ ...r, passwordHash }));
  if (key === 'serviceArea') {
    // The area's geometry is its territory's: copied in the database, not shipped as GeoJSON per row.
    return (rows as SeedData['serviceArea']).map(({ territoryId, ...r }) => ({
      ...r,
      geom: sql`(select geom from territory where id = ${territoryId})`,
    }));
  }
  return rows as Record<string, unknown>[];
}

/** Inserts every table of `data` that has rows, in foreign-key order. Returns rows written per table. */
export async function writeRows(
  tx: Tx,
  data: Partial<SeedData> | DirectoryData,
  passwordHash: string,
  onProgress?: ProgressFn,
): Promise<Record<string, number>> {
  const written: Record<string, number> = {};
  for (const [key, table] of ORDER) {
    const rows = (data as Partial<SeedData>)[key];
    if (!rows || rows.length === 0) continue;
    const prepared = prepare(key, rows, passwordHash);
    for (let i = 0; i < prepared.length; i += CHUNK) {
      const chunk = prepared.slice(i, i + CHUNK);
      await tx.insert(table).values(chunk as never);
      onProgress?.(key, Math.min(i + CHUNK, prepared.length), prepared.length);
    }
    written[key] = prepared.length;
  }
  return written;
}

/** Empties every table the seed fills (and what hangs off them), in the caller's transaction. */
export async function resetData(tx: Tx): Promise<void> {
  await tx.execute(
    sql.raw(
      'TRUNCATE TABLE organization, territory, taxonomy, taxonomy_term, agency, app_user, conference CASCADE',
    ),
  );
}
