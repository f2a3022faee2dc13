import type { FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';

export const POINT_SOURCE = 'caremap-points';
export const AREA_SOURCE = 'caremap-areas';
export const CLUSTER_LAYER = 'caremap-clusters';
export const POINT_LAYER = 'caremap-points';
export const HIGHLIGHT_LAYER = 'caremap-points-highlight';

const empty = { type: 'FeatureCollection' as const, features: [] };

// Colours from ui.css (--cm-primary, --cm-accent); a map paint property cannot read CSS variables.
const primary = '#1c5d8a';
const accent = '#2b7a67';

/** Territories under the points: a light fill, a solid outline, dashed when the boundary is approximate. */
export function addAreaLayers(map: MapLibreMap): void {
  map.addSource(AREA_SOURCE, { type: 'geojson', data: empty });
  map.addLayer({
    id: 'caremap-areas-fill',
    type: 'fill',
    source: AREA_SOURCE,
    paint: { 'fill-color': primary, 'fill-opacity': 0.14 },
  });
  map.addLayer({
    id: 'caremap-areas-line',
    type: 'line',
    source: AREA_SOURCE,
    filter: ['!=', ['get', 'approximate'], true],
    paint: { 'line-color': primary, 'line-width': 2 },
  });
  map.addLayer({
    id: 'caremap-areas-line-approximate',
    type: 'line',
    source: AREA_SOURCE,
    filter: ['==', ['get', 'approximate'], true],
    paint: { 'line-color': primary, 'line-width': 2, 'line-dasharray': [2, 1.5] },
  });
}

/**
 * Service locations, clustered. Circles only: cluster size is shown by radius, because the offline
 * basemap has no glyphs to draw numbers with. The list beside the map carries the words.
 */
export function addPointLayers(map: MapLibreMap, { cluster = true }: { cluster?: boolean } = {}): void {
  map.addSource(POINT_SOURCE, {
    type: 'geojson',
    data: empty,
    cluster,
    clusterRadius: 44,
    clusterMaxZoom: 13,
  });
  map.addLayer({
    id: CLUSTER_LAYER,
    type: 'circle',
    source: POINT_SOURCE,
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': primary,
      'circle-opacity': 0.88,
      'circle-radius': ['step', ['get', 'point_count'], 12, 10, 16, 50, 21, 200, 27],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  map.addLayer({
    id: POINT_LAYER,
    type: 'circle',
    source: POINT_SOURCE,
    filter: ['!', ['has', 'point_count']],
    paint: {
      // A point may carry its layer's colour (`properties.color`, e.g. per partner kind).
      'circle-color': ['coalesce', ['get', 'color'], accent],
      'circle-radius': 7,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
}

/**
 * The point picked in the list beside the map (by `properties.id`): larger, in the primary colour,
 * with a thick dark ring, so it stands out by size and contrast as well as by colour.
 */
export function addHighlightLayer(map: MapLibreMap): void {
  map.addLayer({
    id: HIGHLIGHT_LAYER,
    type: 'circle',
    source: POINT_SOURCE,
    filter: highlightFilter(undefined),
    paint: {
      'circle-color': primary,
      'circle-radius': 11,
      'circle-stroke-color': '#1b2733',
      'circle-stroke-width': 3,
    },
  });
}

export function highlightFilter(id: string | undefined): FilterSpecification {
  return ['all', ['!', ['has', 'point_count']], ['==', ['get', 'id'], id ?? '']];
}
