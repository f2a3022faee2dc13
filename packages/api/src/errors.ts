import { TRPCError } from '@trpc/server';

/**
 * Machine-readable reasons the UI translates. A handler throws `appError(...)`; the error formatter
 * puts `appCode` into the response so the browser can show the message in the user's language.
 */
export type AppCode =
  | 'invalid_credentials'
  | 'too_many_attempts'
  | 'not_signed_in'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'internal';

export class AppCodeError extends Error {
  constructor(readonly appCode: AppCode) {
    super(appCode);
    this.name = 'AppCodeError';
  }
}

export function appError(code: TRPCError['code'], appCode: AppCode, message: string): TRPCError {
  return new TRPCError({ code, message, cause: new AppCodeError(appCode) });
}
