import { createLifecycles } from '@caremap/mfe-kit';
import { App } from './App';
import availabilityCss from './availability/availability.css?inline';
import css from './conferences.css?inline';
import outreachCss from './outreach.css?inline';

export const { bootstrap, mount, unmount } = createLifecycles({
  name: '@caremap/conferences',
  rootComponent: App,
  css: `${css}\n${outreachCss}\n${availabilityCss}`,
});
