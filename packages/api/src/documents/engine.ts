/**
 * The one PDF engine behind every CareMap document: pdfmake 0.3 (pdfkit underneath) with DejaVu
 * fonts embedded. DejaVu comes from the `dejavu-fonts-ttf` package, resolved in node_modules at run
 * time: it ships plain TTF files (the Fontsource packages ship WOFF subsets split by script, so
 * "ő" and "ğ" would sit in another file than "a") and covers every letter of hu, cs and tr.
 * pdfkit subsets the font, so a letter stays small.
 */
import { createRequire } from 'node:module';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);

/** The font family name document definitions use. */
export const FONT = 'DejaVuSans';

const fontFile = (name: string) => require.resolve(`dejavu-fonts-ttf/ttf/${name}`);

const fonts: TFontDictionary = {
  [FONT]: {
    normal: fontFile('DejaVuSans.ttf'),
    bold: fontFile('DejaVuSans-Bold.ttf'),
    italics: fontFile('DejaVuSans-Oblique.ttf'),
    bolditalics: fontFile('DejaVuSans-BoldOblique.ttf'),
  },
};

type PdfMake = typeof import('pdfmake');

let engine: PdfMake | undefined;

/**
 * pdfmake is a process-wide singleton; it is configured once, on the first render, so that a server
 * that never renders a PDF never loads it. Documents may name images and fonts by path or URL:
 * ours name only the font files above, so every other local file and every URL is refused (a
 * document definition built from user text can then never read the disk or the network).
 */
function pdfmake(): PdfMake {
  if (engine) return engine;
  const loaded: PdfMake = require('pdfmake');
  const fontPaths = new Set(Object.values(fonts).flatMap((f) => Object.values(f) as string[]));
  loaded.setFonts(fonts);
  loaded.setUrlAccessPolicy(() => false);
  loaded.setLocalAccessPolicy((path) => fontPaths.has(path));
  engine = loaded;
  return loaded;
}

/** Lays out and renders a document definition; the definition's default font is always DejaVu Sans. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake()
    .createPdf({
      pageSize: 'A4',
      ...definition,
      defaultStyle: { font: FONT, ...definition.defaultStyle },
    })
    .getBuffer();
}

/** A data URL pdfmake accepts for PNG bytes (it decodes it in memory, no file is written). */
export function pngDataUrl(bytes: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;
}
