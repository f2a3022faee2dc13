// Which basemap a map draws. By default the offline one (style.ts): nothing leaves the machine. A
// production can point every map at its own MapLibre style instead (CAREMAP_BASEMAP_STYLE_URL):
// the server writes it into the shell page as <meta name="caremap-basemap-style">, and allows its
// origins in the Content-Security-Policy. The style's sources may be PMTiles files
// (`pmtiles://https://tiles.example.org/region.pmtiles`); their reader is loaded only then.
import {
  type AddProtocolAction,
  type AttributionControlOptions,
  addProtocol,
  type LngLatBoundsLike,
  Map as MapLibreMap,
  type MapOptions,
  NavigationControl,
  type StyleSpecification,
} from 'maplibre-gl';
import { offlineStyle } from './style';

/** The translated words every map needs (useMapLabels in @caremap/ui makes them). */
export interface ServiceMapLabels {
  /** Accessible name of the map (its canvas is focusable and keyboard-operable). */
  map: string;
  /** How to use the map with a keyboard; read after the name. */
  keyboardHint: string;
  zoomIn: string;
  zoomOut: string;
  resetBearing: string;
  /** Shown instead of the map when the browser cannot draw it (no WebGL). */
  unavailable: string;
}

export const BASEMAP_META = 'caremap-basemap-style';

/** The style URL the server was configured with, or undefined for the offline basemap. */
export function configuredBasemap(doc: Document | undefined = globalThis.document): string | undefined {
  const content = doc?.querySelector(`meta[name="${BASEMAP_META}"]`)?.getAttribute('content')?.trim();
  return content || undefined;
}

let pmtilesRegistered = false;

/** Lets styles use `pmtiles://` sources; the PMTiles reader is fetched on the first such request. */
export function registerPmtilesProtocol(): void {
  if (pmtilesRegistered) return;
  pmtilesRegistered = true;
  let protocol: Promise<{ tile: (...args: Parameters<AddProtocolAction>) => unknown }> | undefined;
  addProtocol('pmtiles', async (params, abort) => {
    protocol ??= import('pmtiles').then(({ Protocol }) => new Protocol());
    return (await protocol).tile(params, abort) as ReturnType<AddProtocolAction>;
  });
}

/**
 * The style for a new map: the offline basemap under `offlineBase` when a caller names one, else
 * the configured style URL, else the offline basemap under /basemap.
 */
export function basemapStyle(offlineBase?: string): StyleSpecification | string {
  if (offlineBase !== undefined) return offlineStyle(offlineBase);
  const url = configuredBasemap();
  if (!url) return offlineStyle();
  registerPmtilesProtocol();
  return url;
}

/**
 * The attribution line: Natural Earth for the offline basemap; a configured style names its own
 * sources' attributions, which MapLibre shows.
 */
export function basemapAttribution(offlineBase?: string): AttributionControlOptions {
  return offlineBase === undefined && configuredBasemap()
    ? { compact: false }
    : { compact: false, customAttribution: 'Natural Earth' };
}

/**
 * A new map as every CareMap map starts: the basemap, the view, no rotation or pitch, zoom buttons,
 * texts in the user's language, and the canvas named and described for screen readers. `null`
 * when the browser cannot draw one (no WebGL): the caller shows its list or note instead.
 */
export function createBaseMap(args: {
  container: HTMLElement;
  labels: ServiceMapLabels;
  bounds: LngLatBoundsLike;
  /** The id of the element describing how to use the map (aria-describedby). */
  hintId: string;
  basemapUrl?: string | undefined;
  options?: Partial<MapOptions>;
}): MapLibreMap | null {
  const { labels, basemapUrl } = args;
  let map: MapLibreMap;
  try {
    map = new MapLibreMap({
      container: args.container,
      style: basemapStyle(basemapUrl),
      bounds: args.bounds,
      fitBoundsOptions: { padding: 32 },
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      attributionControl: basemapAttribution(basemapUrl),
      locale: {
        'Map.Title': labels.map,
        'NavigationControl.ZoomIn': labels.zoomIn,
        'NavigationControl.ZoomOut': labels.zoomOut,
        'NavigationControl.ResetBearing': labels.resetBearing,
      },
      ...args.options,
    });
  } catch {
    return null;
  }
  map.touchZoomRotate.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  const canvas = map.getCanvas();
  canvas.setAttribute('aria-label', labels.map);
  canvas.setAttribute('aria-describedby', args.hintId);
  return map;
}
