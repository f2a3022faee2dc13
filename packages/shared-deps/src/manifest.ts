/** The shape of dist/shared/manifest.json, written by scripts/build.ts, read by buildImportMap(). */
export interface SharedManifest {
  /** import-map specifier -> file name in dist/shared/ (hashed). */
  imports: Record<string, string>;
  /**
   * Classic scripts index.html loads before the import map exists. Named by package version
   * (`import-map-injector-2.0.2.js`), so a name never changes content and needs no hash.
   */
  loaders: { injector: string; overrides: string };
  /** The MapLibre worker file, loaded by maplibre-gl from its own URL's folder. */
  maplibreWorker: string;
}

export const manifestFileName = 'manifest.json';
