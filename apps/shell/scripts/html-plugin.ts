import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readSharedManifest } from '@caremap/shared-deps';
import cs from '@caremap/ui/locales/cs.json';
import en from '@caremap/ui/locales/en.json';
import hu from '@caremap/ui/locales/hu.json';
import tr from '@caremap/ui/locales/tr.json';
import type { Plugin } from 'vite';

/** Where the server serves this app's dist/ folder, and the shared dependencies. */
export const SHELL_BASE = '/mfe/shell/';
export const SHARED_BASE = '/shared/';

/** Where the server serves the page's import map (apps/api/src/frontend.ts). */
const IMPORT_MAP_URL = '/importmap.json';

/**
 * The classic script that starts the page: it loads the import map, inserts it, then imports the
 * root config. It is external (not inline) so the Content-Security-Policy needs no 'unsafe-inline'
 * and no hash, and content-hashed so it can be cached forever. If the page cannot start, it says so
 * in the visitor's language, with the words taken from the UI catalogs at build time.
 *
 * It does the work @single-spa/import-map-injector used to do, because the injector cannot add a
 * nonce to the `<script type="importmap">` it inserts, and a strict CSP (script-src 'self'
 * 'nonce-...') blocks an inline import map without one. This script reads the nonce the server put
 * on it (`document.currentScript.nonce`; browsers hide the attribute from getAttribute, not from
 * the property) and gives it to the import map. Everything else is as the injector did it: the
 * same content-type and status checks and messages, URLs relative to the map's address made
 * absolute, import-map-overrides' maps merged on top (index.html's `use-injector` meta tells
 * import-map-overrides to leave inserting them to us), and its default-map cache reset afterwards.
 */
function bootScript(): string {
  const messages = Object.fromEntries(
    Object.entries({ en, hu, cs, tr }).map(([language, catalog]) => [language, catalog.boot]),
  );
  return `(function () {
  var messages = ${JSON.stringify(messages)};
  var script = document.currentScript;
  var nonce = (script && script.nonce) || '';
  var mapUrl = new URL(${JSON.stringify(IMPORT_MAP_URL)}, document.baseURI).href;
  var errPrefix = 'caremap boot:';
  function language() {
    var stored = null;
    try { stored = localStorage.getItem('caremap.lang'); } catch (e) {}
    var tags = [stored].concat(navigator.languages || [navigator.language]);
    for (var i = 0; i < tags.length; i++) {
      var base = String(tags[i] || '').toLowerCase().split('-')[0];
      if (messages[base]) return base;
    }
    return 'en';
  }
  function fail(error) {
    console.error('CareMap could not start', error);
    var text = messages[language()];
    var root = document.getElementById('caremap-root');
    var box = document.createElement('div');
    box.className = 'boot__error';
    box.setAttribute('role', 'alert');
    var p = document.createElement('p');
    p.textContent = text.failed;
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = text.reload;
    button.addEventListener('click', function () { location.reload(); });
    box.appendChild(p);
    box.appendChild(button);
    root.replaceChildren(box);
  }
  function isRelative(address) {
    return ['/', './', '../'].some(function (prefix) { return address.indexOf(prefix) === 0; });
  }
  function remapExternalAddresses(moduleMap, baseUrl) {
    for (var specifier in moduleMap) {
      if (isRelative(moduleMap[specifier])) moduleMap[specifier] = new URL(moduleMap[specifier], baseUrl).href;
    }
  }
  function loadImportMap() {
    return fetch(mapUrl)
      .then(function (r) {
        if (!r.ok) {
          throw new Error(errPrefix + " import map at url '" + mapUrl + "' must respond with a success HTTP status, but responded with HTTP " + r.status + ' ' + r.statusText);
        }
        if (String(r.headers.get('content-type')).toLowerCase() !== 'application/importmap+json') {
          throw new Error(errPrefix + " Import map at url '" + mapUrl + "' does not have the required content-type http response header. Must be 'application/importmap+json'");
        }
        return r.json();
      })
      .then(function (json) {
        remapExternalAddresses(json.imports || {}, mapUrl);
        var scopes = json.scopes || {};
        for (var scope in scopes) {
          remapExternalAddresses(scopes[scope], mapUrl);
          if (isRelative(scope)) {
            scopes[new URL(scope, mapUrl).href] = scopes[scope];
            delete scopes[scope];
          }
        }
        return json;
      })
      .catch(function (err) {
        console.error(errPrefix + " Error loading import map from URL '" + mapUrl + "'");
        throw err;
      });
  }
  function injectImportMap(importMaps) {
    var finalImportMap = { imports: {}, scopes: {} };
    importMaps.forEach(function (importMap) {
      var key;
      for (key in importMap.imports || {}) finalImportMap.imports[key] = importMap.imports[key];
      for (key in importMap.scopes || {}) finalImportMap.scopes[key] = importMap.scopes[key];
    });
    var el = document.createElement('script');
    el.type = 'importmap';
    el.nonce = nonce;
    el.textContent = JSON.stringify(finalImportMap);
    document.head.appendChild(el);
    // import-map-overrides caches the page's import maps when it loads: let it read ours.
    if (window.importMapOverrides) window.importMapOverrides.resetDefaultMap();
  }
  // The policy allows no eval. zod 4 probes for it with \`new Function('')\` when a schema is
  // created unless it runs jitless, and browsers report even that caught probe as a violation. The
  // shell and every MFE bundle their own zod; they share this one config object on globalThis
  // (zod's own name for it), so setting it before any module runs covers them all.
  window.__zod_globalConfig = window.__zod_globalConfig || {};
  window.__zod_globalConfig.jitless = true;
  var importMaps;
  try {
    var overrides = window.importMapOverrides;
    importMaps = [loadImportMap()];
    if (overrides) {
      importMaps.push(overrides.getOverrideMap(), overrides.getOverrideScopes(), overrides.getExternalOverrideMap());
    }
    importMaps = Promise.all(importMaps);
  } catch (error) {
    importMaps = Promise.reject(error);
  }
  importMaps
    .then(injectImportMap)
    .then(function () { return import('@caremap/root-config'); })
    .catch(fail);
})();
`;
}

/**
 * Emits the boot script and dist/index.html, with the real file names filled in: the boot script's
 * hash, and import-map-overrides' versioned name from the shared-deps build. The server adds the
 * response's CSP nonce to every <script> of the page.
 */
export function shellHtmlPlugin(root: string): Plugin {
  return {
    name: 'caremap-shell-html',
    generateBundle() {
      const { loaders } = readSharedManifest();
      const bootRef = this.emitFile({ type: 'asset', name: 'boot.js', source: bootScript() });
      const replacements: Record<string, string> = {
        '%CAREMAP_OVERRIDES%': SHARED_BASE + loaders.overrides,
        '%CAREMAP_BOOT%': SHELL_BASE + this.getFileName(bootRef),
      };
      let html = readFileSync(resolve(root, 'index.html'), 'utf8');
      for (const [placeholder, url] of Object.entries(replacements)) {
        if (!html.includes(placeholder)) this.error(`index.html must reference ${placeholder}`);
        html = html.replace(placeholder, url);
      }
      this.emitFile({ type: 'asset', fileName: 'index.html', source: html });
    },
  };
}
