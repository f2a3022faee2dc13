/**
 * A start-up problem the operator can fix. `message` names the problem, `hint` says what to do;
 * the server prints both and exits, without a stack trace.
 */
export class DatabaseStartupError extends Error {
  constructor(
    readonly code:
      | 'bad_database_url'
      | 'connection_failed'
      | 'postgis_missing'
      | 'data_dir_corrupt'
      | 'data_dir_locked'
      | 'migration_failed',
    message: string,
    readonly hint: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseStartupError';
  }
}

export function describeCause(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code)
      ? `${error.message} (${code})`
      : error.message;
  }
  return String(error);
}

/** The PostgreSQL error inside whatever wrapped it (drizzle wraps driver errors in DrizzleQueryError). */
export interface PgErrorInfo {
  code?: string;
  constraint?: string;
  message: string;
}
export function pgErrorOf(error: unknown): PgErrorInfo | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const candidate = e as {
      code?: unknown;
      message?: unknown;
      constraint?: unknown;
      constraint_name?: unknown;
    };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const constraint = candidate.constraint ?? candidate.constraint_name;
      return {
        code: candidate.code,
        message: String(candidate.message),
        ...(typeof constraint === 'string' ? { constraint } : {}),
      };
    }
  }
  return undefined;
}
