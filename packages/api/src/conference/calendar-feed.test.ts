// The personal calendar feed: made, rotated and revoked through the router, the feed read back by
// ical.js (a second parser, not the generator that wrote it): the user's conferences with their
// invitation UIDs, local times in their zone with a VTIMEZONE, cancelled ones as STATUS:CANCELLED,
// the case_ref and no title. Old, revoked and made-up tokens are NOT_FOUND (404 over HTTP).
import { schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../test/conference-world';
import { makeWorld } from '../../test/fixtures';
import { calendarFeedIcs } from './calendar-feed';
import { PUBLIC_LINK_LIMIT } from './public-limit';

const t = useTestDatabase();
let world: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  world = await makeWorld(t.current.db);
  // One of the partner's two conferences is cancelled.
  await t.current.db
    .update(schema.conference)
    .set({ status: 'cancelled', sequence: 2 })
    .where(eq(schema.conference.id, world.conferences.otherAgency.id));
  await t.current.db
    .update(schema.conference)
    .set({ title: 'Secret title: school absences' })
    .where(eq(schema.conference.id, world.conferences.shared.id));
});

let client = 0;
const fetchFeed = (url: string) =>
  calendarFeedIcs(
    { db: t.current.db, requestId: 'test', clientKey: `10.62.0.${++client}` },
    url.replace(/^.*\/calendar\//, '').replace(/\.ics$/, ''),
  );

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'served',
    (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
  );

function readFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      description: event.description,
      status: vevent.getFirstPropertyValue('status'),
      tzid: event.startDate.zone?.tzid,
      start: event.startDate.toJSDate(),
      localStart: `${String(event.startDate.hour).padStart(2, '0')}:${String(event.startDate.minute).padStart(2, '0')}`,
    };
  });
}

describe('personal calendar feed', () => {
  it('serves the caller’s conferences, rotates to a new secret and dies when revoked', async () => {
    const partner = await signedIn(t.current.db, 'partner');
    expect(await partner.calendarFeed.status()).toEqual({ active: false, createdAt: null });
    const first = await partner.calendarFeed.rotate();
    expect(first.url).toMatch(/^http:\/\/localhost:3000\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await partner.calendarFeed.status()).active).toBe(true);

    const text = await fetchFeed(first.url);
    const events = readFeed(text);
    // The partner takes part in the shared conference and the other agency's (cancelled) one; the
    // colleague's own-agency conference is not theirs.
    const shared = world.conferences.shared;
    const other = world.conferences.otherAgency;
    expect(events.map((e) => e.uid).sort()).toEqual([shared.icalUid, other.icalUid].sort());
    const mine = events.find((e) => e.uid === shared.icalUid)!;
    // iCalendar times have whole seconds.
    expect(mine.start.getTime()).toBe(Math.floor(shared.startsAt!.getTime() / 1000) * 1000);
    expect(mine.tzid).toBe('Europe/Budapest');
    expect(mine.localStart).toBe(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Budapest',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(shared.startsAt!),
    );
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(mine.status).toBe('CONFIRMED');
    expect(mine.summary).toContain('HU-TST-2026-0001');
    const cancelled = events.find((e) => e.uid === other.icalUid)!;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', sequence: 2 });
    // Logistics and the case_ref only: the organiser's title never leaves.
    expect(text).not.toContain('Secret title');
    const audited = await t.current.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'conference.calendar_feed'));
    expect(audited.map((a) => a.actorUserId)).toContain(world.users.partner);
    // Only the token's hash is stored.
    const [row] = await t.current.db
      .select()
      .from(schema.calendarFeed)
      .where(eq(schema.calendarFeed.userId, world.users.partner));
    expect(first.url).not.toContain(row!.tokenHash);

    // Rotating: the new URL works, the old one is dead at once.
    const second = await partner.calendarFeed.rotate();
    expect(second.url).not.toBe(first.url);
    expect(readFeed(await fetchFeed(second.url))).toHaveLength(2);
    expect(await refusal(fetchFeed(first.url))).toBe('NOT_FOUND');

    // Revoking: the URL answers NOT_FOUND, like a made-up one.
    expect(await partner.calendarFeed.revoke()).toEqual({ revoked: true });
    expect(await refusal(fetchFeed(second.url))).toBe('NOT_FOUND');
    expect(await refusal(fetchFeed(`/calendar/${'A'.repeat(43)}.ics`))).toBe('NOT_FOUND');
    expect(await refusal(fetchFeed('/calendar/short.ics'))).toBe('NOT_FOUND');
    expect((await partner.calendarFeed.status()).active).toBe(false);
  });

  it('limits fetches per client address', async () => {
    const organiser = await signedIn(t.current.db, 'organiser');
    const { url } = await organiser.calendarFeed.rotate();
    const token = url.replace(/^.*\/calendar\//, '').replace(/\.ics$/, '');
    const ctx = { db: t.current.db, requestId: 'test', clientKey: '10.62.9.9' };
    for (let i = 0; i < PUBLIC_LINK_LIMIT.points; i++) await calendarFeedIcs(ctx, token);
    expect(await refusal(calendarFeedIcs(ctx, token))).toBe('TOO_MANY_REQUESTS');
    // Another address is not held back.
    expect(
      readFeed(await calendarFeedIcs({ ...ctx, clientKey: '10.62.9.10' }, token)).length,
    ).toBeGreaterThan(0);
  });
});
