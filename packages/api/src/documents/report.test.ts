import { describe, expect, it } from 'vitest';
import { reportSample } from '../../test/document-samples';
import { readPdf } from '../../test/read-pdf';
import { renderReport } from './report';

const HEADER = 'Poskytovatel Obec Služby Obyvatel obce';
const providerRow = /^Poskytovatel č\. (\d+) – /;

describe('renderReport', () => {
  it('spreads a 200-row table over pages, repeating its header row at the top of each', async () => {
    const pdf = await readPdf(await renderReport(reportSample('cs', 200)));
    expect(pdf.pages.length).toBeGreaterThanOrEqual(4);
    const pagesWithRows = pdf.pages.filter((page) => page.items.some((item) => providerRow.test(item.str)));
    expect(pagesWithRows.length).toBeGreaterThanOrEqual(3);
    for (const page of pagesWithRows) {
      expect(page.text.split('\n')).toContain(HEADER);
      // The header sits above every row of its page (PDF y grows upwards).
      const headerY = page.items.find((item) => item.str === 'Obyvatel obce')!.y;
      const rowYs = page.items.filter((item) => providerRow.test(item.str)).map((item) => item.y);
      expect(headerY).toBeGreaterThan(Math.max(...rowYs));
    }
    // Every row once, in order, none lost at a page break.
    const numbers = pdf.pages.flatMap((page) =>
      page.items.map((item) => providerRow.exec(item.str)?.[1]).filter((n) => n !== undefined),
    );
    expect(numbers.map(Number)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    pdf.pages.forEach((page, i) => {
      expect(page.text).toContain(`Strana ${i + 1} z ${pdf.pages.length}`);
    });
  });

  it('right-aligns number columns and formats them for the language', async () => {
    const pdf = await readPdf(await renderReport(reportSample('cs', 60)));
    const page = pdf.pages[1]!;
    // The population column: "1 250" … "24 673", figures of different widths sharing a right edge.
    const figures = page.items.filter((item) =>
      /^\d{1,3}( \d{3})+$/.test(item.str.replace(/[\u00a0\u202f]/g, ' ')),
    );
    expect(figures.length).toBeGreaterThan(10);
    const rightEdges = figures.map((item) => item.x + item.width);
    expect(Math.max(...rightEdges) - Math.min(...rightEdges)).toBeLessThan(0.5);
    expect(new Set(figures.map((item) => Math.round(item.x))).size).toBeGreaterThan(1);
    expect(pdf.text).toContain('Krizová pomoc 12 1,25 62 %');
    expect(pdf.text).toContain('Poskytovatel č. 1 – Krizová pomoc Jihlava 1 1 250');
  });

  it.each([
    ['hu', 'Krizová pomoc 12 1,25 62%', 'Készült: 2026. december 2. 6:10', '1. oldal, összesen'],
    ['tr', 'Krizová pomoc 12 1,25 %62', 'Oluşturulma: 2 Aralık 2026 06:10', 'Sayfa 1 /'],
    ['en', 'Krizová pomoc 12 1.25 62%', 'Generated: 2 December 2026 at 06:10', 'Page 1 of'],
    ['cs', 'Krizová pomoc 12 1,25 62 %', 'Vytvořeno: 2. prosince 2026 v 6:10', 'Strana 1 z'],
  ] as const)(
    'writes numbers, the generated-at time (Prague clock) and page numbers in %s',
    async (language, row, generated, page) => {
      const pdf = await readPdf(await renderReport(reportSample(language, 5)));
      expect(pdf.text).toContain(row);
      expect(pdf.text.split('\n')).toContain(generated);
      expect(pdf.pages[0]!.text).toContain(page);
    },
  );

  it('shows the title, subtitle, map with its caption, and says so when a table has no rows', async () => {
    const pdf = await readPdf(await renderReport(reportSample('cs', 5)));
    const lines = pdf.text.split('\n');
    expect(lines[0]).toBe('ORP Jihlava – zpráva o území');
    expect(lines).toContain('Poskytovatelé, partnerské instituce, potřeby a pokrytí · 4. čtvrtletí 2026');
    expect(lines).toContain('Přibližné hranice ORP Jihlava; body: poskytovatelé služeb');
    expect(pdf.pages[0]!.images).toBe(1);
    expect(lines).toContain('Obec Obyvatel');
    expect(lines).toContain('Žádná data.');
    expect(pdf.title).toBe('ORP Jihlava – zpráva o území');
    expect(pdf.fonts.every((f) => f.embedded && !f.standard14 && f.name.startsWith('DejaVuSans'))).toBe(true);
    expect(pdf.pages.every((p) => p.notdefGlyphs === 0)).toBe(true);

    const { map: _, ...withoutMap } = reportSample('cs', 5);
    expect((await readPdf(await renderReport(withoutMap))).pages[0]!.images).toBe(0);
  });

  it('keeps a table inside the page when a cell holds one very long word', async () => {
    const sample = reportSample('hu', 3);
    const word = 'Gyermekvédelmiszolgáltatóamelynevébennincsszóköz';
    const table = sample.sections[1]!.blocks[0] as { table: { rows: unknown[][] } };
    table.table.rows.push([word, 'Hódmezővásárhely', 123_456_789, 987_654_321]);
    const pdf = await readPdf(await renderReport(sample));
    for (const page of pdf.pages) {
      for (const item of page.items)
        expect(item.x + item.width, item.str).toBeLessThanOrEqual(595.28 - 48 + 0.5);
      expect(page.notdefGlyphs).toBe(0);
    }
    expect(pdf.text.replace(/[\u200b\n]/g, '')).toContain(word);
    expect(pdf.text).toContain('123 456 789 987 654 321');
  });

  describe('bad input gets a zod error naming the field', () => {
    const issuePaths = async (input: unknown) => {
      const error = await renderReport(input as never).then(
        () => undefined,
        (e: unknown) => e,
      );
      return (error as { issues: { path: PropertyKey[] }[] }).issues.map((i) => i.path.join('.'));
    };
    const sample = reportSample('cs', 5);
    const withRows = (rows: unknown[][]) => {
      const sections = structuredClone(sample.sections) as { blocks: { table?: { rows: unknown[][] } }[] }[];
      sections[1]!.blocks[0]!.table!.rows = rows;
      return { ...sample, sections };
    };

    it('a row with a missing cell', async () => {
      expect(
        await issuePaths(
          withRows([
            ['A', 'Jihlava', 1, 100],
            ['B', 'Jihlava', 1],
          ]),
        ),
      ).toEqual(['sections.1.blocks.0.table.rows.1']);
    });
    it('text in a number column', async () => {
      expect(await issuePaths(withRows([['A', 'Jihlava', 'many', 100]]))).toEqual([
        'sections.1.blocks.0.table.rows.0.2',
      ]);
    });
    it('an unknown language, no title, a map that is not a PNG', async () => {
      const { title: _, ...untitled } = sample;
      expect(
        await issuePaths({ ...untitled, language: 'xx', map: { png: new Uint8Array([1, 2, 3]) } }),
      ).toEqual(['language', 'title', 'map.png']);
    });
  });
});

describe('renderReport page breaks', () => {
  it('never leaves a section heading alone at the foot of a page', async () => {
    const heading = 'Pokrytí a mezery';
    // Filler of growing length walks the heading down the first page and past its foot.
    for (let lines = 30; lines <= 60; lines += 2) {
      const pdf = await readPdf(
        await renderReport({
          language: 'cs',
          timeZone: 'Europe/Prague',
          title: 'Zpráva o území',
          generatedAt: new Date('2026-12-04T10:00:00Z'),
          sections: [
            {
              heading: 'Úvod',
              blocks: Array.from({ length: lines }, (_, i) => ({
                type: 'paragraph' as const,
                text: `Řádek ${i + 1}`,
              })),
            },
            { heading, blocks: [{ type: 'paragraph', text: 'Obce bez služby do 15 km.' }] },
          ],
        }),
      );
      const page = pdf.pages.find((p) => p.text.split('\n').includes(heading))!;
      expect(page.text, `${lines} lines of filler`).toContain('Obce bez služby do 15 km.');
    }
  }, 120_000);
});
