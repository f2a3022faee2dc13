// POST /api/imports/hsds: the upload page's file. The body is streamed to a file in the import
// folder (never held in memory), cut off with 413 past the size limit, then queued as an import_job
// whose id is answered at once; the import worker (packages/api/src/directory-import) runs it.
// Authorised by the session cookie and the policy (directory_import.create); the CSRF middleware
// has already checked Origin and the double-submit token.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createImportJob, scopeOf } from '@caremap/api';
import type { DatabaseHandle } from '@caremap/db';
import { importUploadQuery } from '@caremap/validators';
import { type Context, Hono } from 'hono';
import type { Logger } from './logger';
import { badParameters, ProblemError, problemResponse } from './problem';
import { sessionUserOf } from './session-user';

export interface ImportUploadOptions {
  database: DatabaseHandle;
  logger: Logger;
  sessionCookie: string;
  sessionIdleMs: number;
  /** Where uploads wait for the worker (CAREMAP_IMPORT_DIR). */
  dir: string;
  /** Largest accepted body (CAREMAP_IMPORT_MAX_MB). */
  maxBytes: number;
  /** Tells this process's worker a job is waiting. */
  onQueued?: (() => void) | undefined;
}

class TooLarge extends Error {}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export function createImportApp(options: ImportUploadOptions) {
  const app = new Hono();
  const tooLarge = () =>
    new ProblemError(
      413,
      'Content Too Large',
      `The file is larger than the upload limit of ${megabytes(options.maxBytes)} (CAREMAP_IMPORT_MAX_MB)`,
      { code: 'too_large', max_bytes: options.maxBytes },
    );

  app.post('/hsds', async (c) => {
    let consumed = false;
    try {
      return await receive(c, () => {
        consumed = true;
      });
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const response = problemResponse(error, c.req.path);
      // Refused before the whole body was read: close the connection rather than leave the rest
      // of the file in it for the next request.
      if (!consumed) response.headers.set('Connection', 'close');
      return response;
    }
  });

  async function receive(c: Context, onConsumed: () => void): Promise<Response> {
    const user = await sessionUserOf(c, options);
    if (!user) throw new ProblemError(401, 'Unauthorized', 'Sign in to import', { code: 'not_signed_in' });
    if (!scopeOf(user, 'directory_import', 'create'))
      throw new ProblemError(403, 'Forbidden', 'You may not import into the directory', {
        code: 'forbidden',
      });
    const query = importUploadQuery.safeParse(c.req.query());
    if (!query.success) throw badParameters(query.error);
    const declared = Number(c.req.header('content-length') ?? Number.NaN);
    // Refused before a byte is read when the browser says how large it is.
    if (Number.isFinite(declared) && declared > options.maxBytes) throw tooLarge();
    const body = c.req.raw.body;
    if (!body) throw new ProblemError(400, 'Bad Request', 'The request has no file', { code: 'empty' });

    await mkdir(options.dir, { recursive: true, mode: 0o700 });
    const name = query.data.name;
    const path = join(
      options.dir,
      `${randomUUID()}${/\.zip$/i.test(name) ? '.zip' : /\.(ndjson|jsonl)$/i.test(name) ? '.ndjson' : '.json'}`,
    );
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > options.maxBytes) done(new TooLarge());
        else done(null, chunk);
      },
    });
    try {
      await pipeline(
        Readable.fromWeb(body as WebReadableStream),
        limit,
        createWriteStream(path, { mode: 0o600 }),
      );
    } catch (error) {
      await rm(path, { force: true });
      if (error instanceof TooLarge) throw tooLarge();
      throw new ProblemError(400, 'Bad Request', 'The upload broke off before the whole file arrived', {
        code: 'upload_broke',
      });
    }
    if (size === 0) {
      await rm(path, { force: true });
      throw new ProblemError(400, 'Bad Request', 'The file is empty', { code: 'empty' });
    }
    // A zip is a zip by its first bytes, whatever it is called; a .zip that is not one is refused now.
    const head = Buffer.alloc(4);
    const handle = await open(path, 'r');
    await handle.read(head, 0, 4, 0).finally(() => handle.close());
    const isZip = head.readUInt32LE(0) === 0x04034b50;
    if (isZip !== /\.zip$/i.test(name)) {
      await rm(path, { force: true });
      throw new ProblemError(
        415,
        'Unsupported Media Type',
        isZip ? 'The file is a zip but is not named .zip' : 'The file is named .zip but is not a zip',
        { code: 'not_zip' },
      );
    }
    const id = await createImportJob(options.database.db, {
      createdByUserId: user.userId,
      fileName: name,
      filePath: path,
      sizeBytes: size,
      format: isZip ? 'zip' : 'json',
    });
    options.logger.info({ job: id, bytes: size }, 'import job queued');
    options.onQueued?.();
    return c.json({ id, status: 'queued' }, 202);
  }

  return app;
}
