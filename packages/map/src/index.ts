/// <reference path="./env.d.ts" />
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import ownCss from './map.css?inline';

export { BASEMAP_META, basemapStyle, configuredBasemap, type ServiceMapLabels } from './basemap';
export { DrawMap, type DrawMapProps, type DrawnPolygon } from './DrawMap';
export {
  type AreaCollection,
  type AreaFeature,
  type Bbox,
  bboxOf,
  defaultBounds,
  type PointCollection,
  type PointFeature,
  toApiBbox,
} from './geometry';
export { ServiceMap, type ServiceMapProps } from './ServiceMap';
export { offlineStyle } from './style';

/** MapLibre's stylesheet plus ours: pass to createLifecycles({ css }) in any MFE that shows a map. */
export const mapCss = `${maplibreCss}\n${ownCss}`;
