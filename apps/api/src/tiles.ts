// Vector tiles of the directory, mounted at /tiles: GET /tiles/services/{z}/{x}/{y}.mvt with the
// list's filters as query parameters (the same names as the HSDS API's extensions). Public and
// read-only; the tile itself comes from packages/api (directory/tiles.ts: the search's own filter
// SQL, clusters up to z12, public points only). This file only speaks HTTP: parameters, the tile
// address, caching headers.
import { createHash } from 'node:crypto';
import { hsds, SearchInputError, serviceTile, TILE_MAX_ZOOM, validTile } from '@caremap/api';
import type { DatabaseHandle } from '@caremap/db';
import { rfc3339Schema, type ServiceSearchInput } from '@caremap/validators';
import { Hono } from 'hono';
import { z } from 'zod';
import { etagMatches } from './hsds';
import { bool, number, uuid } from './hsds-params';
import { badParameters, ProblemError } from './problem';
import { rateLimited } from './rate-limited';

export const TILE_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';
/** Short: "open now" tiles change with the clock, and data changes reach the map within a minute. */
const CACHE_CONTROL = 'public, max-age=60';

const whole = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be ${min} or more`)
    .max(max, `must be ${max} or less`);

const tileParams = z.object({
  search: z.string().trim().max(200, 'must be 200 characters or fewer').optional(),
  taxonomy_term_id: uuid.optional(),
  organization_id: uuid.optional(),
  lat: number(-90, 90).optional(),
  lng: number(-180, 180).optional(),
  /** A town of the packaged gazetteer (GeoNames id), instead of lat/lng. */
  place_id: whole(1, 2 ** 31 - 1).optional(),
  /** Metres around the point or place; default 25 km. */
  proximity: whole(100, 500_000).optional(),
  open_now: bool.optional(),
  open_at: rfc3339Schema.optional(),
  age: whole(0, 130).optional(),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}$/, 'must be an ISO 639-1 code (or a three-letter ISO 639-2/3 code), e.g. hu')
    .optional(),
  free: bool.optional(),
  wheelchair: bool.optional(),
  attending_type: z
    .enum(['in_person', 'online', 'phone'], { error: 'must be in_person, online or phone' })
    .optional(),
});

export const tileQuery = tileParams.superRefine((q, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if ((q.lat === undefined) !== (q.lng === undefined))
    issue(q.lat === undefined ? 'lat' : 'lng', 'lat and lng must be given together');
  if (q.place_id !== undefined && q.lat !== undefined) issue('place_id', 'give either place_id or lat/lng');
  if (q.proximity !== undefined && q.lat === undefined && q.place_id === undefined)
    issue('proximity', 'needs lat and lng, or place_id');
  if (q.open_now && q.open_at) issue('open_at', 'cannot be combined with open_now=true');
});

/** The tile query as the one directory search input (packages/validators serviceSearchInput). */
export function tileSearchInput(q: z.output<typeof tileQuery>): ServiceSearchInput {
  const input: ServiceSearchInput = {
    text: q.search,
    taxonomyTermIds: q.taxonomy_term_id ? [q.taxonomy_term_id] : undefined,
    organizationId: q.organization_id,
    near: q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : undefined,
    placeId: q.place_id,
    radiusMeters: q.proximity,
    openNow: q.open_now || undefined,
    openAt: q.open_at,
    age: q.age,
    language: q.language,
    free: q.free || undefined,
    wheelchair: q.wheelchair || undefined,
    attendingType: q.attending_type,
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

const PARAM_OF: Record<string, string> = { placeId: 'place_id' };

function tileAddress(zText: string, xText: string, file: string) {
  const invalid: { name: string; reason: string }[] = [];
  const int = (name: string, text: string) => {
    if (!/^\d{1,8}$/.test(text)) invalid.push({ name, reason: 'must be a whole number' });
    return Number(text);
  };
  const zoom = int('z', zText);
  const x = int('x', xText);
  const yMatch = /^(\d{1,8})\.mvt$/.exec(file);
  if (!yMatch) invalid.push({ name: 'y', reason: 'must be a whole number followed by .mvt' });
  const y = Number(yMatch?.[1]);
  if (!invalid.length) {
    if (zoom > TILE_MAX_ZOOM) invalid.push({ name: 'z', reason: `must be between 0 and ${TILE_MAX_ZOOM}` });
    else {
      const n = 2 ** zoom;
      if (x >= n) invalid.push({ name: 'x', reason: `must be below ${n} at zoom ${zoom}` });
      if (y >= n) invalid.push({ name: 'y', reason: `must be below ${n} at zoom ${zoom}` });
    }
  }
  if (invalid.length || !validTile({ z: zoom, x, y })) {
    throw new ProblemError(
      400,
      'Bad Request',
      `Invalid tile address: ${invalid.map((p) => `${p.name}: ${p.reason}`).join('; ')}`,
      { invalid_params: invalid },
    );
  }
  return { z: zoom, x, y };
}

/** Tiles come in bursts (a map view loads a dozen or two), so their limit is their own and wider. */
export const DEFAULT_TILE_LIMITS: hsds.PublicReadLimits = { points: 3000, windowSeconds: 60 };

export function createTilesApp({
  database,
  trustProxy = 0,
  limits,
}: {
  database: DatabaseHandle;
  trustProxy?: number;
  /** Per client address (CAREMAP_TILE_RATE_LIMIT, CAREMAP_TILE_RATE_WINDOW_SECONDS). */
  limits?: Partial<hsds.PublicReadLimits> | undefined;
}) {
  const app = new Hono();
  const limiter = hsds.publicRateLimiter(
    database.db,
    database.kind,
    { ...DEFAULT_TILE_LIMITS, ...limits },
    'tile_read',
  );
  // Readable from other sites, refusals (400, 429) included.
  app.use('/*', async (c, next) => {
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', '*');
  });
  app.use('/*', rateLimited(limiter, trustProxy));

  app.get('/services/:z/:x/:file', async (c) => {
    const tile = tileAddress(c.req.param('z'), c.req.param('x'), c.req.param('file'));
    const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
    // A misspelt filter would silently widen the map: name it instead.
    const unknown = Object.keys(raw).filter((key) => !Object.hasOwn(tileParams.shape, key));
    if (unknown.length) {
      throw new ProblemError(400, 'Bad Request', `Unknown query parameter: ${unknown.join(', ')}`, {
        invalid_params: unknown.map((name) => ({ name, reason: 'is not a tile parameter' })),
      });
    }
    const parsed = tileQuery.safeParse(raw);
    if (!parsed.success) throw badParameters(parsed.error);
    let bytes: Uint8Array;
    try {
      bytes = await serviceTile(database.db, database.kind, tile, tileSearchInput(parsed.data));
    } catch (error) {
      if (error instanceof SearchInputError) {
        const name = PARAM_OF[error.field] ?? error.field;
        const reason = error.message.slice(error.field.length + 2);
        throw new ProblemError(400, 'Bad Request', `Invalid query parameter: ${name}: ${reason}`, {
          invalid_params: [{ name, reason }],
        });
      }
      throw error;
    }
    const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`;
    const headers = new Headers({
      ETag: etag,
      'Cache-Control': CACHE_CONTROL,
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': 'ETag',
    });
    if (etagMatches(c.req.header('if-none-match'), etag)) return new Response(null, { status: 304, headers });
    headers.set('Content-Type', TILE_CONTENT_TYPE);
    return new Response(new Uint8Array(bytes), { status: 200, headers });
  });

  return app;
}
