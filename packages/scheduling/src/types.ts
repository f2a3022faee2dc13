/**
 * Input and output of the slot finder. Plain data only: instants are ISO 8601 strings with an
 * offset or `Z`, wall-clock times are `HH:MM` in a participant's own IANA time zone.
 */

/** A day of the week, as working hours are written in a person's own calendar. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * A wall-clock range on one day, `[start, end)`, e.g. `{ start: '08:00', end: '16:30' }`.
 * `end` may be `'24:00'`; a range that crosses midnight is written as two ranges on two days.
 * On a daylight-saving day it covers every instant whose local time falls inside it, so a
 * 02:00-03:00 range is one hour long in spring's gap-free part, none in the gap, two in autumn.
 */
export interface TimeRange {
  start: string;
  end: string;
}

/** Half-open interval of instants `[start, end)`, ISO 8601 (`2026-03-30T07:00:00Z`). */
export interface Interval {
  start: string;
  end: string;
}

/** `required`: every proposal must suit them. `optional`: proposals prefer that they can come. */
export type Attendance = 'required' | 'optional';

/** Someone invited to the conference (a professional, a family member, an interpreter). */
export interface SlotParticipant {
  id: string;
  /** The agency they represent; agency quorum rules count participants by this. */
  agencyId: string;
  attendance: Attendance;
  /** IANA time zone their working hours are written in, e.g. `Europe/Budapest`. */
  timeZone: string;
  /** Working hours per weekday in `timeZone`; a weekday left out is a day off. */
  workingHours: Partial<Record<Weekday, TimeRange[]>>;
  /** Existing conferences, hand-entered or imported busy blocks (and a poll's "no" answers). */
  busy: Interval[];
  /**
   * Times they can make only if need be (a poll's "if need be" answers): a meeting overlapping one
   * still counts them as present, but ranks after meetings with fewer such people.
   */
  ifNeedBe?: Interval[];
}

/**
 * A quorum rule over participants, required or optional alike.
 * `agency`: at least `atLeast` participants of `agencyId` can come.
 * `pool`: at least `atLeast` (default 1) of `participantIds` can come.
 */
export type QuorumRule =
  | { kind: 'agency'; agencyId: string; atLeast: number }
  | { kind: 'pool'; participantIds: string[]; atLeast?: number };

/** A bookable room. `capacity: null` is an online meeting room without a limit. */
export interface SlotRoom {
  id: string;
  capacity: number | null;
  busy: Interval[];
}

/** At least one of these participants (the interpreters) must be free. */
export interface InterpreterRequirement {
  participantIds: string[];
}

/** What the organiser asks for. */
export interface SlotSearch {
  /** Proposals start at or after `from` and end at or before `to` (the deadline); ISO instants. */
  window: { from: string; to: string };
  durationMinutes: number;
  /** Starts lie on multiples of this many minutes since the Unix epoch (UTC). Default 15. */
  granularityMinutes?: number;
  participants: SlotParticipant[];
  quorum?: QuorumRule[];
  /** The meeting needs one of these, free and large enough for everyone who can come. */
  rooms: SlotRoom[];
  interpreter?: InterpreterRequirement;
  /** How many proposals the organiser wants. Default 3. */
  wanted?: number;
}

/** One proposed time. */
export interface Proposal {
  /** ISO UTC instants. */
  start: string;
  end: string;
  /** The first room in the input's order that is free and holds everyone who can come. */
  roomId: string;
  /** Optional participants who cannot come at this time. */
  absentOptional: string[];
  /** Participants who come at this time only if need be (their `ifNeedBe` overlaps it). */
  ifNeedBe: string[];
  /** 1 when every optional participant can come, 0 when none can: share of optional ones present. */
  score: number;
}

/** A constraint that keeps the finder from the wanted number of proposals; the UI translates it. */
export type Blocker =
  | { kind: 'window_too_short'; windowMinutes: number; durationMinutes: number }
  /** `freeMinutes`: their working time minus busy time inside the window. */
  | { kind: 'required_participant'; participantId: string; freeMinutes: number }
  /**
   * `bestAvailable`: the most of that agency free together for a whole meeting, at a start in
   * the window that suits every required participant.
   */
  | { kind: 'agency_quorum'; agencyId: string; needed: number; bestAvailable: number }
  | { kind: 'pool_quorum'; participantIds: string[]; needed: number; bestAvailable: number }
  | { kind: 'no_room' }
  | { kind: 'no_interpreter' };

/** A change the organiser could make, with the number of proposals it would give (re-run). */
export type Relaxation =
  | { kind: 'extend_deadline'; days: number; proposals: number }
  | { kind: 'make_optional'; participantId: string; proposals: number }
  | { kind: 'drop_quorum_rule'; rule: QuorumRule; proposals: number }
  | { kind: 'drop_interpreter'; proposals: number }
  | { kind: 'add_online_room'; proposals: number };

/** What the finder returns. */
export interface SlotSearchResult {
  /**
   * Best first: fewer optional absences, then fewer "if need be" attendees, then earlier start;
   * proposals never overlap each other.
   */
  proposals: Proposal[];
  /** Present only when fewer than `wanted` proposals exist. */
  explanation?: {
    blockers: Blocker[];
    /** Only relaxations that give more proposals than now. */
    relaxations: Relaxation[];
  };
}

/** Thrown for input the finder cannot read; `field` names the offending part. */
/**
 * Bad input to one of this package's functions; `field` names the part (e.g. `participants[2].timeZone`,
 * `rrule.BYDAY`), so a caller can point the user at it. Each entry point has its own subclass.
 */
export class SchedulingInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = new.target.name;
  }
}

export class SlotSearchInputError extends SchedulingInputError {}
