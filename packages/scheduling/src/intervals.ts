/** Half-open `[start, end)` intervals of epoch milliseconds, kept sorted and disjoint. */
export type Span = readonly [start: number, end: number];

/** Sorts and merges overlapping or touching spans. */
export function normalize(spans: Span[]): Span[] {
  const sorted = spans.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** `spans` minus `holes`; both normalized. One linear pass. */
export function subtract(spans: Span[], holes: Span[]): Span[] {
  const out: Span[] = [];
  let h = 0;
  for (const [a0, b] of spans) {
    let a = a0;
    while (h < holes.length && holes[h]![1] <= a) h++;
    let k = h;
    while (a < b && k < holes.length && holes[k]![0] < b) {
      const [ha, hb] = holes[k]!;
      if (ha > a) out.push([a, ha]);
      a = Math.max(a, hb);
      k++;
    }
    if (a < b) out.push([a, b]);
  }
  return out;
}

/** Clips normalized spans to `[from, to)`. */
export function clip(spans: Span[], from: number, to: number): Span[] {
  const out: Span[] = [];
  for (const [a, b] of spans) {
    const s = Math.max(a, from);
    const e = Math.min(b, to);
    if (e > s) out.push([s, e]);
  }
  return out;
}

/**
 * The starts `t` at which a meeting of `duration` fits inside a free span: `[a, b - duration]`,
 * written half-open as `[a, b - duration + 1)` so every later step stays in one convention.
 */
export function startsThatFit(free: Span[], duration: number): Span[] {
  const out: Span[] = [];
  for (const [a, b] of free) if (b - a >= duration) out.push([a, b - duration + 1]);
  return out;
}

/** Whether `t` lies in a normalized span list (binary search). */
export function contains(spans: Span[], t: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = spans[mid]!;
    if (t < a) hi = mid - 1;
    else if (t >= b) lo = mid + 1;
    else return true;
  }
  return false;
}

export const total = (spans: Span[]) => spans.reduce((sum, [a, b]) => sum + (b - a), 0);
