// Reading series: the caller's agencies' series, one series with its exceptions, and its next
// occurrences (expanded in the series' zone, exceptions applied) with the conference scheduled for
// each. Series reads are audited like conference reads.
import { schema } from '@caremap/db';
import type { seriesOccurrencesInput } from '@caremap/validators';
import { and, asc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../../audit';
import { agenciesWith } from '../../policy';
import { type Ctx, exceptionsOf, seriesAudit, seriesFor, upcomingOccurrences, wallOf } from './shared';

const { agency, conference, conferenceSeries, room } = schema;

export async function listSeries(ctx: Ctx, now = new Date()) {
  const agencies = agenciesWith(ctx.user, 'conference', 'update');
  if (!agencies.length) return { items: [] };
  const rows = await ctx.db
    .select({ series: conferenceSeries, agencyName: agency.name })
    .from(conferenceSeries)
    .innerJoin(agency, eq(agency.id, conferenceSeries.agencyId))
    .where(inArray(conferenceSeries.agencyId, agencies))
    .orderBy(asc(conferenceSeries.title), asc(conferenceSeries.id))
    .limit(200);
  const items = await Promise.all(
    rows.map(async ({ series, agencyName }) => {
      const next = upcomingOccurrences(series, await exceptionsOf(ctx, series.id), now, 3).find(
        (o) => o.state !== 'skipped',
      );
      return {
        id: series.id,
        title: series.title,
        agencyName,
        rrule: series.rrule,
        timezone: series.timezone,
        nextStartsAt: next?.startsAt ?? null,
      };
    }),
  );
  await audit(
    ctx,
    items.map((s) => ({
      action: 'series.read',
      outcome: 'allowed' as const,
      resourceType: 'conference_series',
      resourceId: s.id,
    })),
  );
  return { items };
}

export async function getSeries(ctx: Ctx, seriesId: string) {
  const series = await seriesFor(ctx, seriesId, 'series.read');
  const [names] = await ctx.db
    .select({ agencyName: agency.name })
    .from(agency)
    .where(eq(agency.id, series.agencyId));
  const roomName = series.roomId
    ? ((await ctx.db.select({ name: room.name }).from(room).where(eq(room.id, series.roomId)))[0]?.name ??
      null)
    : null;
  const exceptions = await exceptionsOf(ctx, series.id);
  await seriesAudit(ctx, 'series.read', series.id);
  return {
    id: series.id,
    title: series.title,
    agencyId: series.agencyId,
    agencyName: names?.agencyName ?? '',
    rrule: series.rrule,
    timezone: series.timezone,
    dtstart: wallOf(series.dtstart),
    durationMinutes: series.durationMinutes,
    participants: series.participants,
    roomId: series.roomId,
    roomName,
    online: series.online,
    locationNote: series.locationNote,
    version: series.version,
    exceptions: exceptions.map((e) => ({
      originalDate: e.originalDate,
      kind: e.kind,
      movedTo: e.movedTo ? wallOf(e.movedTo) : null,
    })),
  };
}

/** Live (not cancelled) conferences of a series, by occurrence. */
export async function conferencesOfSeries(ctx: Pick<Ctx, 'db'>, seriesIds: string[]) {
  if (!seriesIds.length) return [];
  return ctx.db
    .select({
      id: conference.id,
      seriesId: conference.seriesId,
      occurrence: conference.seriesOccurrence,
      status: conference.status,
      startsAt: conference.startsAt,
    })
    .from(conference)
    .where(
      and(
        inArray(conference.seriesId, seriesIds),
        isNotNull(conference.seriesOccurrence),
        ne(conference.status, 'cancelled'),
      ),
    );
}

export async function seriesOccurrences(ctx: Ctx, input: z.output<typeof seriesOccurrencesInput>) {
  const series = await seriesFor(ctx, input.seriesId, 'series.read');
  const from = input.from ?? new Date();
  const items = upcomingOccurrences(series, await exceptionsOf(ctx, series.id), from, input.count);
  const conferences = await conferencesOfSeries(ctx, [series.id]);
  await seriesAudit(ctx, 'series.read', series.id, { occurrences: items.length });
  return {
    seriesId: series.id,
    timezone: series.timezone,
    items: items.map((o) => {
      const conf = conferences.find((c) => c.occurrence === o.occurrence);
      return {
        ...o,
        conference: conf ? { id: conf.id, status: conf.status, startsAt: conf.startsAt } : null,
      };
    }),
  };
}
