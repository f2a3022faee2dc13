// The iCalendar part of an invitation (RFC 5545 / iTIP RFC 5546), made by ical-generator with the
// VTIMEZONE of the conference's zone from @touch4it/ical-timezones (the generator ical-generator's
// documentation names), so a calendar shows the meeting at the right local time across DST.
// One attendee per message: each recipient gets their own REQUEST and learns no other invitee's address.
import type { ConferenceKind, Partstat } from '@caremap/db/schema';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { Temporal } from 'temporal-polyfill';

export interface IcsInput {
  method: 'REQUEST' | 'CANCEL';
  uid: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  /** Shown as SUMMARY: kind label and case_ref only (never the organiser's title). */
  summary: string;
  location: string;
  description: string;
  organiser: { name: string; email: string };
  attendee: { name: string; email: string; required: boolean; partstat: Partstat };
  /** DTSTAMP: when this version of the event was made. */
  stamp: Date;
}

const partstats: Record<Partstat, ICalAttendeeStatus> = {
  needs_action: ICalAttendeeStatus.NEEDSACTION,
  accepted: ICalAttendeeStatus.ACCEPTED,
  declined: ICalAttendeeStatus.DECLINED,
  tentative: ICalAttendeeStatus.TENTATIVE,
};

export class UnknownTimeZone extends Error {
  constructor(readonly timezone: string) {
    super(`no VTIMEZONE is known for ${timezone}`);
    this.name = 'UnknownTimeZone';
  }
}

function newCalendar(method?: ICalCalendarMethod, name?: string) {
  return ical({
    prodId: { company: 'CareMap', product: 'conferences', language: 'EN' },
    ...(method ? { method } : {}),
    ...(name ? { name } : {}),
    // No calendar-wide zone: DTSTAMP then stays in UTC as RFC 5545 requires; the generator still
    // writes the VTIMEZONE of every event's zone.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
}

// ical-generator formats a native Date in the process's zone; a ZonedDateTime in its own zone.
const zoned = (d: Date, timezone: string) =>
  Temporal.Instant.fromEpochMilliseconds(d.getTime()).toZonedDateTimeISO(timezone);

export function invitationIcs(input: IcsInput): string {
  if (!getVtimezoneComponent(input.timezone)) throw new UnknownTimeZone(input.timezone);
  const calendar = newCalendar(
    input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  );
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    start: zoned(input.startsAt, input.timezone),
    end: zoned(input.endsAt, input.timezone),
    timezone: input.timezone,
    stamp: input.stamp,
    summary: input.summary,
    location: input.location,
    description: input.description,
    status: input.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: input.organiser.name, email: input.organiser.email },
    attendees: [
      {
        name: input.attendee.name,
        email: input.attendee.email,
        rsvp: input.method === 'REQUEST',
        role: input.attendee.required ? ICalAttendeeRole.REQ : ICalAttendeeRole.OPT,
        status: partstats[input.attendee.partstat],
      },
    ],
  });
  return calendar.toString();
}

/** One conference in a personal calendar feed: logistics and the case_ref only. */
export interface FeedEvent {
  uid: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  summary: string;
  location?: string;
  description: string;
  cancelled: boolean;
  /** DTSTAMP: when the conference row last changed. */
  stamp: Date;
}

/**
 * A subscribed calendar (no METHOD: RFC 7986 / webcal style), with the same UID and SEQUENCE as the
 * invitations, so a calendar that also got the e-mail shows the conference once.
 */
export function feedIcs(name: string, events: FeedEvent[]): string {
  const calendar = newCalendar(undefined, name);
  for (const e of events) {
    if (!getVtimezoneComponent(e.timezone)) throw new UnknownTimeZone(e.timezone);
    calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      start: zoned(e.startsAt, e.timezone),
      end: zoned(e.endsAt, e.timezone),
      timezone: e.timezone,
      stamp: e.stamp,
      summary: e.summary,
      location: e.location ?? null,
      description: e.description,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

export type { ConferenceKind };
