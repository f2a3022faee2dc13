// The import worker against a real database: who may import into which territory (decided per
// location in PostGIS), what a job row shows while and after it runs, a job whose worker died, and
// several workers sharing one queue.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DatabaseHandle, openDatabase, schema } from '@caremap/db';
import type { Role } from '@caremap/db/schema';
import { useTestDatabase } from '@caremap/db/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld } from '../../test/fixtures';
import { syntheticService, writeServices } from '../hsds/import/fixtures';
import { createImportJob, getImportJob } from './jobs';
import { ImportWorker } from './worker';

const t = useTestDatabase();
let world: Awaited<ReturnType<typeof makeWorld>>;
let wide: DatabaseHandle | undefined;
const dir = mkdtempSync(join(tmpdir(), 'import-worker-'));
// Services 0-19 are in Jihlava and Třebíč (inside the test ORP), 20-39 in Pécs and Szeged (outside).
const inside = join(dir, 'inside.json');
const mixed = join(dir, 'mixed.json');

beforeAll(async () => {
  world = await makeWorld(t.current.db);
  // The test world's coordinator works in the same ORP as its networker.
  await t.current.db
    .insert(schema.territoryAssignment)
    .values({ userId: world.users.coordinator, territoryId: world.territory.id });
  writeServices(inside, 20);
  writeServices(mixed, 40);
  const { kind, location } = t.current;
  if (kind === 'postgres' && !location.includes('***'))
    wide = await openDatabase({ databaseUrl: location, maxConnections: 8 });
});
afterAll(async () => {
  await wide?.close();
});

/** Queues a copy of `file` (the worker deletes what it imports) as a job of `role`. */
let copies = 0;
async function queue(role: Role, file: string) {
  const path = join(dir, `upload-${copies++}.json`);
  writeFileSync(path, (await import('node:fs')).readFileSync(file));
  return createImportJob(t.current.db, {
    createdByUserId: world.users[role],
    fileName: file.split('/').at(-1)!,
    filePath: path,
    sizeBytes: 1,
  });
}
const job = async (id: string) => (await getImportJob(t.current.db, actorAll, id))!;
const actorAll = { userId: 'nobody', roles: [{ role: 'admin' as const, agencyId: 'x' }], territoryIds: [] };
const services = async () =>
  Number((await t.current.db.select({ n: sql<number>`count(*)::int` }).from(schema.service))[0]!.n);

describe('import jobs and the territory policy', () => {
  it('refuses networkers, organisers and partners in the worker too (not only at the upload)', async () => {
    const worker = new ImportWorker({ db: t.current.db });
    for (const role of ['networker', 'organiser', 'partner'] as const) {
      const id = await queue(role, inside);
      await worker.runOnce();
      const j = await job(id);
      expect(j.status, role).toBe('failed');
      expect(j.report?.problems.map((p) => p.code)).toEqual(['not_allowed']);
    }
    expect(await services()).toBe(0);
  });

  it("fails a coordinator's file with locations outside their territories, naming each, and writes nothing", async () => {
    const id = await queue('coordinator', mixed);
    await new ImportWorker({ db: t.current.db }).runOnce();
    const j = await job(id);
    expect(j.status).toBe('failed');
    expect(j.progress.read).toBeGreaterThan(40);
    const outside = j.report!.problems;
    expect(outside).toHaveLength(20);
    expect(outside.every((p) => p.code === 'outside_territory')).toBe(true);
    expect(outside[0]).toMatchObject({
      file: 'mixed.json',
      record: { index: 20, id: syntheticService(20).id },
      field: 'service_at_locations.0.location.latitude',
    });
    expect(outside.map((p) => p.record.index)).toEqual([...Array(20).keys()].map((i) => i + 20));
    expect(await services()).toBe(0);
  });

  it("imports a coordinator's file whose every location is in their territory, with progress and counts", async () => {
    const id = await queue('coordinator', inside);
    const before = await job(id);
    expect(before.status).toBe('queued');
    await new ImportWorker({ db: t.current.db, progressEveryMs: 0 }).runOnce();
    const j = await job(id);
    expect(j.status).toBe('succeeded');
    expect(j.format).toBe('hsds-json');
    expect(j.report?.ok).toBe(true);
    expect(j.report?.tables.service).toEqual({ read: 20, inserted: 20, updated: 0, unchanged: 0 });
    expect(j.counts.created).toBeGreaterThan(20 * 5);
    expect(j.counts).toMatchObject({ updated: 0, unchanged: 0 });
    expect(j.progress.total).toBe(j.progress.written);
    expect(j.progress.validated).toBe(j.progress.total);
    expect(j.startedAt).not.toBeNull();
    expect(j.finishedAt).not.toBeNull();
    expect(await services()).toBe(20);
  });

  it('lets an administrator import anywhere; the second import of the same file changes nothing', async () => {
    const first = await queue('admin', mixed);
    const again = await queue('admin', mixed);
    await new ImportWorker({ db: t.current.db }).runOnce();
    expect((await job(first)).status).toBe('succeeded');
    expect((await job(first)).report?.tables.service).toMatchObject({ inserted: 20, unchanged: 20 });
    const second = await job(again);
    expect(second.status).toBe('succeeded');
    expect(second.counts).toMatchObject({ created: 0, updated: 0 });
    expect(second.counts.unchanged).toBeGreaterThan(40 * 5);
    expect(await services()).toBe(40);
  });

  it('refuses a coordinator who moves a stored location from elsewhere into their territory', async () => {
    // Service 20's location is in Pécs (stored by the administrator above); the file puts it in Jihlava.
    const moved = syntheticService(20);
    const loc = moved.service_at_locations[0]!.location;
    Object.assign(loc, { latitude: 49.4, longitude: 15.6 });
    const path = join(dir, 'moved.json');
    writeFileSync(path, JSON.stringify([moved]));
    const id = await queue('coordinator', path);
    await new ImportWorker({ db: t.current.db }).runOnce();
    const j = await job(id);
    expect(j.status).toBe('failed');
    expect(j.report?.problems).toEqual([
      expect.objectContaining({
        code: 'stored_outside_territory',
        field: 'service_at_locations.0.location.id',
      }),
    ]);
  });

  it('fails a job whose worker stopped once its lease has run out, and deletes nothing else', async () => {
    const id = await queue('admin', inside);
    await t.current.db
      .update(schema.importJob)
      .set({ status: 'applying', attempts: 1, leaseUntil: new Date(Date.now() - 1_000) })
      .where(eq(schema.importJob.id, id));
    const fresh = await queue('admin', inside);
    await t.current.db
      .update(schema.importJob)
      .set({ status: 'validating', attempts: 1, leaseUntil: new Date(Date.now() + 60_000) })
      .where(eq(schema.importJob.id, fresh));
    await new ImportWorker({ db: t.current.db }).runOnce();
    const stale = await job(id);
    expect(stale.status).toBe('failed');
    expect(stale.report?.problems.map((p) => p.code)).toEqual(['interrupted']);
    // A job whose worker is alive (lease ahead) is left alone.
    expect((await job(fresh)).status).toBe('validating');
    await t.current.db.delete(schema.importJob).where(eq(schema.importJob.id, fresh));
  });

  it('shares the queue between workers: each job runs exactly once', async () => {
    const db = wide?.db ?? t.current.db;
    const ids = await Promise.all([0, 1, 2, 3].map(() => queue('admin', inside)));
    const workers = [0, 1, 2].map(() => new ImportWorker({ db }));
    const ran = await Promise.all(workers.map((w) => w.runOnce()));
    expect(ran.reduce((a, b) => a + b, 0)).toBe(4);
    for (const id of ids) {
      const row = (await t.current.db.select().from(schema.importJob).where(eq(schema.importJob.id, id)))[0]!;
      expect(row.status).toBe('succeeded');
      expect(row.attempts).toBe(1);
    }
  });
});
