import { describe, expect, it } from 'vitest';
import { type FindQuery, findUrl, parseQuery, tileUrl, toSearchInput, toSearchParams } from './query';

const full: FindQuery = {
  text: 'rodinná poradna',
  placeId: 3074199,
  placeName: 'Jihlava',
  radiusKm: 50,
  openNow: true,
  age: 12,
  language: 'uk',
  free: true,
  wheelchair: true,
  attendingType: 'online',
  taxonomyTermId: 'term-1',
  organizationId: 'org-1',
  sort: 'distance',
  page: 3,
};

describe('the /find query in the URL', () => {
  it('survives a round trip through the URL unchanged', () => {
    const url = new URL(findUrl(full), 'http://localhost');
    expect(url.pathname).toBe('/find');
    expect(parseQuery(url.searchParams)).toEqual(full);
  });

  it('puts every filter of the list into the map tile URL (not the sort or page)', () => {
    expect(tileUrl(full)).toBe(
      '/tiles/services/{z}/{x}/{y}.mvt?search=rodinn%C3%A1+poradna&place_id=3074199&proximity=50000&open_now=true&age=12&language=uk&free=true&wheelchair=true&attending_type=online&taxonomy_term_id=term-1&organization_id=org-1',
    );
    expect(tileUrl({ near: { lat: 49.39612, lng: 15.59123 } })).toBe(
      '/tiles/services/{z}/{x}/{y}.mvt?lat=49.396&lng=15.591&proximity=25000',
    );
    expect(tileUrl({})).toBe('/tiles/services/{z}/{x}/{y}.mvt');
  });

  it('writes short, readable parameters in a fixed order', () => {
    expect(toSearchParams(full).toString()).toBe(
      'q=rodinn%C3%A1+poradna&place=3074199&town=Jihlava&r=50&open=1&age=12&lang=uk&free=1&wheelchair=1&mode=online&cat=term-1&org=org-1&sort=distance&page=3',
    );
    expect(findUrl({})).toBe('/find');
  });

  it('rounds "my location" to about 100 m before it reaches the URL', () => {
    const params = toSearchParams({ near: { lat: 49.396123, lng: 15.591876 } });
    expect(params.get('lat')).toBe('49.396');
    expect(params.get('lng')).toBe('15.592');
    expect(parseQuery(params).near).toEqual({ lat: 49.396, lng: 15.592 });
  });

  it('drops malformed or unknown values instead of guessing', () => {
    const query = parseQuery(
      new URLSearchParams('age=-3&page=0&mode=teleport&sort=random&lat=95&lng=15&open=yes&r=9999&free=0'),
    );
    expect(query).toEqual({});
    expect(parseQuery(new URLSearchParams('page=1&age=abc'))).toEqual({});
  });

  it('becomes the directory.search input: radius in metres, sort that fits, page size', () => {
    expect(toSearchInput({ text: 'mediace', placeId: 3074199, placeName: 'Jihlava' })).toEqual({
      text: 'mediace',
      placeId: 3074199,
      radiusMeters: 25_000,
      sort: 'relevance',
      page: 1,
      size: 20,
    });
    // Distance sorting needs a place; without one it falls back to names.
    expect(toSearchInput({ sort: 'distance' })).toEqual({ sort: 'name', page: 1, size: 20 });
    expect(
      toSearchInput({
        near: { lat: 47.5, lng: 19.04 },
        radiusKm: 5,
        openNow: true,
        age: 7,
        taxonomyTermId: 't',
      }),
    ).toEqual({
      near: { lat: 47.5, lng: 19.04 },
      radiusMeters: 5000,
      openNow: true,
      age: 7,
      taxonomyTermIds: ['t'],
      sort: 'distance',
      page: 1,
      size: 20,
    });
  });
});
