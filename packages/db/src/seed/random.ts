// Deterministic building blocks of the demo seed: stable UUIDs and a seeded PRNG, so that every run
// produces the same rows with the same ids.
import { createHash } from 'node:crypto';

/** A fixed namespace for CareMap's demo data (a random v4 UUID, chosen once). */
const NAMESPACE = Buffer.from('4b7d2f0e9c3a4e51a8f6d1c27b3e5a90', 'hex');

/** A name-based UUID (RFC 9562 version 5: SHA-1 of namespace + name): same key, same id, every run. */
export function seedId(key: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(key).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** 32-bit FNV-1a, to turn a stream name into a PRNG seed. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * mulberry32: a tiny, fast, well-distributed 32-bit PRNG. Each part of the generator draws from its
 * own named stream, so changing one part does not reshuffle the others.
 */
export class Rng {
  private state: number;

  constructor(stream: string) {
    this.state = fnv1a(stream);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let r = this.next() * total;
    for (const item of items) {
      r -= weight(item);
      if (r < 0) return item;
    }
    return items[items.length - 1]!;
  }

  /** `n` distinct items (fewer if the list is shorter), in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  /** Digits as a string, e.g. for phone numbers and tax ids. */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

/**
 * Weighted picks from a fixed list whose weights change one at a time (a Fenwick tree), in
 * O(log n) instead of O(n), so a seed of 100,000 services is not quadratic. For the same draw it
 * picks what `Rng.weighted` picks over the current weights: exactly for whole-number weights, and
 * for fractional ones unless the draw lies within rounding error of a boundary between two items.
 */
export class WeightedSet<T> {
  private readonly tree: Float64Array;
  private readonly weights: number[];
  private readonly top: number;

  constructor(
    private readonly items: readonly T[],
    weight: (item: T) => number,
  ) {
    this.weights = items.map((item) => WeightedSet.checked(weight(item)));
    this.tree = new Float64Array(items.length + 1);
    this.weights.forEach((w, i) => {
      this.add(i, w);
    });
    this.top = items.length === 0 ? 0 : 2 ** Math.floor(Math.log2(items.length));
  }

  private static checked(weight: number): number {
    if (!Number.isFinite(weight) || weight < 0)
      throw new Error('WeightedSet needs finite, non-negative weights');
    return weight;
  }

  private add(index: number, delta: number): void {
    for (let i = index + 1; i < this.tree.length; i += i & -i) this.tree[i]! += delta;
  }

  /** Sets the weight of the item at `index`. */
  set(index: number, weight: number): void {
    this.add(index, WeightedSet.checked(weight) - this.weights[index]!);
    this.weights[index] = weight;
  }

  get total(): number {
    let sum = 0;
    for (let i = this.items.length; i > 0; i -= i & -i) sum += this.tree[i]!;
    return sum;
  }

  /** The index of the picked item; one draw from `rng`, as `Rng.weighted` makes. */
  pick(rng: Rng): number {
    if (this.items.length === 0) throw new Error('WeightedSet.pick from an empty list');
    let rest = rng.next() * this.total;
    // The first item whose running total exceeds the draw: skip every prefix whose sum is <= it.
    let pos = 0;
    for (let step = this.top; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= this.items.length && this.tree[next]! <= rest) {
        pos = next;
        rest -= this.tree[next]!;
      }
    }
    return Math.min(pos, this.items.length - 1);
  }
}

/** Moves a point by up to `radiusM` metres in a random direction (uniform over the disc). */
export function jitter(rng: Rng, lat: number, lon: number, radiusM: number): { lat: number; lon: number } {
  const r = radiusM * Math.sqrt(rng.next());
  const angle = rng.next() * 2 * Math.PI;
  const dLat = (r * Math.cos(angle)) / 110_574;
  const dLon = (r * Math.sin(angle)) / (111_320 * Math.cos((lat * Math.PI) / 180));
  return { lat: round6(lat + dLat), lon: round6(lon + dLon) };
}

export const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

/** ASCII slug for e-mail addresses and URLs: "Žďár nad Sázavou" -> "zdar-nad-sazavou". */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
