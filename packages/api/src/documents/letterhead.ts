/** The agency's letterhead and the page footer, shared by every document written on letterhead. */
import type { Letterhead, Locale } from '@caremap/validators';
import type { Column, Content, DynamicContent } from 'pdfmake/interfaces';
import { pngDataUrl } from './engine';
import { documentTexts } from './texts';

export const GREY = '#555555';
const RULE = '#1f4e79';

/** Page margins of a letter: left, top, right, bottom (points; A4 is 595 x 842). */
export const LETTER_MARGINS: [number, number, number, number] = [64, 48, 56, 64];

export function letterheadBlock(letterhead: Letterhead, language: Locale): Content {
  const t = documentTexts[language];
  const contacts = [
    letterhead.phone ? `${t.phone} ${letterhead.phone}` : undefined,
    letterhead.email ? `${t.email} ${letterhead.email}` : undefined,
  ].filter((part): part is string => part !== undefined);
  const words: Column = {
    width: '*',
    stack: [
      { text: letterhead.agencyName, bold: true, fontSize: 14, color: RULE },
      { text: letterhead.addressLines.join('\n'), fontSize: 8.5, color: GREY, margin: [0, 3, 0, 0] },
      ...(contacts.length ? [{ text: contacts.join('   ·   '), fontSize: 8.5, color: GREY }] : []),
    ],
  };
  const pageWidth = 595.28 - LETTER_MARGINS[0] - LETTER_MARGINS[2];
  return {
    stack: [
      letterhead.logoPng
        ? {
            columns: [{ width: 64, image: pngDataUrl(letterhead.logoPng), fit: [54, 54] }, words],
            columnGap: 10,
          }
        : words,
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: pageWidth, y2: 0, lineWidth: 1.2, lineColor: RULE }],
        margin: [0, 8, 0, 0],
      },
    ],
    margin: [0, 0, 0, 22],
  };
}

/** Left: who wrote it and about what (so a loose page is traceable); right: "page x of y". */
/**
 * Marks the footer's text: pdfmake hands the footer to pageBreakBefore as if it followed the
 * content on the page, so a page-break rule must be able to leave it out.
 */
export const FOOTER_STYLE = 'caremapPageFooter';

export function pageFooter(left: string, language: Locale, margins = LETTER_MARGINS): DynamicContent {
  return (current, total) => ({
    columns: [
      { text: left, width: '*', style: FOOTER_STYLE },
      {
        text: documentTexts[language].page(current, total),
        width: 'auto',
        alignment: 'right',
        noWrap: true,
        style: FOOTER_STYLE,
      },
    ],
    columnGap: 16,
    style: FOOTER_STYLE,
    fontSize: 7.5,
    color: GREY,
    margin: [margins[0], 24, margins[2], 0],
  });
}
