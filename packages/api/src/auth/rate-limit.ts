import { createHash } from 'node:crypto';
import type { Database } from '@caremap/db';
import { schema } from '@caremap/db';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';

/** Sign-in limits; README "Configuration" lists the variables that set them. */
export interface LoginLimits {
  /** Failed sign-ins per account (from anywhere) within the window, then the account is locked. */
  perAccount: number;
  /** Failed sign-ins from one address (over all accounts) within the window, then it is locked. */
  perAddress: number;
  /** Window and lock length, seconds. */
  windowSeconds: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccount: 10, perAddress: 50, windowSeconds: 15 * 60 };

interface Limiters {
  account: RateLimiterDrizzle;
  address: RateLimiterDrizzle;
}

// rate-limiter-flexible's Drizzle store keeps the counters in the `rate_limit` table, so every
// replica counts the same attempts (PostgreSQL) and a restart forgets nothing (PGlite too). Its
// upsert is one atomic statement, so parallel attempts cannot read a stale count.
const cache = new WeakMap<Database, Map<string, Limiters>>();

function limitersFor(db: Database, limits: LoginLimits): Limiters {
  const id = `${limits.perAccount}/${limits.perAddress}/${limits.windowSeconds}`;
  let byLimits = cache.get(db);
  if (!byLimits) {
    byLimits = new Map();
    cache.set(db, byLimits);
  }
  let limiters = byLimits.get(id);
  if (!limiters) {
    const make = (keyPrefix: string, points: number) =>
      new RateLimiterDrizzle({
        storeClient: db,
        schema: schema.rateLimit,
        keyPrefix,
        points,
        duration: limits.windowSeconds,
        blockDuration: limits.windowSeconds,
      });
    limiters = {
      account: make('login_account', limits.perAccount),
      address: make('login_address', limits.perAddress),
    };
    byLimits.set(id, limiters);
  }
  return limiters;
}

// Counter keys are hashes: the table holds no e-mail address or IP address.
const digest = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 32);

export interface LoginAttempt {
  /** Call when the password was right: the account's failures are forgotten, the address is refunded. */
  succeeded(): Promise<void>;
}

export class TooManyAttempts extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('too many sign-in attempts');
  }
}

/**
 * Takes one attempt from the account's and the address's allowance BEFORE the password is checked,
 * so forty parallel guesses cost forty points and the eleventh is refused without hashing.
 */
export async function beginLoginAttempt(
  db: Database,
  email: string,
  address: string,
  limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
): Promise<LoginAttempt> {
  const { account, address: byAddress } = limitersFor(db, limits);
  const accountKey = digest(email);
  const addressKey = digest(address);
  const results = await Promise.allSettled([account.consume(accountKey), byAddress.consume(addressKey)]);
  const refused = results
    .map((r) => (r.status === 'rejected' ? r.reason : undefined))
    .filter((reason) => reason !== undefined);
  for (const reason of refused) if (!(reason instanceof RateLimiterRes)) throw reason;
  if (refused.length) {
    const wait = Math.max(...(refused as RateLimiterRes[]).map((r) => r.msBeforeNext));
    throw new TooManyAttempts(Math.ceil(wait / 1000));
  }
  return {
    async succeeded() {
      await Promise.all([account.delete(accountKey), byAddress.reward(addressKey, 1)]);
    },
  };
}
