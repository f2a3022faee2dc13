/**
 * Writes the sample feedback letters (hu, cs, tr, en) and the sample report as PDFs into a folder, to
 * look at them: `node --import tsx scripts/render-document-samples.ts /tmp/docs` then
 * `pdftoppm -png -r 80 /tmp/docs/letter-hu.pdf /tmp/docs/letter-hu`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderFeedbackLetter, renderReport } from '../src/documents';
import { letterSamples, reportSample } from '../test/document-samples';

const out = process.argv[2] ?? 'document-samples';
await mkdir(out, { recursive: true });
for (const [language, letter] of Object.entries(letterSamples)) {
  await writeFile(join(out, `letter-${language}.pdf`), await renderFeedbackLetter(letter));
}
// A letter long enough to run over pages: continuation pages, footers, the closing kept whole.
const long = letterSamples.hu;
await writeFile(
  join(out, 'letter-hu-long.pdf'),
  await renderFeedbackLetter({
    ...long,
    paragraphs: Array.from({ length: 12 }, () => long.paragraphs).flat(),
  }),
);
await writeFile(join(out, 'report-cs.pdf'), await renderReport(reportSample('cs')));
await writeFile(join(out, 'report-hu.pdf'), await renderReport(reportSample('hu', 20)));
console.warn(`written to ${out}`);
