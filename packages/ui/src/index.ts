/// <reference path="./env.d.ts" />
import uiCss from './ui.css?inline';

export { Trans, useTranslation } from 'react-i18next';
export {
  type ApiErrorDetails,
  apiErrorCode,
  apiErrorDetails,
  apiErrorExtra,
  describeIssue,
  describeIssues,
  formatApiError,
  type ValidationIssue,
} from './api-error';
export { Button, type ButtonProps } from './components/Button';
export { Link, navigate, sameOriginPath } from './components/Link';
export { Loading, Spinner } from './components/Loading';
export { PageHeading } from './components/PageHeading';
export { ScrollRegion } from './components/ScrollRegion';
export { loginUrl, SignInPrompt } from './components/SignInPrompt';
export { SkipLink } from './components/SkipLink';
export { EmptyState, ErrorState, type QueryLike, QueryState } from './components/States';
export {
  formatCountry,
  formatDateTime,
  formatDateTimeRange,
  formatNumber,
  intlLocale,
  isoDateTime,
} from './format';
export {
  catalogs,
  changeLanguage,
  currentLanguage,
  detectLanguage,
  initI18n,
  isLanguage,
  LANGUAGE_EVENT,
  LANGUAGE_STORAGE_KEY,
  type Language,
  supportedLanguages,
} from './i18n';
export { useMapLabels } from './map-labels';

/** The components' stylesheet, for mfe-kit to inject with each MFE. */
export { uiCss };
