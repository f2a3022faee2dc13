import { createHash } from 'node:crypto';
import { type Database, schema } from '@caremap/db';
import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Public read limits of the HSDS API; README "Configuration" lists the variables that set them. */
export interface PublicReadLimits {
  /** Requests one client address may make within the window. */
  points: number;
  /** Window, seconds. */
  windowSeconds: number;
}

export const DEFAULT_PUBLIC_READ_LIMITS: PublicReadLimits = { points: 600, windowSeconds: 60 };

export type RateDecision =
  | { allowed: true; remaining: number }
  | { allowed: false; retryAfterSeconds: number };

export interface PublicRateLimiter {
  consume(clientAddress: string): Promise<RateDecision>;
}

// Counter keys are hashes: the store holds no IP address.
const digest = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 32);

/**
 * One counter per client address. On PostgreSQL the counters sit in the `rate_limit` table
 * (RateLimiterDrizzle, one atomic upsert per request), so every replica counts the same requests.
 * The embedded PGlite database is single-process by construction, and a write per public read
 * would serialise every reader behind its one connection, so there the counters live in memory.
 */
export function publicRateLimiter(
  db: Database,
  kind: 'pglite' | 'postgres',
  limits: PublicReadLimits,
  keyPrefix = 'hsds_read',
): PublicRateLimiter {
  const options = { keyPrefix, points: limits.points, duration: limits.windowSeconds };
  const limiter =
    kind === 'postgres'
      ? new RateLimiterDrizzle({ ...options, storeClient: db, schema: schema.rateLimit })
      : new RateLimiterMemory(options);
  return {
    async consume(clientAddress) {
      try {
        const res = await limiter.consume(digest(clientAddress));
        return { allowed: true, remaining: res.remainingPoints };
      } catch (reason) {
        if (!(reason instanceof RateLimiterRes)) throw reason;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(reason.msBeforeNext / 1000)) };
      }
    },
  };
}
