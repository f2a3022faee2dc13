import { afterEach, describe, expect, it, vi } from 'vitest';

const addProtocol = vi.fn();
vi.mock('maplibre-gl', () => ({ addProtocol }));
const { BASEMAP_META, basemapAttribution, basemapStyle, configuredBasemap } = await import('./basemap');

/** A page whose head carries the meta the server writes for CAREMAP_BASEMAP_STYLE_URL. */
function pageWith(content: string | null) {
  return {
    querySelector: (selector: string) =>
      selector === `meta[name="${BASEMAP_META}"]` && content !== null
        ? { getAttribute: (name: string) => (name === 'content' ? content : null) }
        : null,
  } as unknown as Document;
}

afterEach(() => vi.unstubAllGlobals());

describe('the basemap of every map', () => {
  it('is the offline basemap when nothing is configured', () => {
    vi.stubGlobal('document', pageWith(null));
    const style = basemapStyle();
    expect(typeof style).toBe('object');
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
    expect(addProtocol).not.toHaveBeenCalled();
    expect(basemapAttribution().customAttribution).toBe('Natural Earth');
  });

  it('is the configured style URL, with pmtiles:// sources readable', () => {
    vi.stubGlobal('document', pageWith(' https://tiles.example.org/styles/cz-hu.json '));
    expect(basemapStyle()).toBe('https://tiles.example.org/styles/cz-hu.json');
    expect(addProtocol).toHaveBeenCalledTimes(1);
    expect(addProtocol.mock.calls[0]?.[0]).toBe('pmtiles');
    // Its sources credit themselves; Natural Earth is not drawn under somebody else's map.
    expect(basemapAttribution().customAttribution).toBeUndefined();
    // A second map does not register the protocol again.
    basemapStyle();
    expect(addProtocol).toHaveBeenCalledTimes(1);
  });

  it('keeps a caller-named offline copy even when a style is configured', () => {
    vi.stubGlobal('document', pageWith('https://tiles.example.org/style.json'));
    const style = basemapStyle('https://cdn.example.org/basemap');
    expect(JSON.stringify(style)).toContain('https://cdn.example.org/basemap/land.json');
  });

  it('treats an empty meta as not configured', () => {
    expect(configuredBasemap(pageWith('   '))).toBeUndefined();
    expect(configuredBasemap(undefined)).toBeUndefined();
  });
});
