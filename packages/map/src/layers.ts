import type { Map as MapLibreMap } from 'maplibre-gl';

export const POINT_SOURCE = 'caremap-points';
export const AREA_SOURCE = 'caremap-areas';
export const CLUSTER_LAYER = 'caremap-clusters';
export const POINT_LAYER = 'caremap-points';

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
export function addPointLayers(map: MapLibreMap): void {
  map.addSource(POINT_SOURCE, {
    type: 'geojson',
    data: empty,
    cluster: true,
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
      'circle-color': accent,
      'circle-radius': 7,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
}
