/** The shape of dist/shared/manifest.json, written by scripts/build.ts, read by buildImportMap(). */
export interface SharedManifest {
  /** import-map specifier -> file name in dist/shared/ (hashed). */
  imports: Record<string, string>;
  /**
   * Classic scripts index.html loads before the import map exists. Named by package version
   * (`import-map-overrides-6.1.0.js`), so a name never changes content and needs no hash. (The
   * shell's own boot script inserts the import map: import-map-injector cannot give it a CSP nonce.)
   */
  loaders: { overrides: string };
  /** The MapLibre worker file, loaded by maplibre-gl from its own URL's folder. */
  maplibreWorker: string;
}

export const manifestFileName = 'manifest.json';
