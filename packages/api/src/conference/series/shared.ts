// What every series handler shares: loading a series for its agency's organisers (refusals audited,
// answered NOT_FOUND like conferences), turning the stored rows into @caremap/scheduling's plain
// RecurringSeries, and the RRULE check that names the part that is wrong.
import { schema } from '@caremap/db';
import {
  expandRecurrence,
  type Occurrence,
  parseRrule,
  RecurrenceInputError,
  type RecurringSeries,
} from '@caremap/scheduling';
import { asc, eq } from 'drizzle-orm';
import { audit } from '../../audit';
import type { Context, SessionUser } from '../../context';
import { appError } from '../../errors';
import { decide } from '../../policy';

const { conferenceSeries, conferenceSeriesException } = schema;

export type Ctx = Context & { user: SessionUser };
export type SeriesRow = typeof conferenceSeries.$inferSelect;
export type ExceptionRow = typeof conferenceSeriesException.$inferSelect;

/** How far ahead occurrences are looked for: two years covers 12 bimonthly meetings. */
export const HORIZON_DAYS = 2 * 366;
const DAY = 86_400_000;

/** The series if the caller organises for its agency; otherwise NOT_FOUND (and an audited refusal). */
export async function seriesFor(ctx: Ctx, seriesId: string, auditAction: string): Promise<SeriesRow> {
  const [row] = await ctx.db.select().from(conferenceSeries).where(eq(conferenceSeries.id, seriesId));
  if (!row || !decide(ctx.user, 'conference', 'update', { agencyId: row.agencyId })) {
    await audit(ctx, {
      action: auditAction,
      outcome: 'denied',
      resourceType: 'conference_series',
      resourceId: seriesId,
      details: { reason: row ? 'not_permitted' : 'unknown' },
    });
    throw appError('NOT_FOUND', 'not_found', 'No such series, or not one you may see');
  }
  return row;
}

export const seriesAudit = (ctx: Ctx, action: string, seriesId: string, details?: Record<string, unknown>) =>
  audit(ctx, {
    action,
    outcome: action.endsWith('.read') ? 'allowed' : 'success',
    resourceType: 'conference_series',
    resourceId: seriesId,
    ...(details ? { details } : {}),
  });

/** `2026-03-10 13:00:00` (timestamp without time zone, as stored) -> `2026-03-10T13:00`. */
export const wallOf = (stored: string) => stored.replace(' ', 'T').slice(0, 16);
/** `2026-03-10T13:00` -> the stored form. */
export const storedWall = (wall: string) => `${wall.replace('T', ' ')}:00`;

/** Sub-daily rules would fill a calendar with meetings; they are refused, naming FREQ. */
const MEETING_FREQS = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);

/** Throws BAD_REQUEST `invalid_rrule`, `details.field` = `rrule`, `details.part` = the RRULE part. */
export function invalidRrule(error: RecurrenceInputError): never {
  const part = error.field.startsWith('rrule.') ? error.field.slice('rrule.'.length) : null;
  throw appError('BAD_REQUEST', 'invalid_rrule', error.message, {
    field: error.field.startsWith('rrule') ? 'rrule' : error.field,
    part,
  });
}

/** The rule without its `RRULE:` prefix, upper-cased; refuses a bad or sub-daily rule. */
export function checkedRrule(rrule: string): string {
  let parts: Map<string, string>;
  try {
    parts = parseRrule(rrule);
  } catch (error) {
    if (error instanceof RecurrenceInputError) invalidRrule(error);
    throw error;
  }
  const freq = parts.get('FREQ')!;
  if (!MEETING_FREQS.has(freq)) {
    invalidRrule(new RecurrenceInputError('rrule.FREQ', `"${freq}": meetings repeat daily at most`));
  }
  return [...parts].map(([k, v]) => `${k}=${v}`).join(';');
}

export async function exceptionsOf(ctx: Pick<Context, 'db'>, seriesId: string): Promise<ExceptionRow[]> {
  return ctx.db
    .select()
    .from(conferenceSeriesException)
    .where(eq(conferenceSeriesException.seriesId, seriesId))
    .orderBy(asc(conferenceSeriesException.originalDate));
}

export function recurringOf(
  series: Pick<SeriesRow, 'rrule' | 'timezone' | 'dtstart' | 'durationMinutes'>,
  exceptions: readonly Pick<ExceptionRow, 'kind' | 'originalDate' | 'movedTo'>[] = [],
): RecurringSeries {
  return {
    dtstart: wallOf(series.dtstart),
    timeZone: series.timezone,
    durationMinutes: series.durationMinutes,
    rrule: series.rrule,
    exdates: exceptions.filter((e) => e.kind === 'skipped').map((e) => e.originalDate),
    overrides: exceptions
      .filter((e) => e.kind === 'moved')
      .map((e) => ({ originalDate: e.originalDate, start: wallOf(e.movedTo!) })),
  };
}

/** Expansion with the scheduling package's errors turned into BAD_REQUEST naming the field. */
export function expand(series: RecurringSeries, from: Date, to: Date): Occurrence[] {
  try {
    return expandRecurrence(series, { from: from.toISOString(), to: to.toISOString() });
  } catch (error) {
    if (error instanceof RecurrenceInputError) invalidRrule(error);
    throw error;
  }
}

export type OccurrenceState = 'planned' | 'moved' | 'skipped';
export interface ListedOccurrence {
  /** RECURRENCE-ID: the local wall time the rule generated. */
  occurrence: string;
  /** The local date it is keyed by (exceptions name it). */
  originalDate: string;
  startsAt: Date;
  endsAt: Date;
  state: OccurrenceState;
}

/**
 * The next `count` occurrences from `from` (those still running included), exceptions applied:
 * moved ones at their new time, skipped ones listed at their original time as `skipped`.
 */
export function upcomingOccurrences(
  series: SeriesRow,
  exceptions: readonly ExceptionRow[],
  from: Date,
  count: number,
  horizonDays = HORIZON_DAYS,
): ListedOccurrence[] {
  const to = new Date(from.getTime() + horizonDays * DAY);
  const applied = expand(recurringOf(series, exceptions), from, to);
  const skipped = new Set(exceptions.filter((e) => e.kind === 'skipped').map((e) => e.originalDate));
  const base = skipped.size ? expand(recurringOf(series), from, to) : [];
  const items: ListedOccurrence[] = [
    ...applied.map((o) => ({
      occurrence: o.recurrenceId,
      originalDate: o.recurrenceId.slice(0, 10),
      startsAt: new Date(o.start),
      endsAt: new Date(o.end),
      state: (o.moved ? 'moved' : 'planned') as OccurrenceState,
    })),
    ...base
      .filter((o) => skipped.has(o.recurrenceId.slice(0, 10)))
      .map((o) => ({
        occurrence: o.recurrenceId,
        originalDate: o.recurrenceId.slice(0, 10),
        startsAt: new Date(o.start),
        endsAt: new Date(o.end),
        state: 'skipped' as const,
      })),
  ];
  return items.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).slice(0, count);
}

/** The rule's own occurrence on a local date (exceptions ignored), or undefined. */
export function generatedOn(series: SeriesRow, originalDate: string): Occurrence | undefined {
  const day = new Date(`${originalDate}T00:00:00Z`);
  // A local day lies within UTC +-14 h of its UTC namesake.
  const found = expand(recurringOf(series), new Date(day.getTime() - DAY), new Date(day.getTime() + 2 * DAY));
  return found.find((o) => o.recurrenceId.startsWith(originalDate));
}
