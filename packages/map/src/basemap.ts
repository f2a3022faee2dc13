// Which basemap a map draws. By default the offline one (style.ts): nothing leaves the machine. A
// production can point every map at its own MapLibre style instead (CAREMAP_BASEMAP_STYLE_URL):
// the server writes it into the shell page as <meta name="caremap-basemap-style">, and allows its
// origins in the Content-Security-Policy. The style's sources may be PMTiles files
// (`pmtiles://https://tiles.example.org/region.pmtiles`); their reader is loaded only then.
import {
  type AddProtocolAction,
  type AttributionControlOptions,
  addProtocol,
  type StyleSpecification,
} from 'maplibre-gl';
import { offlineStyle } from './style';

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
