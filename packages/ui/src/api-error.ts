import type { TFunction } from 'i18next';

/** One validation problem, as the server sends it in `error.data.zodIssues` (and as zod makes it). */
export interface ValidationIssue {
  path: ReadonlyArray<PropertyKey>;
  code: string;
  message?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  input?: unknown;
}

export interface ApiErrorDetails {
  /** One sentence for an alert; names the fields and problems for validation errors. */
  message: string;
  /** Per field (first path segment), the translated problem: shown next to the field. */
  fieldErrors: Record<string, string>;
  kind:
    | 'validation'
    | 'credentials'
    | 'rate-limit'
    | 'auth'
    | 'forbidden'
    | 'not-found'
    | 'conflict'
    | 'expired'
    | 'network'
    | 'server'
    | 'unknown';
}

interface ErrorData {
  code?: string;
  httpStatus?: number;
  appCode?: string;
  zodIssues?: ValidationIssue[];
  details?: unknown;
}

/** The API's app codes that have their own sentence (packages/api/src/errors.ts). */
const appCodeMessages = {
  booking_conflict: { kind: 'conflict', key: 'errors.bookingConflict' },
  conflict: { kind: 'conflict', key: 'errors.conflict' },
  invalid_state: { kind: 'conflict', key: 'errors.invalidState' },
  unknown_reference: { kind: 'validation', key: 'errors.unknownReference' },
  invitation_invalid: { kind: 'not-found', key: 'errors.invitationInvalid' },
  invitation_expired: { kind: 'expired', key: 'errors.invitationExpired' },
} as const satisfies Record<string, { kind: ApiErrorDetails['kind']; key: string }>;

/** The app code of an API error (`booking_conflict`, …), if it has one. */
export function apiErrorCode(error: unknown): string | undefined {
  return errorData(error)?.appCode;
}

/** `data.details` of an API error (fresh proposals of a booking conflict, …), unchecked. */
export function apiErrorExtra(error: unknown): unknown {
  return errorData(error)?.details;
}

function errorData(error: unknown): ErrorData | undefined {
  if (typeof error !== 'object' || error === null || !('data' in error)) return undefined;
  const data = (error as { data: unknown }).data;
  return typeof data === 'object' && data !== null ? (data as ErrorData) : undefined;
}

/**
 * A tRPC client error without data never got an answer from our server: the fetch failed, or
 * something in between (a proxy) answered with a non-tRPC body.
 */
function isNetworkFailure(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof TypeError) return true;
  const message = String((error as { message?: unknown }).message ?? '');
  return /failed to fetch|networkerror|load failed|fetch failed|unable to transform response/i.test(message);
}

const knownFields = ['email', 'password'] as const;

function fieldLabel(field: string, t: TFunction): string {
  return (knownFields as readonly string[]).includes(field)
    ? t(`fields.${field as (typeof knownFields)[number]}`)
    : field;
}

/** The problem part of "E-mail: enter a valid e-mail address". */
export function describeIssue(issue: ValidationIssue, t: TFunction): string {
  const minimum = issue.minimum === undefined ? undefined : Number(issue.minimum);
  const maximum = issue.maximum === undefined ? undefined : Number(issue.maximum);
  switch (issue.code) {
    case 'invalid_format':
    case 'invalid_string':
      return issue.format === 'email' || issue.message?.toLowerCase().includes('email')
        ? t('errors.field.email')
        : t('errors.field.invalid');
    case 'too_small':
      return minimum === undefined || minimum <= 1
        ? t('errors.field.required')
        : t('errors.field.tooShort', { minimum });
    case 'too_big':
      return t('errors.field.tooLong', { maximum });
    case 'invalid_type':
      return issue.input === undefined || issue.message?.includes('undefined')
        ? t('errors.field.required')
        : t('errors.field.invalid');
    default:
      return t('errors.field.invalid');
  }
}

/** Field -> problem (first problem per field), plus the joined "Field: problem" sentence. */
export function describeIssues(
  issues: ReadonlyArray<ValidationIssue>,
  t: TFunction,
): Pick<ApiErrorDetails, 'fieldErrors' | 'message'> {
  const fieldErrors: Record<string, string> = {};
  const sentences: string[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (field in fieldErrors) continue;
    const problem = describeIssue(issue, t);
    fieldErrors[field] = problem;
    sentences.push(field ? t('errors.fieldMessage', { field: fieldLabel(field, t), problem }) : problem);
  }
  return { fieldErrors, message: sentences.join(' ') || t('errors.badRequest') };
}

/** Everything a form needs to show an API error: the alert sentence and per-field messages. */
export function apiErrorDetails(error: unknown, t: TFunction): ApiErrorDetails {
  const data = errorData(error);
  if (!data) {
    return isNetworkFailure(error)
      ? { kind: 'network', message: t('errors.network'), fieldErrors: {} }
      : { kind: 'unknown', message: t('errors.unknown'), fieldErrors: {} };
  }
  if (data.zodIssues?.length) return { kind: 'validation', ...describeIssues(data.zodIssues, t) };
  if (data.appCode === 'invalid_credentials') {
    return { kind: 'credentials', message: t('errors.invalidCredentials'), fieldErrors: {} };
  }
  if (data.appCode === 'too_many_attempts' || data.code === 'TOO_MANY_REQUESTS') {
    return { kind: 'rate-limit', message: t('errors.tooManyAttempts'), fieldErrors: {} };
  }
  if (data.appCode && data.appCode in appCodeMessages) {
    const known = appCodeMessages[data.appCode as keyof typeof appCodeMessages];
    const field = (data.details as { field?: unknown } | undefined)?.field;
    const message = t(known.key);
    return {
      kind: known.kind,
      message,
      fieldErrors: typeof field === 'string' ? { [field.split('.')[0] ?? field]: message } : {},
    };
  }
  switch (data.code) {
    case 'UNAUTHORIZED':
      return { kind: 'auth', message: t('errors.unauthorized'), fieldErrors: {} };
    case 'FORBIDDEN':
      return { kind: 'forbidden', message: t('errors.forbidden'), fieldErrors: {} };
    case 'NOT_FOUND':
      return { kind: 'not-found', message: t('errors.notFound'), fieldErrors: {} };
    case 'BAD_REQUEST':
      return { kind: 'validation', message: t('errors.badRequest'), fieldErrors: {} };
    default:
      return (data.httpStatus ?? 500) >= 500
        ? { kind: 'server', message: t('errors.server'), fieldErrors: {} }
        : { kind: 'unknown', message: t('errors.unknown'), fieldErrors: {} };
  }
}

/** A tRPC (or network) error as one translated sentence for the user. */
export function formatApiError(error: unknown, t: TFunction): string {
  return apiErrorDetails(error, t).message;
}
