// What every meeting-record handler shares: the access check (the same row-level decision as
// conference.get, audited), the record's writers (the responsible agency's organisers), and the
// local date of a conference's time zone (action items are due on a date there).
import { Temporal } from 'temporal-polyfill';
import { audit } from '../../audit';
import type { Context, SessionUser } from '../../context';
import { appError } from '../../errors';
import { type ConferenceRow, conferenceFor } from '../access';

export type Ctx = Context & { user: SessionUser };

/** The conference if the caller may read its record; NOT_FOUND (audited) otherwise. */
export const readable = (ctx: Ctx, conferenceId: string) =>
  conferenceFor(ctx, conferenceId, 'read', 'conference.record.read');

/** The conference if the caller may write its record (its agency's organisers); NOT_FOUND otherwise. */
export async function writable(ctx: Ctx, conferenceId: string, what: string): Promise<ConferenceRow> {
  const conf = await conferenceFor(ctx, conferenceId, 'update', `conference.record.${what}`);
  if (conf.status === 'cancelled') {
    throw appError('BAD_REQUEST', 'invalid_state', 'A cancelled conference has no meeting record');
  }
  return conf;
}

export const recordWritten = (
  ctx: Ctx,
  conferenceId: string,
  what: string,
  details?: Record<string, unknown>,
) =>
  audit(ctx, {
    action: `conference.record.${what}`,
    outcome: 'success',
    resourceType: 'conference',
    resourceId: conferenceId,
    ...(details ? { details } : {}),
  });

/** Today's date (YYYY-MM-DD) in `timeZone`. */
export function localToday(timeZone: string, now: Date = new Date()): string {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

export const badReference = (field: string, message: string) =>
  appError('BAD_REQUEST', 'unknown_reference', `${field}: ${message}`, { field });
