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

/**
 * The classic script that waits for import-map-injector and then imports the root config. It is
 * external (not inline) so a strict Content-Security-Policy needs no hash, and content-hashed so it
 * can be cached forever. If the page cannot start, it says so in the visitor's language, with the
 * words taken from the UI catalogs at build time.
 */
function bootScript(): string {
  const messages = Object.fromEntries(
    Object.entries({ en, hu, cs, tr }).map(([language, catalog]) => [language, catalog.boot]),
  );
  return `(function () {
  var messages = ${JSON.stringify(messages)};
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
  if (!window.importMapInjector) return fail(new Error('import-map-injector did not load'));
  window.importMapInjector.initPromise
    .then(function () { return import('@caremap/root-config'); })
    .catch(fail);
})();
`;
}

/**
 * Emits the boot script and dist/index.html, with the real file names filled in: the boot script's
 * hash, and the import-map loaders' versioned names from the shared-deps build.
 */
export function shellHtmlPlugin(root: string): Plugin {
  return {
    name: 'caremap-shell-html',
    generateBundle() {
      const { loaders } = readSharedManifest();
      const bootRef = this.emitFile({ type: 'asset', name: 'boot.js', source: bootScript() });
      const replacements: Record<string, string> = {
        '%CAREMAP_OVERRIDES%': SHARED_BASE + loaders.overrides,
        '%CAREMAP_INJECTOR%': SHARED_BASE + loaders.injector,
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
