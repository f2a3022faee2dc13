import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The value a chain of `hops` trusted reverse proxies vouches for in a comma-separated forwarding
 * header. Each proxy appends the address it received the request from, so the entry written by the
 * outermost trusted proxy is the `hops`-th from the right; everything left of it was sent by the
 * client and may be invented. Never the leftmost entry unless the chain is that short.
 */
export function trustedForwardedValue(header: string | undefined, hops: number): string | undefined {
  if (hops <= 0 || !header) return undefined;
  const values = header
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (values.length === 0) return undefined;
  return values[Math.max(values.length - hops, 0)];
}

/** The caller's address, for rate limiting only (never logged or stored). */
export function clientAddress(c: Context, trustedHops: number): string {
  const forwarded = trustedForwardedValue(c.req.header('x-forwarded-for'), trustedHops);
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Whether the browser reached us over TLS: directly, or through the trusted proxies. */
export function isSecureRequest(c: Context, trustedHops: number): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustedForwardedValue(c.req.header('x-forwarded-proto'), trustedHops)?.toLowerCase() === 'https';
}
