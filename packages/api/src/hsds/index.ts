// The HSDS 3.0 module: projection of our rows into HSDS objects, the selection behind the list
// endpoints, the export, and the public read limiter. The HTTP layer is apps/api/src/hsds.ts.
export {
  type HsdsKind,
  lastModified,
  selectOrganizations,
  selectTaxonomies,
  selectTaxonomyTerms,
  type TaxonomyTermQuery,
} from './catalog';
export { type ExportOptions, type ExportSummary, exportHsds } from './export';
export type { HsdsObject } from './format';
export { hsdsOpenapiDocument } from './openapi';
export {
  projectOrganizationList,
  projectOrganizations,
  projectServiceAtLocationList,
  projectServiceAtLocations,
  projectServiceList,
  projectServiceMinimal,
  projectServices,
  projectTaxonomies,
  projectTaxonomyTerms,
} from './project';
export {
  DEFAULT_PUBLIC_READ_LIMITS,
  type PublicRateLimiter,
  type PublicReadLimits,
  publicRateLimiter,
  type RateDecision,
} from './rate-limit';
export {
  type Cursor,
  type ExtensionFilters,
  type Selection,
  type ServiceAtLocationQuery,
  type ServiceQuery,
  selectServiceAtLocations,
  selectServices,
  type Window,
} from './select';
