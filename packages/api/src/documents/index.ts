/** PDFs of CareMap (feedback letters, reports): plain data in, PDF bytes out; no database, no HTTP. */
export { feedbackLetterContent, renderFeedbackLetter } from './letter';
export { renderReport, reportContent } from './report';
export { type DocumentTexts, documentTexts } from './texts';
