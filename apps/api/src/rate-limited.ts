// The per-client limit of the public, sign-in-free doors (HSDS API, vector tiles): a refusal is a
// 429 problem with Retry-After, thrown like any other problem so the app's onError builds it and
// the door's CORS headers still make it readable.
import type { hsds } from '@caremap/api';
import type { MiddlewareHandler } from 'hono';
import { clientAddress } from './client-address';
import { ProblemError } from './problem';

export function rateLimited(limiter: hsds.PublicRateLimiter, trustProxy: number): MiddlewareHandler {
  return async (c, next) => {
    const decision = await limiter.consume(clientAddress(c, trustProxy));
    if (!decision.allowed) {
      throw new ProblemError(
        429,
        'Too Many Requests',
        `Too many requests; try again in ${decision.retryAfterSeconds} s`,
        { retryAfterSeconds: decision.retryAfterSeconds },
      );
    }
    await next();
  };
}
