// The rate limit of the public link pages (invitation answers, polls): per client address, counted
// in the shared `rate_limit` table (every replica counts the same), keys hashed.
import { createHash } from 'node:crypto';
import { type Database, schema } from '@caremap/db';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { Context } from '../context';
import { appError } from '../errors';

/** Calls per client address per window: plenty for a person, too few to guess 256-bit tokens anyway. */
export const PUBLIC_LINK_LIMIT = { points: 30, windowSeconds: 10 * 60 };

const limiters = new WeakMap<Database, Map<string, RateLimiterDrizzle>>();
function limiterFor(db: Database, keyPrefix: string) {
  let byPrefix = limiters.get(db);
  if (!byPrefix) {
    byPrefix = new Map();
    limiters.set(db, byPrefix);
  }
  let limiter = byPrefix.get(keyPrefix);
  if (!limiter) {
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: schema.rateLimit,
      keyPrefix,
      points: PUBLIC_LINK_LIMIT.points,
      duration: PUBLIC_LINK_LIMIT.windowSeconds,
    });
    byPrefix.set(keyPrefix, limiter);
  }
  return limiter;
}

/** Counts one call of `keyPrefix` from the caller's address; TOO_MANY_REQUESTS over the limit. */
export async function consumePublicLink(ctx: Pick<Context, 'db' | 'clientKey'>, keyPrefix: string) {
  try {
    await limiterFor(ctx.db, keyPrefix).consume(
      createHash('sha256').update(ctx.clientKey).digest('base64url').slice(0, 32),
    );
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    throw appError(
      'TOO_MANY_REQUESTS',
      'too_many_attempts',
      'Too many requests from this address; try again later',
    );
  }
}
