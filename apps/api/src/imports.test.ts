// The HSDS upload over real HTTP, with the server's import worker: who may upload, the size limit,
// CSRF, a good file, a bad record, a re-import, a coordinator outside their territory, and /healthz
// answering while a large import runs.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportWorker } from '@caremap/api';
import { syntheticService, writeServices } from '@caremap/api/testing/import-fixtures';
import { hashPassword, schema, selectRows } from '@caremap/db';
import type { Role } from '@caremap/db/schema';
import { useTestDatabase } from '@caremap/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, serveOnFreePort, signInOverHttp } from '../test/http';
import { createApp } from './app';
import { CSRF_HEADER } from './csrf';

const t = useTestDatabase();
const PASSWORD = 'upload-test-password';
const MAX_BYTES = 4 * 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'imports-http-'));
const files = {
  good: join(dir, 'services.json'),
  bad: join(dir, 'services-bad.json'),
  mixed: join(dir, 'services-mixed.json'),
  large: join(dir, 'services-large.json'),
};
let server: Awaited<ReturnType<typeof serveOnFreePort>>;
let worker: ImportWorker;

beforeAll(async () => {
  const db = t.current.db;
  const passwordHash = await hashPassword(PASSWORD);
  const [territory] = await db
    .insert(schema.territory)
    .values({
      name: 'ORP Jihlava and Třebíč',
      kind: 'orp',
      country: 'CZ',
      approximate: true,
      geom: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [15, 49],
              [16, 49],
              [16, 50],
              [15, 50],
              [15, 49],
            ],
          ],
        ],
      },
    })
    .returning();
  const [agency] = await db
    .insert(schema.agency)
    .values({ name: 'Centre', kind: 'child_welfare_centre', country: 'CZ' })
    .returning();
  for (const role of ['networker', 'coordinator', 'organiser', 'partner', 'admin'] as const) {
    const [u] = await db
      .insert(schema.appUser)
      .values({ email: `${role}@upload.caremap.eu`, displayName: `Upload ${role}`, passwordHash })
      .returning();
    await db.insert(schema.membership).values({ userId: u!.id, agencyId: agency!.id, role });
    if (role === 'coordinator' || role === 'networker')
      await db.insert(schema.territoryAssignment).values({ userId: u!.id, territoryId: territory!.id });
  }
  // Services 0-19 lie in the territory (Jihlava, Třebíč), 20-39 in Hungary.
  writeServices(files.good, 20);
  writeServices(files.bad, 20, { badEmailAt: 13 });
  writeServices(files.mixed, 40);
  writeServices(files.large, 1_500);
  worker = new ImportWorker({ db, progressEveryMs: 100 });
  const app = createApp({
    database: t.current,
    logger: memoryLogger().logger,
    imports: { dir: join(dir, 'queue'), maxBytes: MAX_BYTES, onQueued: () => worker.wake() },
  });
  server = await serveOnFreePort(app);
});
afterAll(async () => {
  await worker?.stop();
  await server?.close();
});

const signIn = (role: Role) => signInOverHttp(server.url, `${role}@upload.caremap.eu`, PASSWORD);

type Browser = Awaited<ReturnType<typeof signIn>>;

function upload(
  who: Browser | null,
  body: BodyInit,
  name = 'services.json',
  headers: Record<string, string> = {},
) {
  return fetch(`${server.url}/api/imports/hsds?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      origin: server.url,
      ...(who ? { cookie: who.cookie, [CSRF_HEADER]: who.csrf } : {}),
      ...headers,
    },
    body,
    duplex: 'half',
  } as RequestInit);
}

async function trpc(who: Browser, path: string, input: unknown) {
  const res = await fetch(
    `${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
    { headers: { cookie: who.cookie } },
  );
  return {
    status: res.status,
    // biome-ignore lint/suspicious/noExplicitAny: the test reads both answer shapes of tRPC
    body: (await res.json()) as { result?: { data: { json: any } }; error?: any },
  };
}

/** Uploads, waits for the worker, returns the finished job as directoryImport.get shows it. */
async function importAs(who: Browser, file: string) {
  const res = await upload(who, readFileSync(file), file.split('/').at(-1));
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };
  await worker.runOnce();
  const job = await trpc(who, 'directoryImport.get', { id });
  expect(job.status).toBe(200);
  return job.body.result!.data.json;
}

/** Counts, summed versions and the latest change of what the files touch. */
async function snapshot() {
  return JSON.stringify(
    await selectRows(
      t.current.db,
      sql`select (select count(*) from service)::int as services, (select coalesce(sum(version), 0) from service)::int as versions,
                 (select max(updated_at)::text from service) as updated, (select count(*) from contact)::int as contacts,
                 (select count(*) from location)::int as locations`,
    ),
  );
}

describe('POST /api/imports/hsds', () => {
  it('refuses anonymous visitors (401) and networkers, organisers and partners (403), storing nothing', async () => {
    const anonymous = await upload(null, readFileSync(files.good));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ status: 401, code: 'not_signed_in' });
    for (const role of ['networker', 'organiser', 'partner'] as const) {
      const res = await upload(await signIn(role), readFileSync(files.good));
      expect(res.status, role).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await res.json()).toMatchObject({ status: 403, code: 'forbidden' });
    }
    const jobs = await selectRows<{ n: number }>(
      t.current.db,
      sql`select count(*)::int as n from import_job`,
    );
    expect(Number(jobs[0]!.n)).toBe(0);
  });

  it('refuses a cross-site upload and one without the CSRF token', async () => {
    const coordinator = await signIn('coordinator');
    const crossSite = await upload(coordinator, readFileSync(files.good), 'services.json', {
      origin: 'http://evil.example',
    });
    expect(crossSite.status).toBe(403);
    const noToken = await upload(coordinator, readFileSync(files.good), 'services.json', {
      [CSRF_HEADER]: '',
    });
    expect(noToken.status).toBe(403);
    // A form can post text/plain or multipart; neither reaches the upload.
    const form = await upload(coordinator, 'x', 'services.json', { 'content-type': 'text/plain' });
    expect(form.status).toBe(415);
  });

  it('answers 413 with a clear problem past the size limit, declared or streamed', async () => {
    const coordinator = await signIn('coordinator');
    const big = Buffer.alloc(MAX_BYTES + 1, 32);
    const declared = await upload(coordinator, big);
    expect(declared.status).toBe(413);
    const problem = await declared.json();
    expect(problem).toMatchObject({ status: 413, code: 'too_large', max_bytes: MAX_BYTES });
    expect(problem.detail).toContain('4 MB');
    // Without Content-Length (chunked): cut off once the limit is passed, nothing left on disk.
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new Uint8Array(MAX_BYTES / 4));
        controller.close();
      },
    });
    const streamed = await upload(coordinator, chunks as unknown as BodyInit);
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).code).toBe('too_large');
    expect(readdirSync(join(dir, 'queue'))).toEqual([]);
  });

  it('names a bad file name or a fake zip', async () => {
    const coordinator = await signIn('coordinator');
    const exe = await upload(coordinator, '[]', 'services.exe');
    expect(exe.status).toBe(400);
    expect((await exe.json()).invalid_params).toEqual([
      { name: 'name', reason: 'upload a .json, .ndjson or .zip file' },
    ]);
    const fake = await upload(coordinator, '[]', 'package.zip');
    expect(fake.status).toBe(415);
    expect((await fake.json()).code).toBe('not_zip');
  });

  it('reports the bad record of a file, naming file, record and field, and changes nothing', async () => {
    const before = await snapshot();
    const job = await importAs(await signIn('coordinator'), files.bad);
    expect(job.status).toBe('failed');
    expect(job.report.problems).toEqual([
      {
        file: 'services-bad.json',
        record: { index: 13, id: syntheticService(13).id },
        field: 'contacts.0.email',
        problem: 'Invalid email address',
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a coordinator's file with locations outside their territory, naming them", async () => {
    const before = await snapshot();
    const job = await importAs(await signIn('coordinator'), files.mixed);
    expect(job.status).toBe('failed');
    expect(job.report.problems).toHaveLength(20);
    expect(job.report.problems[0]).toMatchObject({
      file: 'services-mixed.json',
      record: { index: 20, id: syntheticService(20).id },
      code: 'outside_territory',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('imports a good file inside the territory; the same file again changes nothing', async () => {
    const coordinator = await signIn('coordinator');
    const first = await importAs(coordinator, files.good);
    expect(first.status).toBe('succeeded');
    expect(first.report.tables.service).toEqual({ read: 20, inserted: 20, updated: 0, unchanged: 0 });
    expect(first.counts.created).toBeGreaterThan(100);
    const after = await snapshot();
    expect(after).toContain('"services":20');
    const again = await importAs(coordinator, files.good);
    expect(again.status).toBe('succeeded');
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: first.counts.created });
    expect(await snapshot()).toEqual(after);
    // The coordinator's list holds their own jobs; the administrator's every job.
    const mine = await trpc(coordinator, 'directoryImport.list', {});
    expect(mine.body.result!.data.json.items.length).toBe(4);
    const admin = await signIn('admin');
    expect((await trpc(admin, 'directoryImport.list', {})).body.result!.data.json.items.length).toBe(4);
    const networker = await signIn('networker');
    expect((await trpc(networker, 'directoryImport.list', {})).body.error.json.data.appCode).toBe(
      'forbidden',
    );
  });

  it("shows no one else's job", async () => {
    const admin = await signIn('admin');
    const res = await upload(admin, readFileSync(files.good), 'services.json');
    const { id } = (await res.json()) as { id: string };
    await worker.runOnce();
    const other = await trpc(await signIn('coordinator'), 'directoryImport.get', { id });
    expect(other.body.error.json.data.appCode).toBe('not_found');
  });

  it('answers /healthz while a large import runs', async () => {
    const admin = await signIn('admin');
    const res = await upload(admin, readFileSync(files.large), 'services-large.json');
    expect(res.status).toBe(202);
    let finished = false;
    const done = worker.runOnce().then(() => {
      finished = true;
    });
    let answeredDuring = 0;
    while (!finished) {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      if (!finished) answeredDuring++;
      await new Promise((r) => setTimeout(r, 10));
    }
    await done;
    const jobs = await selectRows<{ status: string; records_written: number }>(
      t.current.db,
      sql`select status, records_written from import_job where file_name = 'services-large.json'`,
    );
    expect(jobs[0]).toMatchObject({ status: 'succeeded' });
    expect(Number(jobs[0]!.records_written)).toBeGreaterThan(1_500 * 5);
    expect(answeredDuring).toBeGreaterThan(5);
  });
});
