import { describe, expect, it } from 'vitest';
import { bboxOf, toApiBbox } from './geometry';
import { offlineStyle } from './style';

describe('offlineStyle', () => {
  const style = offlineStyle();
  const json = JSON.stringify(style);

  it('never sends a request off the machine', () => {
    expect(json).not.toMatch(/https?:\/\//);
    expect(json).not.toMatch(/mapbox:\/\//);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('reads every source from our own /basemap copy', () => {
    const urls = Object.values(style.sources).map((source) => ('data' in source ? source.data : undefined));
    expect(urls.sort()).toEqual([
      '/basemap/boundaries.json',
      '/basemap/lakes.json',
      '/basemap/land.json',
      '/basemap/rivers.json',
    ]);
    expect(Object.values(offlineStyle('https://cdn.invalid/maps/').sources)[0]).toMatchObject({
      data: expect.stringMatching(/^https:\/\/cdn\.invalid\/maps\/\w+\.json$/),
    });
  });

  it('has no text or symbol layers (there are no glyphs to draw them)', () => {
    expect(style.layers.filter((layer) => layer.type === 'symbol')).toEqual([]);
  });

  it('only uses sources it defines', () => {
    for (const layer of style.layers) {
      if ('source' in layer) expect(style.sources).toHaveProperty([layer.source as string]);
    }
  });
});

describe('bbox helpers', () => {
  it('finds the box around points and multipolygons', () => {
    expect(
      bboxOf([
        { geometry: { coordinates: [15.59, 49.4] } },
        {
          geometry: {
            coordinates: [
              [
                [
                  [16.1, 49.2],
                  [15.2, 49.9],
                  [15.8, 48.95],
                ],
              ],
            ],
          },
        },
      ]),
    ).toEqual([15.2, 48.95, 16.1, 49.9]);
    expect(bboxOf([])).toBeUndefined();
  });

  it('turns a zoomed-out view into a valid API box', () => {
    expect(toApiBbox(-300, -95, 300, 95)).toEqual([-180, -90, 180, 90]);
    expect(toApiBbox(15.123456, 49.000049, 16.5, 49.8)).toEqual([15.1235, 49, 16.5, 49.8]);
  });
});
