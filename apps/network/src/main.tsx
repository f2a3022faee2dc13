import { mapCss } from '@caremap/map';
import { createLifecycles } from '@caremap/mfe-kit';
import { App } from './App';
import sheetCss from './import/sheet.css?inline';
import css from './network.css?inline';
import providersCss from './providers/providers.css?inline';

export const { bootstrap, mount, unmount } = createLifecycles({
  name: '@caremap/network',
  rootComponent: App,
  css: [mapCss, css, providersCss, sheetCss],
});
