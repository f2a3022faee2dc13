import { describe, expect, it } from 'vitest';
import { parseCorners } from './corners';

describe('typed corner points', () => {
  it('makes a closed polygon in GeoJSON order from "latitude, longitude" lines', () => {
    const result = parseCorners('49.40, 15.55\n49.42 15.62\n\n49,37; 15,64\n');
    expect(result).toEqual({
      ok: true,
      polygon: {
        type: 'Polygon',
        coordinates: [
          [
            [15.55, 49.4],
            [15.62, 49.42],
            [15.64, 49.37],
            [15.55, 49.4],
          ],
        ],
      },
    });
  });

  it('accepts the first point typed again at the end, and a point repeated by mistake', () => {
    const typed = parseCorners('49.40, 15.55\n49.42, 15.62\n49.42, 15.62\n49.37, 15.64\n49.40, 15.55');
    expect(typed.ok && typed.polygon.coordinates[0]).toHaveLength(4);
  });

  it('names the line of a point it cannot read or that is off the globe', () => {
    expect(parseCorners('49.4, 15.5\nTřebíč\n49.3, 15.6')).toEqual({ ok: false, problem: 'format', line: 2 });
    expect(parseCorners('49.4, 15.5\n95, 15.6\n49.3, 15.6')).toEqual({
      ok: false,
      problem: 'latitude',
      line: 2,
    });
    expect(parseCorners('49.4, 15.5\n49.3, 15.6\n49.2, 195')).toEqual({
      ok: false,
      problem: 'longitude',
      line: 3,
    });
    expect(parseCorners('49.4.1, 15.5')).toEqual({ ok: false, problem: 'format', line: 1 });
  });

  it('needs three different corners', () => {
    expect(parseCorners('')).toEqual({ ok: false, problem: 'tooFew' });
    expect(parseCorners('49.4, 15.5\n49.3, 15.6\n49.4, 15.5')).toEqual({ ok: false, problem: 'tooFew' });
  });
});
