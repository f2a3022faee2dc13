// The public Open Referral HSDS 3.0 API, mounted at /api/hsds: read-only, anonymous, CORS-open,
// rate-limited per client address. Shapes come from packages/api/src/hsds (projection), the choice
// of rows from its select.ts; this file only speaks HTTP: parameters, paging, caching headers.
import { createHash } from 'node:crypto';
import { hsds as domain } from '@caremap/api';
import type { DatabaseHandle } from '@caremap/db';
import { type Context, Hono } from 'hono';
import type { z } from 'zod';
import { clientAddress } from './client-address';
import {
  organizationDetailQuery,
  organizationListQuery,
  serviceAtLocationListQuery,
  serviceListQuery,
  serviceQueryOf,
  taxonomyListQuery,
  taxonomyTermListQuery,
  uuid,
} from './hsds-params';
import type { Logger } from './logger';
import { badParameters, ProblemError } from './problem';
import { rateLimited } from './rate-limited';

export interface HsdsOptions {
  database: DatabaseHandle;
  logger: Logger;
  trustProxy: number;
  limits?: Partial<domain.PublicReadLimits> | undefined;
  /** CAREMAP_PUBLIC_URL: the origin `openapi_url` and the document's server URL use. */
  publicUrl?: string | undefined;
}

const NDJSON_BATCH = 200;
const EXPOSED = 'ETag, Last-Modified, Retry-After, Content-Type';

type Query = Record<string, string>;

/** Parses the query with `schema`; empty values count as absent. A failure is a 400 naming each parameter. */
function parse<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const query: Query = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
  const result = schema.safeParse(query);
  if (!result.success) throw badParameters(result.error);
  return result.data;
}

function idParam(c: Context, what: string): string {
  const id = c.req.param('id') ?? '';
  if (!uuid.safeParse(id).success)
    throw new ProblemError(404, 'Not Found', `No ${what} with id ${JSON.stringify(id)}`);
  return id;
}

/** Whether an If-None-Match header matches this ETag (weak comparison, RFC 9110 13.1.2). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** A JSON body with a strong ETag from its bytes and Last-Modified; 304 when the client has it. */
function sendJson(c: Context, body: unknown, modified: Date | null): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`;
  const headers = new Headers({ ETag: etag, 'Cache-Control': 'public, no-cache' });
  if (modified) headers.set('Last-Modified', modified.toUTCString());
  // If-None-Match wins; If-Modified-Since only counts without it (RFC 9110 13.1.3).
  const ifNoneMatch = c.req.header('if-none-match');
  const since = Date.parse(c.req.header('if-modified-since') ?? '');
  const unchangedSince =
    modified !== null && !Number.isNaN(since) && Math.floor(modified.getTime() / 1000) * 1000 <= since;
  if (ifNoneMatch ? etagMatches(ifNoneMatch, etag) : unchangedSince)
    return new Response(null, { status: 304, headers });
  headers.set('Content-Type', 'application/json; charset=utf-8');
  return new Response(text, { status: 200, headers });
}

/** Every match as one JSON object per line, read in keyset windows: nothing is held beyond a batch. */
function sendNdjson(
  batches: () => AsyncGenerator<domain.HsdsObject[]>,
  onError: (error: unknown) => void,
): Response {
  const iterator = batches();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else if (next.value.length) {
          controller.enqueue(encoder.encode(next.value.map((o) => `${JSON.stringify(o)}\n`).join('')));
        }
      } catch (error) {
        // The status line is long gone: cut the stream, so the client sees a truncated body, and log.
        onError(error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
  return new Response(body, {
    status: 200,
    headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

function envelope(contents: unknown[], total: number, page: number, perPage: number) {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: total === 0,
    contents,
  };
}

const withoutUndefined = <T extends Record<string, unknown>>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export function createHsdsApp({ database, logger, trustProxy, limits, publicUrl }: HsdsOptions) {
  const db = database.db;
  const streamFailed = (path: string) => (error: unknown) =>
    logger.error({ err: error, path }, 'HSDS ndjson stream failed');
  const limiter = domain.publicRateLimiter(db, database.kind, {
    ...domain.DEFAULT_PUBLIC_READ_LIMITS,
    ...limits,
  });
  const app = new Hono();
  const origin = (c: Context) => (publicUrl ? new URL(publicUrl).origin : new URL(c.req.url).origin);

  // CORS for anyone, without credentials: the API is public and reads no cookie. Set after the
  // handler so error, 304 and streamed responses carry it too.
  app.use('/*', async (c, next) => {
    if (c.req.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
          'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since, Accept',
          'Access-Control-Max-Age': '86400',
        },
      });
    }
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Access-Control-Expose-Headers', EXPOSED);
    // Other sites may embed our JSON (the default same-origin policy would only affect no-cors loads).
    c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  });

  app.use('/*', rateLimited(limiter, trustProxy));

  const root = (c: Context) =>
    sendJson(c, { version: '3.0.1', openapi_url: `${origin(c)}/api/hsds/openapi.json` }, null);
  app.get('/', root);

  app.get('/openapi.json', (c) => sendJson(c, domain.hsdsOpenapiDocument(`${origin(c)}/api/hsds`), null));

  app.get('/services', async (c) => {
    const q = parse(c, serviceListQuery);
    const query = withoutUndefined({
      ...serviceQueryOf(q),
      openNow: q.open_now || undefined,
      wheelchair: q.wheelchair || undefined,
      free: q.free || undefined,
    });
    const project = (ids: string[]) =>
      q.minimal
        ? domain.projectServiceMinimal(db, ids)
        : q.full
          ? domain.projectServices(db, ids)
          : domain.projectServiceList(db, ids);
    return selectedList(c, q, 'service', project, (window, withTotal) =>
      domain.selectServices(db, query, window, withTotal),
    );
  });

  app.get('/services/:id', async (c) => {
    const id = idParam(c, 'service');
    const [service] = await domain.projectServices(db, [id]);
    if (!service) throw new ProblemError(404, 'Not Found', `No service with id ${id}`);
    return sendJson(c, service, await domain.lastModified(db, 'service', [id]));
  });

  app.get('/service_at_locations', async (c) => {
    const q = parse(c, serviceAtLocationListQuery);
    const query = withoutUndefined({
      ...serviceQueryOf(q),
      postcode: q.postcode,
      openNow: q.open_now || undefined,
      wheelchair: q.wheelchair || undefined,
      free: q.free || undefined,
    });
    const project = (ids: string[]) =>
      q.full ? domain.projectServiceAtLocations(db, ids) : domain.projectServiceAtLocationList(db, ids);
    return selectedList(c, q, 'service_at_location', project, (window, withTotal) =>
      domain.selectServiceAtLocations(db, query, window, withTotal),
    );
  });

  app.get('/service_at_locations/:id', async (c) => {
    const id = idParam(c, 'service_at_location');
    const [object] = await domain.projectServiceAtLocations(db, [id]);
    if (!object) throw new ProblemError(404, 'Not Found', `No service_at_location with id ${id}`);
    return sendJson(c, object, await domain.lastModified(db, 'service_at_location', [id]));
  });

  /**
   * A list of services or service_at_locations: one page in the HSDS envelope, or (format=ndjson)
   * every match streamed in keyset batches. The first select runs before the stream starts, so a
   * bad filter is still a 400 and not a cut stream.
   */
  async function selectedList(
    c: Context,
    q: { page: number; per_page: number; format: 'json' | 'ndjson' },
    kind: 'service' | 'service_at_location',
    project: (ids: string[]) => Promise<domain.HsdsObject[]>,
    select: (window: domain.Window, withTotal?: boolean) => Promise<domain.Selection>,
  ) {
    if (q.format === 'ndjson') {
      await select({ after: null, limit: 1 });
      return sendNdjson(async function* () {
        let after: domain.Cursor | null = null;
        for (;;) {
          const page = await select({ after, limit: NDJSON_BATCH });
          if (page.ids.length) yield await project(page.ids);
          if (page.ids.length < NDJSON_BATCH) return;
          after = page.last;
        }
      }, streamFailed(c.req.path));
    }
    const page = await select({ offset: (q.page - 1) * q.per_page, limit: q.per_page }, true);
    const contents = await project(page.ids);
    return sendJson(
      c,
      envelope(contents, page.total ?? 0, q.page, q.per_page),
      await domain.lastModified(db, kind, page.ids),
    );
  }

  /** A paged list of a catalog kind (organizations, taxonomies, terms), JSON or NDJSON. */
  async function catalogList(
    c: Context,
    q: { page: number; per_page: number; format: 'json' | 'ndjson' },
    kind: domain.HsdsKind,
    select: (window: { offset: number; limit: number }) => Promise<domain.Selection>,
    project: (ids: string[]) => Promise<domain.HsdsObject[]>,
  ) {
    if (q.format === 'ndjson') {
      return sendNdjson(async function* () {
        for (let offset = 0; ; offset += NDJSON_BATCH) {
          const { ids } = await select({ offset, limit: NDJSON_BATCH });
          if (ids.length) yield await project(ids);
          if (ids.length < NDJSON_BATCH) return;
        }
      }, streamFailed(c.req.path));
    }
    const page = await select({ offset: (q.page - 1) * q.per_page, limit: q.per_page });
    const contents = await project(page.ids);
    return sendJson(
      c,
      envelope(contents, page.total ?? 0, q.page, q.per_page),
      await domain.lastModified(db, kind, page.ids),
    );
  }

  app.get('/organizations', (c) => {
    const q = parse(c, organizationListQuery);
    const full = q.full || q.full_service;
    return catalogList(
      c,
      q,
      'organization',
      (w) => domain.selectOrganizations(db, withoutUndefined({ search: q.search }), w),
      (ids) =>
        full
          ? domain.projectOrganizations(db, ids, withoutUndefined({ fullService: q.full_service }))
          : domain.projectOrganizationList(db, ids),
    );
  });

  app.get('/organizations/:id', async (c) => {
    const id = idParam(c, 'organization');
    const q = parse(c, organizationDetailQuery);
    const [object] = await domain.projectOrganizations(
      db,
      [id],
      withoutUndefined({ fullService: q.full_service }),
    );
    if (!object) throw new ProblemError(404, 'Not Found', `No organization with id ${id}`);
    return sendJson(c, object, await domain.lastModified(db, 'organization', [id]));
  });

  app.get('/taxonomies', (c) => {
    const q = parse(c, taxonomyListQuery);
    return catalogList(
      c,
      q,
      'taxonomy',
      (w) => domain.selectTaxonomies(db, withoutUndefined({ search: q.search }), w),
      (ids) => domain.projectTaxonomies(db, ids),
    );
  });

  app.get('/taxonomies/:id', async (c) => {
    const id = idParam(c, 'taxonomy');
    const [object] = await domain.projectTaxonomies(db, [id]);
    if (!object) throw new ProblemError(404, 'Not Found', `No taxonomy with id ${id}`);
    return sendJson(c, object, await domain.lastModified(db, 'taxonomy', [id]));
  });

  app.get('/taxonomy_terms', (c) => {
    const q = parse(c, taxonomyTermListQuery);
    const query = withoutUndefined({
      search: q.search,
      taxonomyId: q.taxonomy_id,
      parentId: q.parent_id,
      topOnly: q.top_only,
    });
    return catalogList(
      c,
      q,
      'taxonomy_term',
      (w) => domain.selectTaxonomyTerms(db, query, w),
      (ids) => domain.projectTaxonomyTerms(db, ids),
    );
  });

  app.get('/taxonomy_terms/:id', async (c) => {
    const id = idParam(c, 'taxonomy_term');
    const [object] = await domain.projectTaxonomyTerms(db, [id]);
    if (!object) throw new ProblemError(404, 'Not Found', `No taxonomy_term with id ${id}`);
    return sendJson(c, object, await domain.lastModified(db, 'taxonomy_term', [id]));
  });

  // Anything else under /api/hsds (e.g. /locations, which HSDS 3.0 does not have) is a problem 404,
  // not the shell page.
  app.all('/*', (c) => {
    // `/api/hsds/` is the spec's `GET /` too (the sub-app's '/' is mounted as `/api/hsds`).
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && c.req.path.endsWith('/api/hsds/'))
      return root(c);
    throw new ProblemError(404, 'Not Found', `No HSDS endpoint ${c.req.method} ${c.req.path}`);
  });

  return app;
}
