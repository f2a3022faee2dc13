import baseStyle from 'mapeo-offline-map/style.json';
import type { SourceSpecification, StyleSpecification } from 'maplibre-gl';

/**
 * The offline basemap: mapeo-offline-map's style (Natural Earth land, lakes, rivers, boundaries)
 * with its GeoJSON sources pointed at our own copy under `baseUrl` (see scripts/copy-basemap.mjs).
 * No glyphs, no sprite, no tiles: nothing leaves the machine, and therefore no text or symbol
 * layers anywhere on our maps.
 */
export function offlineStyle(baseUrl = '/basemap'): StyleSpecification {
  const base = baseUrl.replace(/\/$/, '');
  // The graticule (latitude/longitude lines) is noise on a map of services; leave it out.
  const layers = (baseStyle.layers as StyleSpecification['layers']).filter(
    (layer) => !('source' in layer) || layer.source !== 'graticule-source',
  );
  const sources: Record<string, SourceSpecification> = {};
  for (const layer of layers) {
    if ('source' in layer && typeof layer.source === 'string' && !(layer.source in sources)) {
      sources[layer.source] = {
        type: 'geojson',
        data: `${base}/${layer.source.replace(/-source$/, '')}.json`,
      };
    }
  }
  return { version: 8, name: 'CareMap offline', sources, layers };
}
