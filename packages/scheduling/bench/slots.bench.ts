// `pnpm bench`: slot search for 15 participants x 6 weeks with quorum and rooms, against the
// brute-force 5-minute grid search (the property test's reference) on the same input in the same
// run. Ratios travel between machines better than milliseconds do; nothing here asserts a time.
import { findSlots } from '../src/find-slots';
import { bruteForceProposals } from '../test/brute-force';
import { benchSearch } from './fixture';

const RUNS = 300;
const BRUTE_RUNS = 5;

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
function time(fn: () => unknown, runs: number) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    ms.push(performance.now() - started);
  }
  return { median: percentile(ms, 0.5), p95: percentile(ms, 0.95), first: ms[0]! };
}

const search = benchSearch();
const finder = time(() => findSlots(search), RUNS);
const brute = time(() => bruteForceProposals(search), BRUTE_RUNS);

const found = findSlots(search).proposals;
const reference = bruteForceProposals(search);
const agree = JSON.stringify(found.map(({ score: _, ...p }) => p)) === JSON.stringify(reference);

const f = (n: number) => n.toFixed(3);
console.log(`slot search, 15 participants x 6 weeks, 5 agency/pool rules, interpreter pool, 4 rooms`);
console.log(
  `  finder      median ${f(finder.median)} ms  p95 ${f(finder.p95)} ms  first run ${f(finder.first)} ms  (${RUNS} runs)`,
);
console.log(
  `  brute force median ${f(brute.median)} ms  p95 ${f(brute.p95)} ms  first run ${f(brute.first)} ms  (${BRUTE_RUNS} runs)`,
);
console.log(`  ratio (brute force / finder, medians) ${(brute.median / finder.median).toFixed(0)}x`);
console.log(`  proposals ${found.length}, same as brute force: ${agree ? 'yes' : 'NO'}`);
for (const p of found)
  console.log(`    ${p.start}  ${p.roomId}  absent: ${p.absentOptional.join(', ') || '-'}`);
