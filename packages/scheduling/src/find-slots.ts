import { total } from './intervals';
import { pick, prepare, sweep } from './slots';
import type { Blocker, Proposal, Relaxation, SlotSearch, SlotSearchResult } from './types';

const DAY = 86_400_000;
const MINUTE = 60_000;
/** How far ahead "extend the deadline" looks. */
const MAX_EXTENSION_DAYS = 14;

function proposalsFor(search: SlotSearch): Proposal[] {
  const prep = prepare(search);
  return pick(prep, sweep(prep).feasible);
}

/**
 * Finds up to `wanted` ranked, non-overlapping proposals inside the window. When there are
 * fewer, says which constraints block and which single relaxation would give more proposals;
 * each relaxation's count comes from running the same search again with that change.
 */
export function findSlots(search: SlotSearch): SlotSearchResult {
  const prep = prepare(search);
  const { feasible, bestPerRule, requiredMeet } = sweep(prep);
  const proposals = pick(prep, feasible);
  if (proposals.length >= prep.wanted) return { proposals };

  const have = proposals.length;
  const relaxations: Relaxation[] = [];
  const blockers: Blocker[] = [];
  const better = (changed: SlotSearch) => {
    const n = proposalsFor(changed).length;
    return n > have ? n : 0;
  };

  const windowMinutes = Math.max(0, (prep.to - prep.from) / MINUTE);
  if (Math.ceil(prep.from / prep.grid) * prep.grid + prep.duration > prep.to) {
    blockers.push({ kind: 'window_too_short', windowMinutes, durationMinutes: search.durationMinutes });
  }

  search.participants.forEach((p, i) => {
    if (p.attendance !== 'required') return;
    const n = better({
      ...search,
      participants: search.participants.map((q) => (q === p ? { ...q, attendance: 'optional' } : q)),
    });
    if (n) relaxations.push({ kind: 'make_optional', participantId: p.id, proposals: n });
    if (n || prep.starts[i]!.length === 0) {
      blockers.push({
        kind: 'required_participant',
        participantId: p.id,
        freeMinutes: total(prep.free[i]!) / MINUTE,
      });
    }
  });

  const quorum = search.quorum ?? [];
  quorum.forEach((rule, r) => {
    const n = better({ ...search, quorum: quorum.filter((_, k) => k !== r) });
    if (n) relaxations.push({ kind: 'drop_quorum_rule', rule, proposals: n });
    const needed = rule.kind === 'agency' ? rule.atLeast : (rule.atLeast ?? 1);
    if (n || (requiredMeet && bestPerRule[r]! < needed)) {
      blockers.push(
        rule.kind === 'agency'
          ? { kind: 'agency_quorum', agencyId: rule.agencyId, needed, bestAvailable: bestPerRule[r]! }
          : {
              kind: 'pool_quorum',
              participantIds: rule.participantIds,
              needed,
              bestAvailable: bestPerRule[r]!,
            },
      );
    }
  });

  if (search.interpreter) {
    const { interpreter: _, ...without } = search;
    const n = better(without);
    if (n) relaxations.push({ kind: 'drop_interpreter', proposals: n });
    if (n || (requiredMeet && bestPerRule[quorum.length] === 0)) blockers.push({ kind: 'no_interpreter' });
  }

  const online = { id: 'online', capacity: null, busy: [] };
  const withOnline = better({ ...search, rooms: [...search.rooms, online] });
  if (withOnline) {
    if (!search.rooms.some((r) => r.capacity === null)) {
      relaxations.push({ kind: 'add_online_room', proposals: withOnline });
    }
    blockers.push({ kind: 'no_room' });
  }

  for (let days = 1; days <= MAX_EXTENSION_DAYS; days++) {
    const to = new Date(prep.to + days * DAY).toISOString();
    const n = proposalsFor({ ...search, window: { ...search.window, to } }).length;
    if (n >= prep.wanted || (days === MAX_EXTENSION_DAYS && n > have)) {
      relaxations.push({ kind: 'extend_deadline', days, proposals: n });
      break;
    }
  }
  return { proposals, explanation: { blockers, relaxations } };
}
