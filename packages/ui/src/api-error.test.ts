import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiErrorDetails, formatApiError } from './api-error';
import { catalogs } from './i18n';

const instance = i18next.createInstance();
let en: TFunction;
let hu: TFunction;

beforeAll(async () => {
  await instance.init({
    resources: Object.fromEntries(
      Object.entries(catalogs).map(([lng, translation]) => [lng, { translation }]),
    ),
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  en = instance.getFixedT('en');
  hu = instance.getFixedT('hu');
});

/** What @trpc/client hands us: a TRPCClientError carries the server's error shape in `data`. */
const trpcError = (data: Record<string, unknown>) =>
  Object.assign(new Error('x'), { name: 'TRPCClientError', data });

describe('formatApiError', () => {
  it('names the field and the problem for validation errors', () => {
    const error = trpcError({
      code: 'BAD_REQUEST',
      httpStatus: 400,
      zodIssues: [
        { path: ['email'], code: 'invalid_format', format: 'email', message: 'Invalid email address' },
        { path: ['password'], code: 'too_small', minimum: 1, message: 'Too small' },
      ],
    });
    expect(formatApiError(error, en)).toBe(
      'E-mail: enter a valid e-mail address Password: this field is required',
    );
    expect(apiErrorDetails(error, en).fieldErrors).toEqual({
      email: 'enter a valid e-mail address',
      password: 'this field is required',
    });
    expect(formatApiError(error, hu)).toContain('E-mail-cím: adjon meg érvényes e-mail-címet');
  });

  it("gives each conference app code its own sentence and kind, in the reader's language", () => {
    const conflict = trpcError({ code: 'CONFLICT', httpStatus: 409, appCode: 'booking_conflict' });
    expect(apiErrorDetails(conflict, en)).toMatchObject({ kind: 'conflict' });
    expect(formatApiError(conflict, en)).toContain('fresh proposals');
    expect(formatApiError(conflict, hu)).toContain('friss javaslatok');
    const expired = trpcError({ code: 'BAD_REQUEST', httpStatus: 400, appCode: 'invitation_expired' });
    expect(apiErrorDetails(expired, en).kind).toBe('expired');
    expect(formatApiError(expired, hu)).toContain('lejárt');
    const invalid = trpcError({ code: 'NOT_FOUND', httpStatus: 404, appCode: 'invitation_invalid' });
    expect(apiErrorDetails(invalid, en).kind).toBe('not-found');
    expect(formatApiError(invalid, en)).toContain('not valid');
    const state = trpcError({ code: 'BAD_REQUEST', httpStatus: 400, appCode: 'invalid_state' });
    expect(apiErrorDetails(state, en)).toMatchObject({ kind: 'conflict' });
    expect(formatApiError(state, en)).not.toBe(formatApiError(conflict, en));
    const reference = trpcError({
      code: 'BAD_REQUEST',
      httpStatus: 400,
      appCode: 'unknown_reference',
      details: { field: 'participants.2.userId' },
    });
    expect(apiErrorDetails(reference, en).fieldErrors).toEqual({
      participants: formatApiError(reference, en),
    });
  });

  it('says how long a value must be', () => {
    const error = trpcError({
      code: 'BAD_REQUEST',
      zodIssues: [{ path: ['password'], code: 'too_big', maximum: 1024 }],
    });
    expect(formatApiError(error, en)).toBe('Password: enter at most 1024 characters');
  });

  it('turns invalid_credentials into "Wrong e-mail or password"', () => {
    const error = trpcError({ code: 'UNAUTHORIZED', httpStatus: 401, appCode: 'invalid_credentials' });
    expect(formatApiError(error, en)).toBe('Wrong e-mail or password');
    expect(formatApiError(error, hu)).toBe('Hibás e-mail-cím vagy jelszó');
    expect(apiErrorDetails(error, en).kind).toBe('credentials');
  });

  it('asks the user to wait after too many attempts', () => {
    const error = trpcError({ code: 'TOO_MANY_REQUESTS', httpStatus: 429, appCode: 'too_many_attempts' });
    expect(formatApiError(error, en)).toMatch(/Too many sign-in attempts/);
  });

  it('recognises a network failure', () => {
    const error = Object.assign(new Error('Failed to fetch'), {
      name: 'TRPCClientError',
      cause: new TypeError('Failed to fetch'),
    });
    expect(formatApiError(error, en)).toBe('Cannot reach the server. Check your connection and try again.');
    expect(formatApiError(new TypeError('NetworkError when attempting to fetch resource.'), en)).toMatch(
      /Cannot reach/,
    );
  });

  it('maps server codes to plain sentences', () => {
    expect(formatApiError(trpcError({ code: 'UNAUTHORIZED', httpStatus: 401 }), en)).toMatch(/not signed in/);
    expect(formatApiError(trpcError({ code: 'FORBIDDEN', httpStatus: 403 }), en)).toMatch(/permission/);
    expect(formatApiError(trpcError({ code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 }), en)).toMatch(
      /on the server/,
    );
    expect(formatApiError(new Error('boom'), en)).toBe('Something went wrong. Try again.');
  });
});
