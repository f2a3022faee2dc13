import { describe, expect, it } from 'vitest';
import { Rng, WeightedSet } from './random';

describe('WeightedSet', () => {
  it('picks what Rng.weighted picks over the current whole-number weights, also after updates', () => {
    const setup = new Rng('weighted-set-test');
    const weights = Array.from({ length: 257 }, () => (setup.chance(0.2) ? 0 : setup.int(1, 9)));
    const items = weights.map((_, i) => i);
    const fast = new WeightedSet(items, (i) => weights[i]!);
    const a = new Rng('draws');
    const b = new Rng('draws');
    for (let round = 0; round < 5_000; round++) {
      const expected = b.weighted(items, (i) => weights[i]!);
      const index = fast.pick(a);
      expect(index).toBe(expected);
      // Lower the picked item's weight (as the seed does when an organisation gains a service),
      // and now and then raise another.
      weights[index] = Math.max(0, weights[index]! - 1);
      fast.set(index, weights[index]!);
      if (round % 7 === 0) {
        const other = setup.int(0, items.length - 1);
        weights[other] = weights[other]! + setup.int(0, 3);
        fast.set(other, weights[other]!);
      }
    }
  });

  it('returns the last item when every weight is zero, as Rng.weighted does', () => {
    const set = new WeightedSet(['a', 'b', 'c'], () => 0);
    expect(set.pick(new Rng('zero'))).toBe(2);
    expect(new Rng('zero').weighted(['a', 'b', 'c'], () => 0)).toBe('c');
  });

  it('refuses a negative or infinite weight', () => {
    expect(() => new WeightedSet([1], () => -1)).toThrow(/non-negative/);
    expect(() => new WeightedSet([1], () => Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });
});
