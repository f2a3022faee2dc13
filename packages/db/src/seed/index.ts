// Demo seed: `seed(db, { demoPassword })` fills an empty database with a deterministic demo data set
// (Vysočina + Hungary: territories, taxonomy, ~660 providers, ~2,100 services, partner institutions,
// agencies, demo users of every role, conferences). Everything happens in ONE transaction: a failed
// seed leaves the database as it was.
import { count, eq, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { hashPassword } from '../password';
import { appUser, organization } from '../schema/index';
import { generateExtraDirectory, generateSeedData } from './generate';
import { demoEmail } from './network';
import { type ProgressFn, resetData, type Tx, writeRows } from './write';

export { DEFAULT_TARGETS, generateExtraDirectory, generateSeedData, type SeedData } from './generate';
export { DEMO_DOMAIN, demoEmail } from './network';
export { TERM_DEFS } from './taxonomy';

export interface SeedOptions {
  /** Password of every demo user (hashed once). */
  demoPassword: string;
  /** Conferences are placed in the weeks after this instant; default: now. */
  now?: Date;
  /** Add this many extra synthetic services (with organisations and locations) for benchmarks. */
  scale?: number;
  /** Empty the seeded tables first (in the same transaction). */
  reset?: boolean;
  onProgress?: ProgressFn;
}

export interface SeedSummary {
  /** Whether the base demo data set was written (false when the database was already seeded). */
  seededBase: boolean;
  /** Extra synthetic services added (scale). */
  extraServices: number;
  /** Rows written per table (generator keys, e.g. `organization`, `serviceAtLocation`). */
  rows: Record<string, number>;
  /** Wall-clock duration in milliseconds, hashing and generation included. */
  ms: number;
}

/** True when the demo admin or any organisation exists. */
export async function isSeeded(db: Database | Tx): Promise<boolean> {
  const admin = await db
    .select({ id: appUser.id })
    .from(appUser)
    .where(eq(appUser.email, demoEmail('admin')))
    .limit(1);
  if (admin.length > 0) return true;
  const org = await db.select({ id: organization.id }).from(organization).limit(1);
  return org.length > 0;
}

export async function seed(db: Database, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  if (!options.demoPassword) throw new Error('seed: demoPassword is required');
  const now = options.now ?? new Date();
  const scale = Math.max(0, Math.floor(options.scale ?? 0));
  const passwordHash = await hashPassword(options.demoPassword);
  const rows: Record<string, number> = {};
  const add = (written: Record<string, number>) => {
    for (const [k, v] of Object.entries(written)) rows[k] = (rows[k] ?? 0) + v;
  };

  const seededBase = await db.transaction(async (tx) => {
    if (options.reset) await resetData(tx);
    const already = await isSeeded(tx);
    if (!already) add(await writeRows(tx, generateSeedData({ now }), passwordHash, options.onProgress));
    if (scale > 0) {
      // Successive batches get distinct ids: the batch is named after the organisations already there.
      const [{ n }] = (await tx.select({ n: count() }).from(organization)) as [{ n: number }];
      const extra = generateExtraDirectory({ services: scale, batch: `x${n}`, now });
      add(await writeRows(tx, extra, passwordHash, options.onProgress));
    }
    return !already;
  });
  // Fresh statistics, so the planner sees thousands of rows, not an empty table: the embedded
  // database has no autovacuum, and a search planned for empty tables nests loops over everything.
  await db.execute(sql.raw('ANALYZE'));
  return { seededBase, extraServices: scale, rows, ms: Math.round(performance.now() - started) };
}
