// availability.importIcs against the database: what a user's calendar file leaves behind (busy
// blocks with source 'ics', replaced on re-import, untouched by a broken file) and that the slot
// finder then avoids those times. Dates are relative to now: the import keeps today + 90 days.
import { schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import { DAY, mondayAfter, signedIn } from '../../../test/conference-world';
import { makeWorld } from '../../../test/fixtures';
import { AppCodeError } from '../../errors';

const t = useTestDatabase();
let world: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  world = await makeWorld(t.current.db);
});
const as = (local: string) => signedIn(t.current.db, local);

const calendar = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//CareMap//EN', ...lines, 'END:VCALENDAR', ''].join(
    '\r\n',
  );
const event = (uid: string, ...lines: string[]) => [
  'BEGIN:VEVENT',
  `UID:${uid}`,
  'DTSTAMP:20260101T000000Z',
  ...lines,
  'SUMMARY:Therapy for my son (private)',
  'DESCRIPTION:Must never be stored',
  'END:VEVENT',
];
/** 20261207T080000Z */
const utc = (d: Date) => `${d.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
/** The wall clock of `d` in Prague, as an iCalendar local date-time (20261207T090000). */
const pragueWall = (d: Temporal.ZonedDateTime) =>
  d.toPlainDateTime().toString().slice(0, 19).replace(/[-:]/g, '');
const plainDay = (d: Temporal.PlainDate) => d.toString().replace(/-/g, '');

async function blocksOf(userId: string) {
  return t.current.db
    .select({
      startsAt: schema.busyBlock.startsAt,
      endsAt: schema.busyBlock.endsAt,
      source: schema.busyBlock.source,
    })
    .from(schema.busyBlock)
    .where(eq(schema.busyBlock.userId, userId))
    .orderBy(schema.busyBlock.startsAt);
}
const icsBlocksOf = async (userId: string) => (await blocksOf(userId)).filter((b) => b.source === 'ics');

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return {
    code: error.code,
    appCode: error.cause instanceof AppCodeError ? error.cause.appCode : undefined,
    details: error.cause instanceof AppCodeError ? error.cause.details : undefined,
    issues: (error.cause as unknown as { issues?: Array<{ path: unknown[]; message: string }> }).issues,
  };
}

describe('importing busy times from an .ics file', () => {
  it('reads a Prague series begun in the other DST season at 09:00 Prague time, skips its EXDATE, blocks an all-day event, ignores a free one', async () => {
    const partner = await as('partner');
    const zone = 'Europe/Prague';
    // Next Monday (at least a week ahead), 09:00 on the Prague clock.
    const monday = Temporal.Instant.fromEpochMilliseconds(mondayAfter(7).getTime())
      .toZonedDateTimeISO(zone)
      .withPlainTime('09:00');
    // The series began on a Monday whose UTC offset differs (summer vs winter): its wall clock must hold.
    let first = monday.subtract({ weeks: 1 });
    while (first.offset === monday.offset) first = first.subtract({ weeks: 1 });
    const ics = calendar(
      ...event(
        'supervision@example.org',
        `DTSTART;TZID=${zone}:${pragueWall(first)}`,
        `DTEND;TZID=${zone}:${pragueWall(first.add({ minutes: 90 }))}`,
        'RRULE:FREQ=WEEKLY;BYDAY=MO',
        `EXDATE;TZID=${zone}:${pragueWall(monday.add({ weeks: 1 }))}`,
      ),
      ...event(
        'leave@example.org',
        `DTSTART;VALUE=DATE:${plainDay(monday.toPlainDate().add({ days: 2 }))}`,
        `DTEND;VALUE=DATE:${plainDay(monday.toPlainDate().add({ days: 3 }))}`,
      ),
      ...event(
        'reminder@example.org',
        `DTSTART:${utc(new Date(monday.epochMilliseconds + DAY))}`,
        `DTEND:${utc(new Date(monday.epochMilliseconds + DAY + 3_600_000))}`,
        'TRANSP:TRANSPARENT',
      ),
    );
    const result = await partner.availability.importIcs({
      fileName: 'outlook.ics',
      content: ics,
      timeZone: zone,
    });
    expect(result.skipped).toBeGreaterThanOrEqual(1); // the free reminder
    expect(result.to.getTime() - result.from.getTime()).toBeGreaterThanOrEqual(89 * DAY);

    const blocks = await icsBlocksOf(world.users.partner);
    expect(blocks).toHaveLength(result.imported);
    const at = (z: Temporal.ZonedDateTime) => new Date(z.epochMilliseconds).toISOString();
    const starts = blocks.map((b) => b.startsAt.toISOString());
    expect(starts).toContain(at(monday));
    expect(blocks.find((b) => b.startsAt.toISOString() === at(monday))?.endsAt.toISOString()).toBe(
      at(monday.add({ minutes: 90 })),
    );
    expect(starts).not.toContain(at(monday.add({ weeks: 1 }))); // EXDATE
    expect(starts).toContain(at(monday.add({ weeks: 2 })));
    // The all-day event: Wednesday 00:00 to Thursday 00:00 in Prague.
    const wednesday = monday.add({ days: 2 }).startOfDay();
    expect(blocks).toContainEqual({
      startsAt: new Date(wednesday.epochMilliseconds),
      endsAt: new Date(wednesday.add({ days: 1 }).epochMilliseconds),
      source: 'ics',
    });
    // The free reminder on Tuesday blocks nothing.
    const tuesday = monday.epochMilliseconds + DAY;
    expect(blocks.some((b) => b.startsAt.getTime() <= tuesday && b.endsAt.getTime() > tuesday)).toBe(false);
    // What the user sees: from a calendar file.
    const mine = await partner.availability.mine();
    expect(mine.busyBlocks.filter((b) => b.source === 'ics')).toHaveLength(result.imported);
  });

  it('replaces the previous import on the next one (no duplicates) and keeps hand-entered blocks', async () => {
    const organiser = await as('organiser');
    const base = mondayAfter(14).getTime() + 8 * 3_600_000;
    const hour = (h: number) => new Date(base + h * 3_600_000);
    const manual = await organiser.availability.addBusyBlock({ startsAt: hour(48), endsAt: hour(49) });
    const first = calendar(
      ...event('a@example.org', `DTSTART:${utc(hour(0))}`, `DTEND:${utc(hour(1))}`),
      ...event('b@example.org', `DTSTART:${utc(hour(24))}`, `DTEND:${utc(hour(25))}`),
    );
    expect((await organiser.availability.importIcs({ fileName: 'a.ics', content: first })).imported).toBe(2);
    const second = calendar(...event('c@example.org', `DTSTART:${utc(hour(2))}`, `DTEND:${utc(hour(3))}`));
    await organiser.availability.importIcs({ fileName: 'b.ics', content: second });
    await organiser.availability.importIcs({ fileName: 'b.ics', content: second });
    expect(await blocksOf(world.users.organiser)).toEqual([
      { startsAt: hour(2), endsAt: hour(3), source: 'ics' },
      { startsAt: manual.startsAt, endsAt: manual.endsAt, source: 'manual' },
    ]);
    // Another user's import is theirs alone: the partner's blocks from the first test are still there.
    expect((await icsBlocksOf(world.users.partner)).length).toBeGreaterThan(0);
  });

  it('refuses a broken file with its problem and line, and keeps the previous import', async () => {
    const networker = await as('networker');
    const start = mondayAfter(21);
    const good = calendar(
      ...event(
        'x@example.org',
        `DTSTART:${utc(start)}`,
        `DTEND:${utc(new Date(start.getTime() + 3_600_000))}`,
      ),
    );
    await networker.availability.importIcs({ fileName: 'good.ics', content: good });
    const before = await icsBlocksOf(world.users.networker);
    expect(before).toHaveLength(1);

    // Line 8: a DTEND whose TZID never gets its closing quote.
    const broken = good.replace(/DTEND:/, 'DTEND;TZID="Europe/Prague:');
    expect(
      await failure(networker.availability.importIcs({ fileName: 'broken.ics', content: broken })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      appCode: 'invalid_calendar',
      details: { problem: 'syntax', line: 8 },
    });
    const unterminated = good.replace('END:VEVENT\r\n', '');
    expect(
      await failure(networker.availability.importIcs({ fileName: 'cut.ics', content: unterminated })),
    ).toMatchObject({ appCode: 'invalid_calendar', details: { problem: 'unterminated', line: 4 } });
    expect(
      await failure(
        networker.availability.importIcs({ fileName: 'notes.txt', content: 'Dentist on Monday' }),
      ),
    ).toMatchObject({ appCode: 'invalid_calendar', details: { problem: 'not_calendar' } });
    expect(await icsBlocksOf(world.users.networker)).toEqual(before);
  });

  it('refuses a file over 1 MB, naming the size', async () => {
    const networker = await as('networker');
    const huge = calendar(`X-PADDING:${'x'.repeat(1024 * 1024)}`);
    const refused = await failure(networker.availability.importIcs({ fileName: 'huge.ics', content: huge }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.issues?.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['content', 'the calendar file is larger than 1 MB'],
    ]);
  });
});

describe('the slot finder sees imported blocks', () => {
  it('drops a proposal once the required partner imports a calendar busy at that time', async () => {
    const organiser = await as('organiser');
    const from = mondayAfter(35);
    const created = await organiser.conference.create({
      kind: 'case_conference',
      caseRef: 'HU-TST-2026-0901',
      title: 'Review',
      agencyId: world.agencies.welfare.id,
      timezone: 'Europe/Budapest',
      durationMinutes: 60,
      scheduleBy: new Date(from.getTime() + 14 * DAY),
      participants: [
        { kind: 'user', userId: world.users.organiser, role: 'chair' },
        { kind: 'user', userId: world.users.partner },
      ],
      online: true,
    });
    const before = await organiser.conference.propose({ conferenceId: created.id, from });
    const taken = before.proposals[0]!;
    const partner = await as('partner');
    await partner.availability.importIcs({
      fileName: 'partner.ics',
      content: calendar(
        ...event('busy@example.org', `DTSTART:${utc(taken.startsAt)}`, `DTEND:${utc(taken.endsAt)}`),
      ),
    });
    const after = await organiser.conference.propose({ conferenceId: created.id, from });
    expect(after.proposals.length).toBeGreaterThan(0);
    for (const p of after.proposals) {
      const overlaps = p.startsAt < taken.endsAt && p.endsAt > taken.startsAt;
      expect(overlaps, p.startsAt.toISOString()).toBe(false);
    }
    await t.current.db
      .delete(schema.busyBlock)
      .where(and(eq(schema.busyBlock.userId, world.users.partner), eq(schema.busyBlock.source, 'ics')));
  });
});
