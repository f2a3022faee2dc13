import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AppCode,
  appRouter,
  type hsds as hsdsDomain,
  resolveSession,
  SESSION_IDLE_MS,
  SESSION_TTL_MS,
  type SecuritySettings,
} from '@caremap/api';
import type { DatabaseHandle } from '@caremap/db';
import { DEFAULT_IMPORT_MAX_MB } from '@caremap/validators';
import { trpcServer } from '@hono/trpc-server';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import type { RequestIdVariables } from 'hono/request-id';
import { serialize } from 'hono/utils/cookie';
import { clientAddress, isSecureRequest } from './client-address';
import { createConferenceFilesApp } from './conference-files';
import { csrfProtection } from './csrf';
import { createDownloadsApp } from './downloads';
import type { Frontend } from './frontend';
import { createHsdsApp } from './hsds';
import { createImportApp } from './imports';
import type { Logger } from './logger';
import { ProblemError, problemResponse } from './problem';
import { requestId } from './request-id';
import { securityHeaders } from './security-headers';
import { createTerritoryApp } from './territories';
import { createTilesApp } from './tiles';

export const SESSION_COOKIE = 'caremap_session';

export interface AppOptions {
  database: DatabaseHandle;
  logger: Logger;
  frontend?: Frontend | undefined;
  /** Number of trusted reverse proxies in front (CAREMAP_TRUST_PROXY); 0 = take the socket address. */
  trustProxy?: number;
  /** Session lifetime, idle timeout, sign-in limits, refused passwords; built-in defaults where absent. */
  security?: Partial<SecuritySettings>;
  /** CAREMAP_PUBLIC_URL: the origin browsers use; state-changing requests must come from it. */
  publicUrl?: string | undefined;
  /** Public read limits of the HSDS API (CAREMAP_HSDS_RATE_LIMIT, CAREMAP_HSDS_RATE_WINDOW_SECONDS). */
  hsdsLimits?: Partial<hsdsDomain.PublicReadLimits>;
  /** Public limits of the vector tiles (CAREMAP_TILE_RATE_LIMIT, CAREMAP_TILE_RATE_WINDOW_SECONDS). */
  tileLimits?: Partial<hsdsDomain.PublicReadLimits>;
  /** HSDS uploads: folder (CAREMAP_IMPORT_DIR), size limit (CAREMAP_IMPORT_MAX_MB), worker wake-up. */
  imports?: { dir?: string; maxBytes?: number; onQueued?: () => void };
  /** Records not verified for this many months are due for verification (CAREMAP_VERIFY_AFTER_MONTHS). */
  verifyAfterMonths?: number;
  /** Origins a configured basemap loads from, allowed by the CSP (see `basemapOrigins`). */
  mapOrigins?: readonly string[];
}

export const IMPORT_UPLOAD_PATH = '/api/imports/hsds';

type Env = { Variables: RequestIdVariables };

export function createApp({
  database,
  logger,
  frontend,
  trustProxy = 0,
  security = {},
  publicUrl,
  hsdsLimits,
  tileLimits,
  imports = {},
  verifyAfterMonths,
  mapOrigins = [],
}: AppOptions) {
  const app = new Hono<Env>();
  const sessionTtlMs = security.sessionTtlMs ?? SESSION_TTL_MS;
  const sessionIdleMs = security.sessionIdleMs ?? SESSION_IDLE_MS;

  // Client ids only when they look like generated trace ids: a name sent as X-Request-Id is not kept.
  app.use(requestId({ limitLength: 64 }));
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    // Path only: query strings can carry search terms that say something about a person.
    logger.info(
      {
        reqId: c.get('requestId'),
        method: c.req.method,
        path: loggablePath(c.req.path),
        status: c.res.status,
        ms,
      },
      'request',
    );
  });
  // CSP with a per-response script nonce, HSTS behind TLS only, Referrer-Policy: see the module.
  app.use(securityHeaders({ trustProxy, mapOrigins }));

  app.use(
    csrfProtection({
      publicOrigin: publicUrl ? new URL(publicUrl).origin : undefined,
      trustProxy,
      sessionCookie: SESSION_COOKIE,
      uploadPaths: [IMPORT_UPLOAD_PATH],
    }),
  );

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await withTimeout(database.ping(), 2000);
      return c.json({ status: 'ready', database: database.kind });
    } catch (error) {
      logger.warn({ reqId: c.get('requestId'), err: error }, 'readiness check failed');
      return c.json({ status: 'unavailable', database: database.kind }, 503);
    }
  });

  // Open Referral HSDS 3.0: public, read-only, CORS-open, rate-limited (see the module).
  app.route('/api/hsds', createHsdsApp({ database, logger, trustProxy, limits: hsdsLimits, publicUrl }));

  // Vector tiles of the directory search for the /find map: public, cacheable (see the module).
  app.route('/tiles', createTilesApp({ database, trustProxy, limits: tileLimits }));

  // HSDS uploads for coordinators and administrators: streamed to disk, queued, run by the worker.
  app.route(
    '/api/imports',
    createImportApp({
      database,
      logger,
      sessionCookie: SESSION_COOKIE,
      sessionIdleMs,
      dir: imports.dir ?? join(tmpdir(), 'caremap-imports'),
      maxBytes: imports.maxBytes ?? DEFAULT_IMPORT_MAX_MB * 1024 * 1024,
      onQueued: imports.onQueued,
    }),
  );

  // Session-cookie downloads (CSV, later GeoJSON and PDF), each through its tRPC procedure.
  app.route(
    '/api',
    createDownloadsApp({
      database,
      sessionCookie: SESSION_COOKIE,
      sessionIdleMs,
      trustProxy,
      verifyAfterMonths,
    }),
  );
  // A feedback letter's PDF (session cookie) and the personal calendar feeds (secret token).
  app.route(
    '/',
    createConferenceFilesApp({ database, sessionCookie: SESSION_COOKIE, sessionIdleMs, trustProxy }),
  );
  // A territory's boundary as GeoJSON (GET /api/territories/<id>.geojson), with the session cookie.
  app.route(
    '/api/territories',
    createTerritoryApp({ database, sessionCookie: SESSION_COOKIE, sessionIdleMs }),
  );

  app.use(
    '/trpc/*',
    trpcServer({
      endpoint: '/trpc',
      router: appRouter,
      createContext: async ({ resHeaders }, c) => {
        const token = getCookie(c, SESSION_COOKIE) ?? null;
        const secure = isSecureRequest(c, trustProxy);
        return {
          db: database.db,
          requestId: c.get('requestId'),
          clientKey: clientAddress(c, trustProxy),
          sessionToken: token,
          user: await resolveSession(database.db, token, sessionIdleMs),
          settings: security,
          ...(verifyAfterMonths === undefined ? {} : { verifyAfterMonths }),
          // Links in invitation e-mails: the configured public URL, else the origin this request used.
          publicUrl: publicUrl ? new URL(publicUrl).origin : new URL(c.req.url).origin,
          setSessionToken: (value: string | null, expiresAt?: Date) => {
            resHeaders.append(
              'Set-Cookie',
              serialize(SESSION_COOKIE, value ?? '', {
                path: '/',
                httpOnly: true,
                sameSite: 'Lax',
                secure,
                ...(value ? { expires: expiresAt ?? new Date(Date.now() + sessionTtlMs) } : { maxAge: 0 }),
              }),
            );
          },
        };
      },
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          logger.error({ err: error.cause ?? error, path }, 'tRPC procedure failed');
      },
    }),
  );

  if (frontend) frontend.mount(app);

  app.notFound((c) => {
    if (frontend && c.req.method === 'GET' && (c.req.header('accept') ?? '').includes('text/html')) {
      return frontend.shellPage(c, 404);
    }
    return c.json({ error: { appCode: 'not_found' satisfies AppCode, message: 'Not found' } }, 404);
  });

  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    if (error instanceof ProblemError) return problemResponse(error, c.req.path);
    logger.error({ reqId: c.get('requestId'), err: error }, 'unhandled error');
    return c.json(
      {
        error: {
          appCode: 'internal' satisfies AppCode,
          message: 'Internal server error',
          requestId: c.get('requestId'),
        },
      },
      500,
    );
  });

  return app;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref(),
    ),
  ]);
}

/**
 * The request path for the access log, with any segment that could name a person blanked: an
 * e-mail address (also percent-encoded) or a run of six or more digits (a phone or an id number).
 */
export function loggablePath(path: string): string {
  return path
    .split('/')
    .map((segment, i, all) =>
      // A calendar feed's token is a credential: never in the log.
      /@|%40|\d{6,}/i.test(segment) || (i > 0 && all[i - 1] === 'calendar') ? ':redacted' : segment,
    )
    .join('/');
}
