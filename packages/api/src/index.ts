export { audit } from './audit';
export { DEFAULT_LOGIN_LIMITS, type LoginLimits } from './auth/rate-limit';
export { purgeExpiredSessions, resolveSession, SESSION_IDLE_MS, SESSION_TTL_MS } from './auth/session';
export { CALENDAR_FEED_PATH, calendarFeedIcs } from './conference/calendar-feed';
export { feedbackLetterPdf } from './conference/letters/pdf';
export {
  backoffMs,
  OUTBOX_DEFAULTS,
  OutboxWorker,
  type OutboxWorkerOptions,
} from './conference/outbox-worker';
export {
  ActionItemReminders,
  type ActionItemRemindersOptions,
  queueActionItemReminders,
  REMINDER_DEFAULTS,
} from './conference/record/reminders';
export type { Context, SecuritySettings, SessionUser } from './context';
// The one directory search, for the HSDS REST API and the vector tiles (same results as tRPC).
export { openAtSql } from './directory/open-hours';
export { type PlaceSuggestion, placeById, suggestPlaces } from './directory/places';
export {
  FACET_TAXONOMY,
  SearchInputError,
  type SearchOptions,
  type ServiceSearchItem,
  type ServiceSearchResult,
  searchServices,
  serviceFilter,
} from './directory/search';
export { type ServicePage, servicePage } from './directory/service-page';
export {
  CLUSTER_MAX_ZOOM,
  encodeTile,
  serviceTile,
  TILE_EXTENT,
  TILE_LAYER,
  TILE_MAX_ZOOM,
  type TileAddress,
  tileFeatures,
  validTile,
} from './directory/tiles';
export { createImportJob, type ImportJobView, type JobReport } from './directory-import/jobs';
export { IMPORT_WORKER_DEFAULTS, ImportWorker, type ImportWorkerOptions } from './directory-import/worker';
export { documentTexts } from './documents/texts';
export { type AppCode, AppCodeError, appError, refusalOf } from './errors';
export * as hsds from './hsds/index';
export { coverageCsv } from './network/coverage';
export { territoryFeature } from './network/territory-create';
export { territoryReportCsv, territoryReportPdf } from './network/territory-report-render';
export {
  type Action,
  type Actor,
  caseDataResources,
  decide,
  type ProcedurePolicy,
  procedurePolicies,
  procedurePolicy,
  type Resource,
  type RoutePolicy,
  routePolicies,
  routePolicy,
  type Scope,
  scopeOf,
} from './policy';
export { type AppRouter, appRouter, createCaller } from './root';
export type { ZodIssueShape } from './trpc';
