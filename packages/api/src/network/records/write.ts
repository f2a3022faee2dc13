// Writing a record without losing anybody's edit: the row is locked (`for update`) and its version
// compared with the one the editor loaded; a mismatch is a CONFLICT carrying both sides, so the UI
// shows them side by side and nothing is overwritten silently. The update itself still says
// `where version = $expected` (the last guard), and the history row is written in the same
// transaction, so a failed write leaves neither the change nor its history.
import { type Database, schema, selectRows } from '@caremap/db';
import type { RecordEntity } from '@caremap/validators';
import { type SQL, sql } from 'drizzle-orm';
import { appError } from '../../errors';
import { assignments, diff, entities, type Fields, fieldSelect, readFields } from './fields';

type HistoryEntity = schema.HistoryEntity;

export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface RecordState {
  fields: Fields;
  version: number;
  updatedAt: string;
  lastVerifiedAt: string | null;
  verifiedBy: string | null;
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

export async function readRecord(
  db: Database | Tx,
  entity: RecordEntity,
  id: string,
  lock = false,
): Promise<RecordState | null> {
  const [row] = await selectRows<Record<string, unknown>>(
    db as Database,
    sql`select ${fieldSelect(entity)}, r.version, r.updated_at, r.last_verified_at, r.verified_by
        from ${entities[entity].table} r where r.id = ${id}::uuid ${lock ? sql`for update` : sql``}`,
  );
  if (!row) return null;
  return {
    fields: readFields(entity, row),
    version: Number(row.version),
    updatedAt: iso(row.updated_at)!,
    lastVerifiedAt: iso(row.last_verified_at),
    verifiedBy: (row.verified_by as string | null) ?? null,
  };
}

/** The last change of a record: who and when (for the conflict view). */
export async function lastChange(db: Database | Tx, entity: HistoryEntity, id: string) {
  const [row] = await selectRows<{ display_name: string | null; changed_at: unknown; version: number }>(
    db as Database,
    sql`select u.display_name, h.changed_at, h.version from record_history h
        left join app_user u on u.id = h.changed_by
        where h.entity = ${entity} and h.entity_id = ${id}::uuid order by h.version desc, h.changed_at desc limit 1`,
  );
  return row
    ? { changedBy: row.display_name, changedAt: iso(row.changed_at), version: Number(row.version) }
    : null;
}

export interface ConflictDetails {
  entity: HistoryEntity;
  id: string;
  /** The record as it is now, saved by someone else since the editor loaded it. */
  theirs: { version: number; fields: Fields; changedBy: string | null; changedAt: string | null };
  /** What the caller tried to save, on top of the version they had. */
  yours: { expectedVersion: number; changes: Fields };
}

export async function conflictError(
  tx: Database | Tx,
  entity: HistoryEntity,
  id: string,
  current: Pick<RecordState, 'fields' | 'version' | 'updatedAt'>,
  expectedVersion: number,
  changes: Fields,
) {
  const last = await lastChange(tx, entity, id);
  const details: ConflictDetails = {
    entity,
    id,
    theirs: {
      version: current.version,
      fields: current.fields,
      changedBy: last?.changedBy ?? null,
      changedAt: last?.changedAt ?? current.updatedAt,
    },
    yours: { expectedVersion, changes },
  };
  return appError(
    'CONFLICT',
    'conflict',
    `expectedVersion: the record is at version ${current.version}, changed by someone else since version ${expectedVersion}`,
    details,
  );
}

export async function writeHistory(
  tx: Tx,
  row: {
    entity: HistoryEntity;
    entityId: string;
    version: number;
    action: 'create' | 'update' | 'verify' | 'suggestion';
    changedBy: string;
    previous: Fields | null;
    next: Fields;
  },
) {
  await tx.insert(schema.recordHistory).values(row);
}

/**
 * The versioned write every editable record shares (directory and partner records, needs): refuses
 * when someone saved since `expectedVersion` (CONFLICT with both sides), keeps only the fields that
 * really change, lets the caller refuse an impossible combination (`check` sees the merged record),
 * updates `where version = expected`, and writes the history row in the same transaction.
 */
export async function versionedUpdate(
  tx: Tx,
  args: {
    entity: HistoryEntity;
    table: SQL;
    id: string;
    expectedVersion: number;
    changes: Fields;
    userId: string;
    action: 'update' | 'suggestion';
    current: Pick<RecordState, 'fields' | 'version' | 'updatedAt'>;
    check?: (merged: Fields) => void;
    /** The `set` list for the fields that change. */
    set: (next: Fields) => SQL;
  },
): Promise<{ version: number; previous: Fields; next: Fields }> {
  const { entity, id, expectedVersion, changes, userId, action, current } = args;
  const conflict = () => conflictError(tx, entity, id, current, expectedVersion, changes);
  if (current.version !== expectedVersion) throw await conflict();
  const { previous, next } = diff(current.fields, changes);
  args.check?.({ ...current.fields, ...next });
  if (Object.keys(next).length === 0) return { version: current.version, previous, next };
  const [row] = await selectRows<{ version: number }>(
    tx as unknown as Database,
    sql`update ${args.table} set ${args.set(next)}
        where id = ${id}::uuid and version = ${expectedVersion} returning version`,
  );
  if (!row) throw await conflict();
  const version = Number(row.version);
  await writeHistory(tx, { entity, entityId: id, version, action, changedBy: userId, previous, next });
  return { version, previous, next };
}

/**
 * Applies `changes` on top of `expectedVersion`, inside `tx`. Returns the new version; throws
 * CONFLICT (both versions in the details) or NOT_FOUND.
 */
export async function updateRecord(
  tx: Tx,
  args: {
    entity: RecordEntity;
    id: string;
    expectedVersion: number;
    changes: Fields;
    userId: string;
    action: 'update' | 'suggestion';
  },
): Promise<{ version: number; previous: Fields; next: Fields }> {
  const { entity, id, changes } = args;
  const current = await readRecord(tx, entity, id, true);
  if (!current) throw appError('NOT_FOUND', 'not_found', `id: no ${entity} with this id`);
  return versionedUpdate(tx, {
    ...args,
    table: entities[entity].table,
    current,
    check: (merged) => {
      if (entity === 'partner_institution' && merged.agreementDate && !merged.cooperationAgreement)
        throw appError(
          'BAD_REQUEST',
          'invalid_state',
          'agreementDate: a date needs a cooperation agreement',
          {
            field: 'agreementDate',
          },
        );
    },
    // Both halves of a pin move, even when one coordinate stays (the write needs the pair).
    set: (next) => {
      const write: Fields = { ...next };
      if ('lat' in write || 'lng' in write) {
        write.lat = (changes.lat ?? current.fields.lat) as number;
        write.lng = (changes.lng ?? current.fields.lng) as number;
      }
      return sql.join(assignments(entity, write), sql`, `);
    },
  });
}
