// The reference the finder is checked against: the obvious search, written without the finder's
// code. Every start on the grid is tried; a person or room is free for a meeting when every
// 5-minute sample inside it is free. Local time comes from Intl (not Temporal), so the time-zone
// handling is checked too. Exact whenever every boundary in the input lies on the 5-minute grid.
import type { SlotSearch } from '../src/types';

const STEP = 5 * 60_000;
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();
const localCache = new Map<string, { day: string; minute: number }>();

function local(timeZone: string, t: number) {
  const key = `${timeZone}|${t}`;
  const hit = localCache.get(key);
  if (hit) return hit;
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
  const value = {
    day: parts.weekday!.toLowerCase().slice(0, 3),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
  if (localCache.size > 2_000_000) localCache.clear();
  localCache.set(key, value);
  return value;
}

const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const parsed = new WeakMap<object, [number, number][]>();
function inside(t: number, list: { start: string; end: string }[]) {
  let spans = parsed.get(list);
  if (!spans) {
    spans = list.map((b) => [Date.parse(b.start), Date.parse(b.end)]);
    parsed.set(list, spans);
  }
  return spans.some(([a, b]) => a <= t && t < b);
}

export interface BruteStart {
  start: number;
  roomId: string;
  absentOptional: string[];
  /** Present participants with an "if need be" time that overlaps the meeting. */
  ifNeedBe: string[];
}

export function bruteForceStarts(search: SlotSearch): BruteStart[] {
  const from = Date.parse(search.window.from);
  const to = Date.parse(search.window.to);
  const duration = search.durationMinutes * 60_000;
  const grid = (search.granularityMinutes ?? 15) * 60_000;
  const out: BruteStart[] = [];
  const samples = (t: number) => {
    const xs: number[] = [];
    for (let s = t; s < t + duration; s += STEP) xs.push(s);
    return xs;
  };
  const first = Math.ceil(from / grid) * grid;
  for (let t = first; t + duration <= to; t += grid) {
    const ts = samples(t);
    const free = new Set<string>();
    for (const p of search.participants) {
      const ok = ts.every((s) => {
        const { day, minute } = local(p.timeZone, s);
        const ranges = p.workingHours[day as (typeof DAYS)[number]] ?? [];
        return ranges.some((r) => clock(r.start) <= minute && minute < clock(r.end)) && !inside(s, p.busy);
      });
      if (ok) free.add(p.id);
    }
    if (search.participants.some((p) => p.attendance === 'required' && !free.has(p.id))) continue;
    const quorumOk = (search.quorum ?? []).every((rule) => {
      const members =
        rule.kind === 'agency'
          ? search.participants.filter((p) => p.agencyId === rule.agencyId).map((p) => p.id)
          : rule.participantIds;
      const needed = rule.kind === 'agency' ? rule.atLeast : (rule.atLeast ?? 1);
      return members.filter((id) => free.has(id)).length >= needed;
    });
    if (!quorumOk) continue;
    if (search.interpreter && !search.interpreter.participantIds.some((id) => free.has(id))) continue;
    const room = search.rooms.find(
      (r) => (r.capacity === null || r.capacity >= free.size) && ts.every((s) => !inside(s, r.busy)),
    );
    if (!room) continue;
    const absentOptional = search.participants
      .filter((p) => p.attendance === 'optional' && !free.has(p.id))
      .map((p) => p.id);
    const ifNeedBe = search.participants
      .filter(
        (p) =>
          free.has(p.id) &&
          (p.ifNeedBe ?? []).some((b) => Date.parse(b.start) < t + duration && t < Date.parse(b.end)),
      )
      .map((p) => p.id);
    out.push({ start: t, roomId: room.id, absentOptional, ifNeedBe });
  }
  return out;
}

/**
 * Ranked proposals from the brute-force starts: fewest optional absences, then fewest "if need be"
 * attendees, earliest, no overlaps.
 */
export function bruteForceProposals(search: SlotSearch) {
  const duration = search.durationMinutes * 60_000;
  const ranked = bruteForceStarts(search).sort(
    (a, b) =>
      a.absentOptional.length - b.absentOptional.length ||
      a.ifNeedBe.length - b.ifNeedBe.length ||
      a.start - b.start,
  );
  const taken: BruteStart[] = [];
  for (const c of ranked) {
    if (taken.length >= (search.wanted ?? 3)) break;
    if (taken.every((p) => c.start + duration <= p.start || p.start + duration <= c.start)) taken.push(c);
  }
  return taken.map((c) => ({
    start: new Date(c.start).toISOString(),
    end: new Date(c.start + duration).toISOString(),
    roomId: c.roomId,
    absentOptional: c.absentOptional,
    ifNeedBe: c.ifNeedBe,
  }));
}
