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
  /** The room or a required person was booked by someone else meanwhile; `details` holds fresh proposals. */
  | 'booking_conflict'
  /** An input names a user, agency or room that does not exist; `details.field` says which. */
  | 'unknown_reference'
  /** The conference is not in a state that allows this (e.g. booking a cancelled one). */
  | 'invalid_state'
  /** An accept/decline link whose token is unknown (mistyped, or replaced by a newer invitation). */
  | 'invitation_invalid'
  /** An accept/decline link of a conference that is over or cancelled. */
  | 'invitation_expired'
  /** The minutes were saved by someone else since the editor loaded them; `details.currentVersion`. */
  | 'minutes_conflict'
  /** A poll link whose token is unknown (mistyped, or replaced when the poll was sent again). */
  | 'poll_invalid'
  /** A poll link after its deadline, or of a conference already booked or cancelled. */
  | 'poll_closed'
  /** Sending a poll to a conference without externals (or contacts) that have an e-mail address. */
  | 'no_poll_recipients'
  /** A territory's geometry (file or drawing) was refused; `details.problem` says why, `details.preview` offers a fix. */
  | 'invalid_geometry'
  /** A provider spreadsheet was refused as a whole; `details.problem` (and `details.field`) say why. */
  | 'invalid_sheet'
  /** A series' RRULE was refused; `details.field` is `rrule`, `details.part` the rule part (BYDAY, …). */
  | 'invalid_rrule'
  /** An .ics file was refused as a whole; `details.problem` (and `details.line`, `details.detail`) say why. */
  | 'invalid_calendar'
  | 'internal';

export class AppCodeError extends Error {
  constructor(
    readonly appCode: AppCode,
    /** Plain data the client may use (e.g. fresh proposals after a booking conflict); never personal data. */
    readonly details?: unknown,
  ) {
    super(appCode);
    this.name = 'AppCodeError';
  }
}

export function appError(
  code: TRPCError['code'],
  appCode: AppCode,
  message: string,
  details?: unknown,
): TRPCError {
  return new TRPCError({ code, message, cause: new AppCodeError(appCode, details) });
}

/** The tRPC code and message of a procedure's refusal, for REST doors that call procedures. */
export function refusalOf(error: unknown): { code: TRPCError['code']; message: string } | undefined {
  return error instanceof TRPCError ? { code: error.code, message: error.message } : undefined;
}
