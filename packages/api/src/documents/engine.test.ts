import { describe, expect, it } from 'vitest';
import { readPdf } from '../../test/read-pdf';
import { renderPdf } from './engine';

// The letters the three languages need, upper and lower case.
const HU = 'áéíóöőúüűÁÉÍÓÖŐÚÜŰ';
const CS = 'áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ';
const TR = 'çğıİöşüÇĞÖŞÜ';

describe('the PDF engine', () => {
  it('draws every hu, cs and tr letter with a real glyph in regular, bold and italic', async () => {
    const letters = HU + CS + TR;
    const pdf = await readPdf(
      await renderPdf({
        content: [letters, { text: letters, bold: true }, { text: letters, italics: true }],
      }),
    );
    expect(pdf.text.split('\n')).toEqual([letters, letters, letters]);
    expect(pdf.pages[0]!.notdefGlyphs).toBe(0);
    expect(pdf.fonts.map((f) => f.name).sort()).toEqual([
      'DejaVuSans',
      'DejaVuSans-Bold',
      'DejaVuSans-Oblique',
    ]);
    expect(pdf.fonts.every((f) => f.embedded && !f.standard14)).toBe(true);
  });

  it('would show a letter the font lacks as .notdef (so the check above can fail)', async () => {
    const pdf = await readPdf(await renderPdf({ content: ['漢'] }));
    expect(pdf.pages[0]!.notdefGlyphs).toBe(1);
  });

  it('renders documents side by side without mixing them up', async () => {
    const words = ['Győr', 'Brno', 'İzmir', 'Ústí nad Labem', 'Şanlıurfa', 'Székesfehérvár'];
    const pdfs = await Promise.all(words.map((word) => renderPdf({ content: [word] }).then(readPdf)));
    expect(pdfs.map((pdf) => pdf.text)).toEqual(words);
  });

  it('reads no file and no URL a document names, only its fonts', async () => {
    await expect(renderPdf({ content: [{ image: '/etc/hostname' }] })).rejects.toThrow(/denied/);
    await expect(renderPdf({ content: [{ image: 'http://127.0.0.1:9/x.png' }] })).rejects.toThrow(/denied/);
  });
});
