// RFC 9457 problem details for the public REST APIs (HSDS). Handlers throw a ProblemError; the
// app's one onError turns it into an `application/problem+json` response.
import type { z } from 'zod';

export interface InvalidParam {
  name: string;
  reason: string;
}

/** `title` is the status phrase (RFC 9457 4.2.1 for `about:blank`); `detail` says what went wrong. */
export class ProblemError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 415 | 429 | 503,
    readonly title: string,
    readonly detail: string,
    readonly extra: {
      invalid_params?: InvalidParam[];
      retryAfterSeconds?: number;
      /** A reason the UI translates (upload page), and the limit a `too_large` refers to. */
      code?: string;
      max_bytes?: number;
    } = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
  }
}

/** A 400 naming every bad query parameter of a failed zod parse. */
export function badParameters(error: z.ZodError): ProblemError {
  const invalid = error.issues.map((issue) => ({
    name: String(issue.path[0] ?? 'query'),
    reason: issue.message,
  }));
  const names = [...new Set(invalid.map((p) => p.name))];
  return new ProblemError(
    400,
    'Bad Request',
    `Invalid query parameter${names.length > 1 ? 's' : ''}: ${invalid.map((p) => `${p.name}: ${p.reason}`).join('; ')}`,
    { invalid_params: invalid },
  );
}

export function problemResponse(error: ProblemError, instance: string): Response {
  const headers = new Headers({ 'Content-Type': 'application/problem+json' });
  if (error.extra.retryAfterSeconds !== undefined)
    headers.set('Retry-After', String(error.extra.retryAfterSeconds));
  const body = {
    type: 'about:blank',
    title: error.title,
    status: error.status,
    detail: error.detail,
    instance,
    ...(error.extra.invalid_params ? { invalid_params: error.extra.invalid_params } : {}),
    ...(error.extra.code ? { code: error.extra.code } : {}),
    ...(error.extra.max_bytes !== undefined ? { max_bytes: error.extra.max_bytes } : {}),
  };
  return new Response(JSON.stringify(body), { status: error.status, headers });
}
