/**
 * Reads a PDF the way a second, independent program would: Mozilla's pdf.js (the legacy build,
 * which runs in Node without a browser or system tools). Tests of the documents module assert on
 * what this parser finds, never on the document definitions that produced the PDF.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = () => {
  // Imported by path: pdfjs-dist's package exports do not resolve `legacy/build/pdf.mjs` for Vite.
  pdfjs ??= import(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')) as Promise<PdfJs>;
  return pdfjs;
};

/** The 14 fonts every PDF reader has built in; a document that uses one embeds no font file. */
const STANDARD_14 = /^(Times|Helvetica|Courier|Symbol|ZapfDingbats)/;

export interface PdfTextItem {
  str: string;
  /** Left edge and baseline, in points from the page's bottom-left corner. */
  x: number;
  y: number;
  width: number;
}

export interface PdfPage {
  /** The page's text, lines joined by "\n", runs of spaces (also no-break ones) as one space. */
  text: string;
  items: PdfTextItem[];
  images: number;
  /**
   * Glyphs drawn as the font's .notdef (glyph 0, the empty box a reader shows for a letter the font
   * lacks). The text layer can still name such a letter, so this is counted separately.
   */
  notdefGlyphs: number;
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  standard14: boolean;
}

export interface ParsedPdf {
  pages: PdfPage[];
  /** All pages' text, joined by "\n". */
  text: string;
  fonts: PdfFont[];
  title: string | undefined;
  language: string | undefined;
}

const normalise = (text: string) =>
  text
    .replace(/[ \u00a0\u202f]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();

export async function readPdf(bytes: Uint8Array): Promise<ParsedPdf> {
  const lib = await loadPdfJs();
  const doc = await lib.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    fontExtraProperties: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const pages: PdfPage[] = [];
  const fonts = new Map<string, PdfFont>();
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const items: PdfTextItem[] = [];
    let raw = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      raw += item.str + (item.hasEOL ? '\n' : '');
      if (item.str.trim()) {
        items.push({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width });
      }
    }
    const operators = await page.getOperatorList();
    let images = 0;
    let notdefGlyphs = 0;
    operators.fnArray.forEach((fn, i) => {
      if (fn === lib.OPS.paintImageXObject) images++;
      if (fn === lib.OPS.showText) {
        const glyphs = operators.argsArray[i][0] as ({ originalCharCode?: number } | number | null)[];
        notdefGlyphs += glyphs.filter((g) => typeof g === 'object' && g?.originalCharCode === 0).length;
      }
      if (fn === lib.OPS.setFont) {
        const id = operators.argsArray[i][0] as string;
        const font = page.commonObjs.get(id) as { name: string; type: string; missingFile: boolean };
        // Embedded subsets carry a six-letter tag: "BZZZZZ+DejaVuSans".
        const name = font.name.replace(/^[A-Z]{6}\+/, '');
        fonts.set(font.name, {
          name,
          type: font.type,
          embedded: !font.missingFile,
          standard14: STANDARD_14.test(name),
        });
      }
    });
    pages.push({ text: normalise(raw), items, images, notdefGlyphs });
  }
  const { info } = (await doc.getMetadata()) as { info: { Title?: string; Language?: string } };
  await doc.destroy();
  return {
    pages,
    text: pages.map((p) => p.text).join('\n'),
    fonts: [...fonts.values()],
    title: info.Title,
    language: info.Language,
  };
}
