import { mapCss } from '@caremap/map';
import { createLifecycles } from '@caremap/mfe-kit';
import { App } from './App';
import css from './directory.css?inline';

export const { bootstrap, mount, unmount } = createLifecycles({
  name: '@caremap/directory',
  rootComponent: App,
  css: [mapCss, css],
});
