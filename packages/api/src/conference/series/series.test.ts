// Signalling-meeting series through the real router on a real database: occurrences expanded in the
// series' zone across daylight-saving changes, skipped and moved occurrences, a bad RRULE refused
// naming its part, who may see and change a series (refusals audited), and scheduling one
// occurrence's conference (booked, invitations queued) which then leaves the dashboard.
import { schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import type { SeriesCreateInput } from '@caremap/validators';
import type { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../test/conference-world';
import { makeWorld } from '../../../test/fixtures';
import { AppCodeError } from '../../errors';

const t = useTestDatabase();
let world: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  world = await makeWorld(t.current.db);
});
const as = (local: string) => signedIn(t.current.db, local);

/** `CODE:app_code` of a refusal, plus its details; 'allowed' when the call went through. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const e = error as TRPCError;
    const cause = e.cause instanceof AppCodeError ? e.cause : undefined;
    return { code: `${e.code}:${cause?.appCode ?? ''}`, message: e.message, details: cause?.details };
  }
  return { code: 'allowed' };
}

const seriesInput = (overrides: Partial<SeriesCreateInput> = {}): SeriesCreateInput => ({
  agencyId: world.agencies.welfare.id,
  title: 'Jelzőrendszeri megbeszélés',
  rrule: 'FREQ=MONTHLY;INTERVAL=2',
  timezone: 'Europe/Budapest',
  // Winter time (UTC+1); 2031's summer time starts on 30 March.
  dtstart: '2031-01-14T13:00',
  durationMinutes: 90,
  participants: [{ kind: 'user', userId: world.users.organiser, role: 'chair' }],
  online: true,
  ...overrides,
});
const from = new Date('2031-01-01T00:00:00Z');

describe('occurrences of a series', () => {
  it('keeps the local time across the DST change, every two months by default', async () => {
    const organiser = await as('organiser');
    const { id } = await organiser.series.create(seriesInput());
    const { items } = await organiser.series.occurrences({ seriesId: id, from, count: 4 });
    expect(items.map((o) => [o.occurrence, o.startsAt.toISOString(), o.state])).toEqual([
      ['2031-01-14T13:00', '2031-01-14T12:00:00.000Z', 'planned'],
      ['2031-03-14T13:00', '2031-03-14T12:00:00.000Z', 'planned'],
      // Summer time: 13:00 in Budapest is 11:00 UTC.
      ['2031-05-14T13:00', '2031-05-14T11:00:00.000Z', 'planned'],
      ['2031-07-14T13:00', '2031-07-14T11:00:00.000Z', 'planned'],
    ]);
    expect(items[2]!.endsAt.toISOString()).toBe('2031-05-14T12:30:00.000Z');
  });

  it('expands an edited rule (second Tuesday, monthly) in Istanbul, which has no DST', async () => {
    const organiser = await as('organiser');
    const { id, version } = await organiser.series.create(seriesInput());
    await organiser.series.update({
      ...seriesInput({
        rrule: 'RRULE:freq=monthly;byday=2TU',
        timezone: 'Europe/Istanbul',
        dtstart: '2031-03-11T10:00',
      }),
      seriesId: id,
      expectedVersion: version,
    });
    const got = await organiser.series.get({ seriesId: id });
    expect(got).toMatchObject({
      rrule: 'FREQ=MONTHLY;BYDAY=2TU',
      timezone: 'Europe/Istanbul',
      version: version + 1,
    });
    const { items } = await organiser.series.occurrences({ seriesId: id, from, count: 3 });
    expect(items.map((o) => o.startsAt.toISOString())).toEqual([
      '2031-03-11T07:00:00.000Z',
      '2031-04-08T07:00:00.000Z',
      '2031-05-13T07:00:00.000Z',
    ]);
  });

  it('lists a skipped meeting as skipped and a moved one at its new time, and restores them', async () => {
    const organiser = await as('organiser');
    const { id } = await organiser.series.create(seriesInput());
    await organiser.series.skip({ seriesId: id, originalDate: '2031-03-14' });
    await organiser.series.move({ seriesId: id, originalDate: '2031-05-14', startsAt: '2031-05-15T09:30' });
    const { items } = await organiser.series.occurrences({ seriesId: id, from, count: 4 });
    expect(items.map((o) => [o.occurrence, o.startsAt.toISOString(), o.state])).toEqual([
      ['2031-01-14T13:00', '2031-01-14T12:00:00.000Z', 'planned'],
      ['2031-03-14T13:00', '2031-03-14T12:00:00.000Z', 'skipped'],
      // Keeps its RECURRENCE-ID; 09:30 summer time is 07:30 UTC.
      ['2031-05-14T13:00', '2031-05-15T07:30:00.000Z', 'moved'],
      ['2031-07-14T13:00', '2031-07-14T11:00:00.000Z', 'planned'],
    ]);
    expect((await organiser.series.get({ seriesId: id })).exceptions).toEqual([
      { originalDate: '2031-03-14', kind: 'skipped', movedTo: null },
      { originalDate: '2031-05-14', kind: 'moved', movedTo: '2031-05-15T09:30' },
    ]);
    await organiser.series.restore({ seriesId: id, originalDate: '2031-03-14' });
    const again = await organiser.series.occurrences({ seriesId: id, from, count: 2 });
    expect(again.items[1]).toMatchObject({ occurrence: '2031-03-14T13:00', state: 'planned' });
  });

  it('refuses to skip a date the rule has no meeting on, naming the field', async () => {
    const organiser = await as('organiser');
    const { id } = await organiser.series.create(seriesInput());
    const r = await refusal(organiser.series.skip({ seriesId: id, originalDate: '2031-02-14' }));
    expect(r.code).toBe('BAD_REQUEST:unknown_reference');
    expect(r.details).toEqual({ field: 'originalDate' });
  });

  it('drops exceptions the edited rule no longer generates', async () => {
    const organiser = await as('organiser');
    const { id, version } = await organiser.series.create(seriesInput());
    await organiser.series.skip({ seriesId: id, originalDate: '2031-03-14' });
    const updated = await organiser.series.update({
      ...seriesInput({ rrule: 'FREQ=MONTHLY;INTERVAL=3' }),
      seriesId: id,
      expectedVersion: version,
    });
    expect(updated.droppedExceptions).toBe(1);
    expect((await organiser.series.get({ seriesId: id })).exceptions).toEqual([]);
  });
});

describe('a bad RRULE', () => {
  it('is refused with invalid_rrule naming the rule part', async () => {
    const organiser = await as('organiser');
    const cases: Array<[string, string, string]> = [
      ['FREQ=MONTHLY;BYDAY=XX', 'BYDAY', 'rrule.BYDAY'],
      ['INTERVAL=2', 'FREQ', 'rrule.FREQ'],
      ['FREQ=MONTHLY;INTERVAL=0', 'INTERVAL', 'rrule.INTERVAL'],
      ['FREQ=FORTNIGHTLY', 'FREQ', 'rrule.FREQ'],
      ['FREQ=HOURLY', 'FREQ', 'meetings repeat daily at most'],
      ['FREQ=MONTHLY;COLOUR=RED', 'COLOUR', 'rrule.COLOUR'],
    ];
    for (const [rrule, part, said] of cases) {
      const r = await refusal(organiser.series.create(seriesInput({ rrule })));
      expect(r, rrule).toMatchObject({
        code: 'BAD_REQUEST:invalid_rrule',
        details: { field: 'rrule', part },
      });
      expect(r.message, rrule).toContain(said);
    }
  });

  it('leaves the series as it was when an edit is refused, and refuses a stale version', async () => {
    const organiser = await as('organiser');
    const { id, version } = await organiser.series.create(seriesInput());
    const bad = await refusal(
      organiser.series.update({
        ...seriesInput({ rrule: 'FREQ=WEEKLY;BYDAY=1MO' }),
        seriesId: id,
        expectedVersion: version,
      }),
    );
    expect(bad).toMatchObject({ code: 'BAD_REQUEST:invalid_rrule', details: { part: 'BYDAY' } });
    expect((await organiser.series.get({ seriesId: id })).rrule).toBe('FREQ=MONTHLY;INTERVAL=2');
    await organiser.series.update({
      ...seriesInput({ title: 'First edit' }),
      seriesId: id,
      expectedVersion: version,
    });
    const stale = await refusal(
      organiser.series.update({
        ...seriesInput({ title: 'Second edit' }),
        seriesId: id,
        expectedVersion: version,
      }),
    );
    expect(stale.code).toBe('CONFLICT:conflict');
    expect((await organiser.series.get({ seriesId: id })).title).toBe('First edit');
  });
});

describe('who may see and change a series', () => {
  it("lets the agency's organisers in and answers anyone else NOT_FOUND or FORBIDDEN, audited", async () => {
    const organiser = await as('organiser');
    const { id } = await organiser.series.create(seriesInput());
    expect((await (await as('colleague')).series.get({ seriesId: id })).id).toBe(id);
    const other = await as('other-organiser');
    expect((await refusal(other.series.get({ seriesId: id }))).code).toBe('NOT_FOUND:not_found');
    expect((await refusal(other.series.skip({ seriesId: id, originalDate: '2031-03-14' }))).code).toBe(
      'NOT_FOUND:not_found',
    );
    expect((await other.series.list()).items.map((s) => s.id)).not.toContain(id);
    const denied = await t.current.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.resourceId, id), eq(schema.auditLog.outcome, 'denied')));
    expect(denied.map((d) => d.action).sort()).toEqual(['series.read', 'series.skip']);
    // A partner takes part in meetings but does not run series.
    expect((await refusal((await as('partner')).series.get({ seriesId: id }))).code).toBe(
      'FORBIDDEN:forbidden',
    );
    expect((await refusal((await as('partner')).series.list())).code).toBe('FORBIDDEN:forbidden');
    // An organiser cannot start a series for another agency.
    const foreign = await refusal(other.series.create(seriesInput()));
    expect(foreign.code).toBe('FORBIDDEN:forbidden');
  });
});

describe('scheduling an occurrence', () => {
  it('creates and books its conference, which takes it off the dashboard', async () => {
    const organiser = await as('organiser');
    // Nine days ahead at 10:00 in Budapest: inside the dashboard's four weeks, clear of the world's conferences.
    const day = Temporal.Now.plainDateISO('Europe/Budapest').add({ days: 9 });
    const dtstart = `${day.toString()}T10:00`;
    const { id } = await organiser.series.create(seriesInput({ dtstart, title: 'Signalling meeting soon' }));
    const due = (await organiser.conference.dashboard()).seriesDue.filter((d) => d.seriesId === id);
    expect(due).toEqual([
      expect.objectContaining({
        occurrence: dtstart,
        title: 'Signalling meeting soon',
        daysLeft: 9,
        moved: false,
      }),
    ]);
    // Someone from another centre sees nothing of it.
    expect((await (await as('other-organiser')).conference.dashboard()).seriesDue).toEqual([]);

    const scheduled = await organiser.series.schedule({ seriesId: id, occurrence: dtstart });
    expect(scheduled).toMatchObject({ created: true, booked: true });
    const conf = await organiser.conference.get({ conferenceId: scheduled.conferenceId });
    expect(conf).toMatchObject({
      kind: 'signalling_meeting',
      status: 'scheduled',
      title: 'Signalling meeting soon',
    });
    const expectedStart =
      Temporal.PlainDateTime.from(dtstart).toZonedDateTime('Europe/Budapest').epochMilliseconds;
    expect(new Date(conf.startsAt!).getTime()).toBe(expectedStart);
    const mails = await t.current.db
      .select()
      .from(schema.outboxMessage)
      .where(eq(schema.outboxMessage.conferenceId, scheduled.conferenceId));
    expect(mails).toHaveLength(1);

    const { items } = await organiser.series.occurrences({ seriesId: id, count: 1 });
    expect(items[0]!.conference).toMatchObject({ id: scheduled.conferenceId, status: 'scheduled' });
    expect((await organiser.conference.dashboard()).seriesDue.filter((d) => d.seriesId === id)).toEqual([]);
    // Asking again answers with the same conference; the occurrence can no longer be skipped.
    expect(await organiser.series.schedule({ seriesId: id, occurrence: dtstart })).toEqual({
      conferenceId: scheduled.conferenceId,
      created: false,
      booked: true,
    });
    const skip = await refusal(organiser.series.skip({ seriesId: id, originalDate: day.toString() }));
    expect(skip).toMatchObject({
      code: 'BAD_REQUEST:invalid_state',
      details: { conferenceId: scheduled.conferenceId },
    });
    // Cancelling the conference frees the occurrence: it is due again.
    await organiser.conference.cancel({ conferenceId: scheduled.conferenceId });
    expect((await organiser.conference.dashboard()).seriesDue.filter((d) => d.seriesId === id)).toHaveLength(
      1,
    );
  });

  it('refuses a skipped or unknown occurrence', async () => {
    const organiser = await as('organiser');
    const day = Temporal.Now.plainDateISO('Europe/Budapest').add({ days: 12 });
    const { id } = await organiser.series.create(seriesInput({ dtstart: `${day}T10:00` }));
    await organiser.series.skip({ seriesId: id, originalDate: day.toString() });
    expect((await organiser.conference.dashboard()).seriesDue.filter((d) => d.seriesId === id)).toEqual([]);
    const skipped = await refusal(organiser.series.schedule({ seriesId: id, occurrence: `${day}T10:00` }));
    expect(skipped).toMatchObject({ code: 'BAD_REQUEST:invalid_state', details: { field: 'occurrence' } });
    const unknown = await refusal(organiser.series.schedule({ seriesId: id, occurrence: `${day}T11:00` }));
    expect(unknown.code).toBe('BAD_REQUEST:invalid_state');
  });
});
