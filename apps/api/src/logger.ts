import pino from 'pino';

/**
 * Structured JSON logs. Requests are logged by method, route path, status and duration with their
 * request id; never query strings, bodies, cookies or e-mail addresses (redact guards mistakes).
 * Errors go through `safeError`, so a database error never brings the query's values along.
 */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'caremap-api' },
    serializers: { err: safeError, error: safeError, cause: safeError },
    hooks: {
      // pino takes the message of `logger.error(err)` / `logger.error({ err })` from err.message,
      // which for a database error is `Failed query: ...\nparams: <values>`: use the safe one.
      logMethod(args, method) {
        const [first, second] = args as unknown[];
        if (typeof second !== 'string' && first && typeof first === 'object') {
          const err = first instanceof Error ? first : (first as { err?: unknown }).err;
          const own = (first as { msg?: unknown }).msg;
          if (isErrorLike(err) && own === undefined) {
            const message = String(safeError(err).message ?? 'error');
            return method.apply(this, [first, message, ...(args.slice(2) as [])]);
          }
        }
        return method.apply(this, args);
      },
    },
    redact: {
      paths: [
        'email',
        'password',
        'cookie',
        'authorization',
        '*.email',
        '*.password',
        '*.cookie',
        '*.authorization',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
export type Logger = ReturnType<typeof createLogger>;

type ErrorLike = Error & Record<string, unknown>;
const isErrorLike = (value: unknown): value is ErrorLike =>
  value instanceof Error ||
  (typeof value === 'object' &&
    value !== null &&
    typeof (value as { message?: unknown }).message === 'string');

/** Keys that carry a query's values or a row's contents (drizzle, postgres.js, PGlite). */
const VALUE_KEYS = new Set([
  'params',
  'parameters',
  'args',
  'types',
  'detail',
  'where',
  'hint',
  'internalQuery',
  'internal_query',
  'queryOptions',
  'position',
  'internalPosition',
  'internal_position',
  'length',
]);
/** Fields of a driver error that name things, not values. */
const NAME_KEYS: [from: string, to: string][] = [
  ['severity', 'severity'],
  ['schema', 'schema'],
  ['schema_name', 'schema'],
  ['table', 'table'],
  ['table_name', 'table'],
  ['column', 'column'],
  ['column_name', 'column'],
  ['constraint', 'constraint'],
  ['constraint_name', 'constraint'],
  ['dataType', 'dataType'],
  ['data_type_name', 'dataType'],
  ['routine', 'routine'],
];

/** Condition names of the SQLSTATE codes and classes a CareMap query is likely to meet. */
const SQLSTATE: Record<string, string> = {
  '23505': 'unique_violation',
  '23503': 'foreign_key_violation',
  '23502': 'not_null_violation',
  '23514': 'check_violation',
  '23P01': 'exclusion_violation',
  '22P02': 'invalid_text_representation',
  '22001': 'string_data_right_truncation',
  '22003': 'numeric_value_out_of_range',
  '22007': 'invalid_datetime_format',
  '22008': 'datetime_field_overflow',
  '40001': 'serialization_failure',
  '40P01': 'deadlock_detected',
  '42501': 'insufficient_privilege',
  '42601': 'syntax_error',
  '42703': 'undefined_column',
  '42P01': 'undefined_table',
  '53300': 'too_many_connections',
  '57014': 'query_canceled',
  '57P01': 'admin_shutdown',
  P0001: 'raise_exception',
};
const SQLSTATE_CLASS: Record<string, string> = {
  '08': 'connection_exception',
  '22': 'data_exception',
  '23': 'integrity_constraint_violation',
  '25': 'invalid_transaction_state',
  '28': 'invalid_authorization_specification',
  '40': 'transaction_rollback',
  '42': 'syntax_error_or_access_rule_violation',
  '53': 'insufficient_resources',
  '54': 'program_limit_exceeded',
  '55': 'object_not_in_prerequisite_state',
  '57': 'operator_intervention',
  '58': 'system_error',
  P0: 'plpgsql_error',
  XX: 'internal_error',
};

const sqlState = (e: ErrorLike): string | undefined =>
  typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined;

/** A drizzle query wrapper or a PostgreSQL/PGlite server error: its message and fields carry values. */
function isDatabaseError(e: ErrorLike): boolean {
  if (e.name === 'DrizzleQueryError' || e.constructor?.name === 'DrizzleQueryError') return true;
  if (e.name === 'PostgresError' || e.constructor?.name === 'PostgresError') return true;
  if (typeof e.query === 'string' && ('params' in e || 'parameters' in e)) return true;
  return sqlState(e) !== undefined && typeof e.severity === 'string';
}

/** SQL text with its literals blanked: drizzle sends values as parameters, hand-written SQL may not. */
export function sqlWithoutValues(query: string): string {
  return query
    .replace(/(?:\b[eE])?'(?:[^'\\]|''|\\.)*'/g, "'?'")
    .replace(/\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$/g, "'?'")
    .slice(0, 2000);
}

/** The stack's frames under a safe first line (the original first lines repeat the message). */
function framesOnly(stack: unknown, head: string): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [head, ...frames].join('\n');
}

/** E-mail addresses anywhere in free text (defence in depth for messages we did not write). */
const EMAIL = /[\w.!#$%&'*+=?^`{|}~-]+@(?:[\w-]+\.)+[A-Za-z]{2,}\b/g;
const withoutEmails = (text: string) => text.replace(EMAIL, '[email]');

type Serialized = Record<string, unknown> & { type?: string; message?: string };

/**
 * The pino `err` serializer. A database error is logged by what it is, never by what it held:
 * SQLSTATE code and condition, severity, schema/table/column/constraint names and the SQL text
 * without values; its message, params, parameters, detail, where and hint are dropped. Other errors
 * keep type, message and stack (e-mail addresses blanked, and a database error's message they copied,
 * as tRPC's wrapper does, cut out), and every nested cause goes through here.
 */
export function safeError(value: unknown): Serialized {
  return serialize(value, new WeakSet(), []);
}

function serialize(value: unknown, seen: WeakSet<object>, unsafe: string[]): Serialized {
  if (!isErrorLike(value)) {
    // A string or number where an error belongs: its text is unknown, so only its kind is logged.
    return { type: typeof value, message: `non-error value (${typeof value})` };
  }
  if (seen.has(value)) return { type: 'circular' };
  seen.add(value);
  const type = (typeof value.constructor === 'function' && value.constructor.name) || value.name || 'Error';
  const out: Serialized = { type };
  // Nested errors first: the texts of the database errors among them must not reappear up here.
  const nested: Record<string, Serialized | Serialized[]> = {};
  if (value.cause !== undefined) nested.cause = serialize(value.cause, seen, unsafe);
  if (Array.isArray(value.errors)) nested.errors = value.errors.map((e) => serialize(e, seen, unsafe));

  if (isDatabaseError(value)) {
    if (value.message) unsafe.push(value.message);
    const code = sqlState(value);
    for (const [from, to] of NAME_KEYS) {
      const v = value[from];
      if (typeof v === 'string' && v && out[to] === undefined) out[to] = v;
    }
    if (code) {
      out.code = code;
      out.condition = SQLSTATE[code] ?? SQLSTATE_CLASS[code.slice(0, 2)] ?? 'database_error';
    } else if (typeof value.code === 'string' && /^[A-Z_]+$/.test(value.code)) {
      out.code = value.code; // postgres.js client-side codes (CONNECTION_CLOSED, ...)
    }
    if (typeof value.query === 'string') out.query = sqlWithoutValues(value.query);
    out.message = code
      ? `database error ${code} (${out.condition})${out.constraint ? ` on ${out.constraint}` : ''}`
      : typeof value.query === 'string'
        ? 'database query failed'
        : 'database error';
    const stack = framesOnly(value.stack, `${type}: ${out.message}`);
    if (stack) out.stack = stack;
  } else {
    const clean = (text: string) => {
      let t = text;
      for (const u of unsafe) t = t.split(u).join('[database error]');
      return withoutEmails(t);
    };
    const keys = Object.keys(value).filter((k) => k !== 'cause' && k !== 'errors' && !VALUE_KEYS.has(k));
    for (const key of keys) if (isErrorLike(value[key])) out[key] = serialize(value[key], seen, unsafe);
    for (const key of keys) {
      const v = value[key];
      if (v === null || typeof v === 'number' || typeof v === 'boolean') out[key] = v;
      else if (typeof v === 'string') out[key] = clean(v);
    }
    out.type = type;
    out.message = clean(value.message);
    if (typeof value.stack === 'string') out.stack = clean(value.stack);
  }
  return Object.assign(out, nested);
}
