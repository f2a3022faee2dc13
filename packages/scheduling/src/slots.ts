import { clip, contains, normalize, type Span, startsThatFit, subtract } from './intervals';
import { type Proposal, type SlotSearch, SlotSearchInputError } from './types';
import { workingSpans } from './working-hours';

const MINUTE = 60_000;

function instant(value: string, field: string): number {
  const ms = Date.parse(value);
  if (!/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) || Number.isNaN(ms)) {
    throw new SlotSearchInputError(field, `"${value}" is not an ISO instant with an offset or Z`);
  }
  return ms;
}

function busySpans(busy: { start: string; end: string }[], field: string): Span[] {
  return normalize(busy.map((b) => [instant(b.start, field), instant(b.end, field)] as const));
}

interface CompiledRule {
  kind: 'agency' | 'pool' | 'interpreter';
  needed: number;
  members: number[];
}

/** The search with instants as numbers and every calendar turned into allowed start spans. */
export interface Prepared {
  search: SlotSearch;
  from: number;
  to: number;
  duration: number;
  grid: number;
  wanted: number;
  /** Per participant: free time in the window, and the starts at which a whole meeting fits. */
  free: Span[][];
  starts: Span[][];
  roomStarts: Span[][];
  /** Per participant: the starts at which the meeting would overlap one of their "if need be" times. */
  softStarts: Span[][];
  rules: CompiledRule[];
}

export function prepare(search: SlotSearch): Prepared {
  const from = instant(search.window.from, 'window.from');
  const to = instant(search.window.to, 'window.to');
  const duration = search.durationMinutes * MINUTE;
  const grid = (search.granularityMinutes ?? 15) * MINUTE;
  const wanted = search.wanted ?? 3;
  if (!(search.durationMinutes > 0) || !Number.isInteger(search.durationMinutes)) {
    throw new SlotSearchInputError('durationMinutes', 'must be a positive whole number of minutes');
  }
  if (!(grid > 0) || !Number.isInteger(search.granularityMinutes ?? 15)) {
    throw new SlotSearchInputError('granularityMinutes', 'must be a positive whole number of minutes');
  }
  if (!(wanted >= 1)) throw new SlotSearchInputError('wanted', 'must be at least 1');

  const index = new Map(search.participants.map((p, i) => [p.id, i]));
  const ids = (list: string[], field: string) =>
    list.map((id) => {
      const i = index.get(id);
      if (i === undefined) throw new SlotSearchInputError(field, `no participant "${id}"`);
      return i;
    });
  const rules: CompiledRule[] = (search.quorum ?? []).map((rule) =>
    rule.kind === 'agency'
      ? {
          kind: 'agency',
          needed: rule.atLeast,
          members: search.participants.flatMap((p, i) => (p.agencyId === rule.agencyId ? [i] : [])),
        }
      : { kind: 'pool', needed: rule.atLeast ?? 1, members: ids(rule.participantIds, 'quorum') },
  );
  if (search.interpreter) {
    rules.push({
      kind: 'interpreter',
      needed: 1,
      members: ids(search.interpreter.participantIds, 'interpreter'),
    });
  }

  const free = search.participants.map((p) =>
    subtract(workingSpans(p.timeZone, p.workingHours, from, to), busySpans(p.busy, `busy of ${p.id}`)),
  );
  const roomStarts = search.rooms.map((r) =>
    startsThatFit(
      subtract([[from, to]], clip(busySpans(r.busy, `busy of room ${r.id}`), from, to)),
      duration,
    ),
  );
  const starts = free.map((f) => startsThatFit(f, duration));
  // A meeting [t, t + duration) overlaps [a, b) exactly when a - duration < t < b.
  const softStarts = search.participants.map((p) =>
    normalize(
      busySpans(p.ifNeedBe ?? [], `ifNeedBe of ${p.id}`).map(([a, b]) => [a - duration + 1, b] as const),
    ),
  );
  return { search, from, to, duration, grid, wanted, free, starts, roomStarts, softStarts, rules };
}

/** A stretch of starts with the same people and rooms free; `start` is its first grid point. */
export interface Stretch {
  start: number;
  end: number;
  absent: number;
  /** Attendees who come only if need be. */
  soft: number;
  room: number;
}

export interface SweepResult {
  /** Stretches where every constraint holds, in time order. */
  feasible: Stretch[];
  /** Per compiled rule: the most members free together at a start that suits every required person. */
  bestPerRule: number[];
  /** Whether any start in the window suits every required participant. */
  requiredMeet: boolean;
}

/**
 * The sweep. Every participant's and room's allowed starts are spans; their ends are events.
 * Between two consecutive events the set of free people and rooms is constant, so the
 * constraints are checked once per stretch instead of once per grid point:
 * O(E log E + E * (rooms + rules)) for E span ends, independent of the window's length in minutes.
 */
export function sweep(prep: Prepared): SweepResult {
  const { search, grid, starts, roomStarts, softStarts, rules } = prep;
  const people = search.participants.length;
  const events: [time: number, entity: number, delta: 1 | -1][] = [];
  const add = (spans: Span[], entity: number) => {
    for (const [a, b] of spans) events.push([a, entity, 1], [b, entity, -1]);
  };
  starts.forEach(add);
  roomStarts.forEach((s, r) => {
    add(s, people + r);
  });
  const softBase = people + search.rooms.length;
  softStarts.forEach((s, p) => {
    add(s, softBase + p);
  });
  events.sort((x, y) => x[0] - y[0]);

  const required = search.participants.map((p) => p.attendance === 'required');
  const requiredTotal = required.filter(Boolean).length;
  const optionalTotal = people - requiredTotal;
  const rulesOf: number[][] = search.participants.map(() => []);
  rules.forEach((rule, r) => {
    for (const m of rule.members) rulesOf[m]!.push(r);
  });
  const isFree = new Uint8Array(people + search.rooms.length);
  const isSoft = new Uint8Array(people);
  // Free participants whose "if need be" time the meeting would overlap.
  let softFree = 0;
  const ruleCount = new Int32Array(rules.length);
  const bestPerRule = new Array<number>(rules.length).fill(0);
  let requiredFree = 0;
  let optionalFree = 0;
  let requiredMeet = false;
  const feasible: Stretch[] = [];

  for (let i = 0; i < events.length; ) {
    const at = events[i]![0];
    for (; i < events.length && events[i]![0] === at; i++) {
      const [, entity, delta] = events[i]!;
      if (entity >= softBase) {
        const p = entity - softBase;
        isSoft[p] = delta === 1 ? 1 : 0;
        if (isFree[p]) softFree += delta;
        continue;
      }
      isFree[entity] = delta === 1 ? 1 : 0;
      if (entity >= people) continue;
      if (isSoft[entity]) softFree += delta;
      if (required[entity]) requiredFree += delta;
      else optionalFree += delta;
      for (const r of rulesOf[entity]!) ruleCount[r]! += delta;
    }
    if (i === events.length) break;
    const end = events[i]![0];
    const first = Math.ceil(at / grid) * grid;
    if (first >= end) continue;
    if (requiredFree < requiredTotal) continue;
    requiredMeet = true;
    let rulesHold = true;
    for (let r = 0; r < rules.length; r++) {
      if (ruleCount[r]! > bestPerRule[r]!) bestPerRule[r] = ruleCount[r]!;
      if (ruleCount[r]! < rules[r]!.needed) rulesHold = false;
    }
    if (!rulesHold) continue;
    const attendees = requiredFree + optionalFree;
    const room = search.rooms.findIndex(
      (r, k) => isFree[people + k] === 1 && (r.capacity === null || r.capacity >= attendees),
    );
    if (room >= 0) {
      feasible.push({ start: first, end, absent: optionalTotal - optionalFree, soft: softFree, room });
    }
  }
  return { feasible, bestPerRule, requiredMeet };
}

/**
 * Ranking: fewer optional absences first, then the earlier start; a start that overlaps a
 * proposal already taken is skipped, so each proposal is a real alternative.
 */
export function pick(prep: Prepared, feasible: Stretch[]): Proposal[] {
  const { search, grid, duration, wanted, starts, softStarts } = prep;
  const order = [...feasible].sort((x, y) => x.absent - y.absent || x.soft - y.soft || x.start - y.start);
  const taken: { start: number; stretch: Stretch }[] = [];
  for (const stretch of order) {
    if (taken.length >= wanted) break;
    let t = stretch.start;
    while (t < stretch.end && taken.length < wanted) {
      const clash = taken.find((p) => t < p.start + duration && t + duration > p.start);
      if (clash) t = Math.ceil((clash.start + duration) / grid) * grid;
      else taken.push({ start: t, stretch });
    }
  }
  const optional = search.participants.flatMap((p, i) => (p.attendance === 'optional' ? [i] : []));
  return taken.map(({ start, stretch }) => {
    const absentOptional = optional
      .filter((i) => !contains(starts[i]!, start))
      .map((i) => search.participants[i]!.id);
    const ifNeedBe = search.participants
      .filter((_, i) => contains(starts[i]!, start) && contains(softStarts[i]!, start))
      .map((p) => p.id);
    return {
      start: new Date(start).toISOString(),
      end: new Date(start + duration).toISOString(),
      roomId: search.rooms[stretch.room]!.id,
      absentOptional,
      ifNeedBe,
      score: optional.length === 0 ? 1 : 1 - absentOptional.length / optional.length,
    };
  });
}

/** A start at which every constraint holds, as the finder sees it. */
export interface FeasibleStart {
  start: string;
  roomId: string;
  absentOptional: number;
  ifNeedBe: number;
}

/**
 * Every feasible start in the window, in time order (for a calendar heat map, and for the
 * property test against the brute-force search).
 */
export function feasibleStarts(search: SlotSearch): FeasibleStart[] {
  const prep = prepare(search);
  const out: FeasibleStart[] = [];
  for (const s of sweep(prep).feasible) {
    for (let t = s.start; t < s.end; t += prep.grid) {
      out.push({
        start: new Date(t).toISOString(),
        roomId: search.rooms[s.room]!.id,
        absentOptional: s.absent,
        ifNeedBe: s.soft,
      });
    }
  }
  return out;
}
