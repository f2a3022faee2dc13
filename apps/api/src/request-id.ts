import type { MiddlewareHandler } from 'hono';
import type { RequestIdVariables } from 'hono/request-id';

/**
 * Whether a client's request id looks like a generated trace id: 16-64 characters of hex digits and
 * dashes, starting and ending with a hex digit, at least 16 hex digits of which at least one is a letter
 * a-f (a UUID, a W3C trace id, a 64-bit hex span id). Words and names ("jane_doe"), dates, phone,
 * card and id numbers (digits only) do not pass.
 */
export function isTraceId(value: string): boolean {
  if (!/^[0-9a-f][0-9a-f-]{14,62}[0-9a-f]$/i.test(value)) return false;
  const digits = value.replace(/-/g, '');
  return digits.length >= 16 && /[a-f]/i.test(digits);
}

/**
 * Request ids for logs and the audit log. A client's X-Request-Id (e.g. from a proxy that traces
 * requests) is kept only when it looks like a generated trace id, so a client cannot write a name
 * or other personal data into the logs and the audit trail through it; otherwise a fresh UUID is
 * used. The response echoes the id used. Drop-in for hono/request-id.
 */
export function requestId({
  limitLength = 64,
  headerName = 'X-Request-Id',
}: {
  limitLength?: number;
  headerName?: string;
} = {}): MiddlewareHandler<{
  Variables: RequestIdVariables;
}> {
  return async (c, next) => {
    const given = c.req.header(headerName);
    const id = given && given.length <= limitLength && isTraceId(given) ? given : crypto.randomUUID();
    c.set('requestId', id);
    await next();
    // After the handler: a handler that returns its own Response (tRPC does) drops headers set before.
    // Set on the response in place: c.header() on a finished response rebuilds it, and with
    // @hono/node-server's light Response that copy loses headers inner middleware added afterwards
    // (the security headers).
    c.res.headers.set(headerName, id);
  };
}
