// The keyboard way to draw a territory: its corner points typed (or pasted) one per line as
// "latitude, longitude", the order a map app copies them in. Pure, so the rules are tested apart.

export type CornerProblem = 'format' | 'latitude' | 'longitude' | 'tooFew';

export type CornersResult =
  | { ok: true; polygon: { type: 'Polygon'; coordinates: number[][][] } }
  | { ok: false; problem: CornerProblem; line?: number };

const NUMBER = String.raw`[-+]?\d{1,3}(?:[.,]\d+)?`;
// "49.39, 15.59", "49.39 15.59", "49,39; 15,59" (a decimal comma needs a semicolon or a space between).
const PAIR = new RegExp(String.raw`^(${NUMBER})\s*(?:[;\s]|,\s+|,(?=[-+\d]))\s*(${NUMBER})$`);

const toNumber = (text: string) => Number(text.replace(',', '.'));

export function parseCorners(text: string): CornersResult {
  const ring: number[][] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const match = PAIR.exec(line);
    if (!match) return { ok: false, problem: 'format', line: index + 1 };
    const lat = toNumber(match[1]!);
    const lng = toNumber(match[2]!);
    if (!(lat >= -90 && lat <= 90)) return { ok: false, problem: 'latitude', line: index + 1 };
    if (!(lng >= -180 && lng <= 180)) return { ok: false, problem: 'longitude', line: index + 1 };
    const last = ring.at(-1);
    if (last && last[0] === lng && last[1] === lat) continue; // a point typed twice in a row
    ring.push([lng, lat]);
  }
  // A closing point equal to the first may be typed or not.
  const first = ring[0];
  const last = ring.at(-1);
  if (ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) ring.pop();
  if (ring.length < 3) return { ok: false, problem: 'tooFew' };
  return { ok: true, polygon: { type: 'Polygon', coordinates: [[...ring, [...ring[0]!]]] } };
}
