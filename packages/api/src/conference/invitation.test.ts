// The .ics and e-mail texts on their own, read back by ical.js (a second parser, written by other
// people): times in each supported zone on both sides of a DST change, VTIMEZONE, METHOD, SEQUENCE.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { invitationIcs, UnknownTimeZone } from './invitation';
import { invitationMessage } from './messages';

const base = {
  uid: 'fixed-uid@caremap',
  summary: 'Esetkonferencia HU-TST-2026-0001',
  location: 'Room A',
  description: 'logistics',
  organiser: { name: 'Organiser', email: 'organiser@example.org' },
  attendee: { name: 'Guest', email: 'guest@example.org', required: true, partstat: 'needs_action' as const },
  stamp: new Date('2026-01-10T12:00:00Z'),
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents('vtimezone');
  for (const tz of zones) ICAL.TimezoneService.register(tz);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    calendar,
    event,
    zones: zones.map((z) => z.getFirstPropertyValue('tzid')),
    stamp: String(vevent.getFirstProperty('dtstamp')!.toICALString()),
  };
}

const wall = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(d);

describe('invitationIcs', () => {
  // Winter and summer instants; Istanbul has kept +03:00 all year since 2016.
  const cases = [
    ['Europe/Budapest', '2026-01-15T09:00:00Z', '10:00'],
    ['Europe/Budapest', '2026-07-15T09:00:00Z', '11:00'],
    ['Europe/Prague', '2026-03-30T07:30:00Z', '09:30'], // the day after the spring change
    ['Europe/Prague', '2026-10-26T07:30:00Z', '08:30'], // the day after the autumn change
    ['Europe/Istanbul', '2026-01-15T09:00:00Z', '12:00'],
    ['Europe/Istanbul', '2026-07-15T09:00:00Z', '12:00'],
  ] as const;

  it.each(cases)(
    'writes %s at the right local time (%s -> %s) with its VTIMEZONE',
    (timezone, iso, local) => {
      const startsAt = new Date(iso);
      const endsAt = new Date(startsAt.getTime() + 90 * 60_000);
      const { calendar, event, zones, stamp } = parse(
        invitationIcs({ ...base, method: 'REQUEST', sequence: 3, startsAt, endsAt, timezone }),
      );
      expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
      expect(zones).toEqual([timezone]);
      expect(event.startDate.zone?.tzid).toBe(timezone);
      expect(event.startDate.toJSDate().getTime()).toBe(startsAt.getTime());
      expect(event.endDate.toJSDate().getTime()).toBe(endsAt.getTime());
      expect(wall(startsAt, timezone).endsWith(local)).toBe(true);
      expect(
        `${String(event.startDate.hour).padStart(2, '0')}:${String(event.startDate.minute).padStart(2, '0')}`,
      ).toBe(local);
      expect(event.uid).toBe('fixed-uid@caremap');
      expect(event.sequence).toBe(3);
      expect(stamp).toMatch(/Z$/); // DTSTAMP is UTC (RFC 5545 3.8.7.2)
    },
  );

  it('writes METHOD:CANCEL with STATUS:CANCELLED and no RSVP', () => {
    const text = invitationIcs({
      ...base,
      method: 'CANCEL',
      sequence: 4,
      startsAt: new Date('2026-05-04T08:00:00Z'),
      endsAt: new Date('2026-05-04T09:00:00Z'),
      timezone: 'Europe/Prague',
    });
    const { calendar, event } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.sequence).toBe(4);
    expect(event.attendees[0]!.getParameter('rsvp')).not.toBe('TRUE');
  });

  it('refuses a zone it has no VTIMEZONE for', () => {
    expect(() =>
      invitationIcs({
        ...base,
        method: 'REQUEST',
        sequence: 0,
        startsAt: new Date(),
        endsAt: new Date(Date.now() + 3600_000),
        timezone: 'Mars/Olympus_Mons',
      }),
    ).toThrow(UnknownTimeZone);
  });
});

describe('invitationMessage', () => {
  const facts = {
    kind: 'family_conference' as const,
    caseRef: 'CZ-JI-2026-0031',
    startsAt: new Date('2026-03-30T07:30:00Z'),
    endsAt: new Date('2026-03-30T09:00:00Z'),
    timezone: 'Europe/Prague',
    place: 'Zasedací místnost',
    organiserName: 'Organiser',
    links: { accept: 'https://x/a', tentative: 'https://x/t', decline: 'https://x/d' },
  };
  it.each([
    ['hu', 'Családi döntéshozó konferencia', 'Időpont'],
    ['cs', 'Rodinná konference', 'Kdy'],
    ['tr', 'Aile konferansı', 'Ne zaman'],
    ['en', 'Family conference', 'When'],
  ] as const)('writes %s: kind, case_ref, local time in the conference zone, links', (locale, kind, when) => {
    const { subject, text } = invitationMessage(locale, 'REQUEST', facts);
    expect(subject).toContain(kind);
    expect(subject).toContain('CZ-JI-2026-0031');
    expect(text).toContain(`${when}: `);
    expect(text).toContain('09:30');
    expect(text).toContain('(Europe/Prague)');
    expect(text).toContain('https://x/a');
  });
  it('a cancellation carries no answer links', () => {
    expect(invitationMessage('cs', 'CANCEL', facts).text).not.toContain('https://x/');
  });
});
