import { createLifecycles } from '@caremap/mfe-kit';
import { App } from './App';
import availabilityCss from './availability/availability.css?inline';
import calendarCss from './calendar/calendar.css?inline';
import css from './conferences.css?inline';
import outreachCss from './outreach.css?inline';
import phasesCss from './phases/phases.css?inline';
import seriesCss from './series/series.css?inline';
import timelineCss from './timeline.css?inline';

export const { bootstrap, mount, unmount } = createLifecycles({
  name: '@caremap/conferences',
  rootComponent: App,
  css: `${css}\n${outreachCss}\n${calendarCss}\n${seriesCss}\n${timelineCss}\n${phasesCss}\n${availabilityCss}`,
});
