// Whether the person who uploaded a file may import every location in it: each location is placed
// in PostGIS (ST_Covers against territory.geom) and then decided by the policy (`decide`), so a
// coordinator imports only into their own territories and an administrator anywhere. A location
// already stored elsewhere cannot be pulled in by giving it new coordinates: its stored point must
// be allowed too.
import type { Database } from '@caremap/db';
import { selectRows } from '@caremap/db';
import type { ImportProblemCode } from '@caremap/validators';
import { sql } from 'drizzle-orm';
import { mergeGroup } from '../hsds/import/merge';
import type { ImportProblem, ImportSource, RawRecord } from '../hsds/import/types';
import { type Actor, decide, scopeOf } from '../policy';

export type JobProblem = ImportProblem & { code?: ImportProblemCode };

interface PlacedLocation {
  i: number;
  id: string | null;
  lat: number | null;
  lng: number | null;
}

const BATCH = 1_000;

const coordinate = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : null;
};

/**
 * Reads the source once and returns a problem for every location the actor may not import, plus
 * the number of records read. Keeps only the locations of one batch in memory.
 */
export async function locationsOutsideTerritory(
  db: Database,
  source: ImportSource,
  actor: Actor,
  onRead: (records: number) => void = () => {},
): Promise<{ problems: JobProblem[]; records: number; locations: number }> {
  const problems: JobProblem[] = [];
  // An administrator may import anywhere: nothing to place, no extra pass over the file.
  if (scopeOf(actor, 'directory_import', 'create') === 'all') return { problems, records: 0, locations: 0 };
  let records = 0;
  let locations = 0;
  let batch: RawRecord[] = [];

  const flush = async () => {
    if (!batch.length) return;
    const rows: PlacedLocation[] = batch.map((r, i) => ({
      i,
      id: typeof r.data.id === 'string' ? r.data.id : null,
      lat: coordinate(r.data.latitude),
      lng: coordinate(r.data.longitude),
    }));
    // Ids that are not UUIDs fail validation later; here they simply match no stored location.
    const placed = await selectRows<{
      i: number;
      inside: string[];
      stored: boolean;
      stored_inside: string[];
    }>(
      db,
      sql`select x.i,
            array(select t.id::text from territory t
                   where x.lat is not null and x.lng is not null
                     and ST_Covers(t.geom, ST_SetSRID(ST_MakePoint(x.lng, x.lat), 4326))) as inside,
            (l.geom is not null) as stored,
            array(select t.id::text from territory t
                   where l.geom is not null and ST_Covers(t.geom, l.geom)) as stored_inside
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(i int, id text, lat float8, lng float8)
          left join location l
            on x.id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' and l.id = x.id::uuid
          order by x.i`,
    );
    for (const row of placed) {
      const record = batch[row.i]!;
      const place = rows[row.i]!;
      const at = {
        file: record.file,
        record: {
          index: record.index,
          ...((record.rootId ?? place.id) ? { id: String(record.rootId ?? place.id) } : {}),
        },
      };
      const prefix = record.path ? `${record.path}.` : '';
      const label = place.id ? `location ${place.id}` : 'a location without id';
      if (place.lat === null || place.lng === null) {
        if (!row.stored) {
          problems.push({
            ...at,
            field: `${prefix}latitude`,
            code: 'no_coordinates',
            problem: `${label} has no latitude and longitude, so it cannot be placed in one of your territories`,
          });
          continue;
        }
      } else if (!decide(actor, 'directory_import', 'create', { territoryIds: row.inside })) {
        problems.push({
          ...at,
          field: `${prefix}latitude`,
          code: 'outside_territory',
          problem: `${label} (${place.lat}, ${place.lng}) lies outside your territories`,
        });
        continue;
      }
      if (row.stored && !decide(actor, 'directory_import', 'create', { territoryIds: row.stored_inside })) {
        problems.push({
          ...at,
          field: `${prefix}id`,
          code: 'stored_outside_territory',
          problem: `${label} is already in the directory outside your territories`,
        });
      }
    }
    batch = [];
  };

  for await (const group of source.groups(undefined)) {
    // The same object repeated in several places of a nested file is one record, as the importer counts.
    const merged = mergeGroup(group).records;
    records += merged.length;
    for (const record of merged) {
      if (record.table !== 'location') continue;
      locations++;
      batch.push(record);
      if (batch.length >= BATCH) await flush();
    }
    onRead(records);
  }
  await flush();
  return { problems, records, locations };
}
