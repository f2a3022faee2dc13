/** PDFs of CareMap (feedback letters, reports): plain data in, PDF bytes out; no database, no HTTP. */
export { renderFeedbackLetter } from './letter';
export { renderReport } from './report';
export { type DocumentTexts, documentTexts } from './texts';
