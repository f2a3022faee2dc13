import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

// Failed sign-ins per e-mail+client: 10 per 15 minutes, then a 15-minute lock. In memory for a
// single node; the scale-out issue swaps in rate-limiter-flexible's PostgreSQL store.
const failures = new RateLimiterMemory({ points: 10, duration: 15 * 60, blockDuration: 15 * 60 });

export async function isLockedOut(key: string): Promise<boolean> {
  const res = await failures.get(key);
  return !!res && res.consumedPoints >= 10;
}

export async function recordFailure(key: string): Promise<void> {
  try {
    await failures.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
  }
}

export async function clearFailures(key: string): Promise<void> {
  await failures.delete(key);
}
