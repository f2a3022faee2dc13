/**
 * A generic report: title, subtitle, generated-at line, an optional small map, then sections of
 * paragraphs and tables. The network issue's territory report fills it; nothing here knows
 * territories. Tables repeat their header row on every page they span; number columns are
 * formatted for the language and right-aligned.
 */
import {
  type Locale,
  type Report,
  type ReportInput,
  type ReportTable,
  reportInput,
} from '@caremap/validators';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { pngDataUrl, renderPdf } from './engine';
import { breakable, formatDateTime, formatNumber, formatPercent } from './format';
import { FOOTER_STYLE, GREY, pageFooter } from './letterhead';
import { documentTexts } from './texts';

const MARGINS: [number, number, number, number] = [48, 48, 48, 56];
const HEAD_FILL = '#e8eef5';
const ZEBRA_FILL = '#f6f8fa';

function cellText(value: string | number | null, column: ReportTable['columns'][number], language: Locale) {
  if (value === null) return '–';
  if (typeof value === 'string') return breakable(value);
  return column.kind === 'percent'
    ? formatPercent(value, language, column.fractionDigits)
    : formatNumber(value, language, column.fractionDigits);
}

function tableBlock(table: ReportTable, language: Locale): Content[] {
  const align = (column: ReportTable['columns'][number]) => (column.kind === 'text' ? 'left' : 'right');
  const header: TableCell[] = table.columns.map((column) => ({
    text: breakable(column.header),
    bold: true,
    alignment: align(column),
    noWrap: column.kind !== 'text',
  }));
  const rows: TableCell[][] =
    table.rows.length > 0
      ? table.rows.map((row) =>
          row.map((value, j) => {
            const column = table.columns[j]!;
            return {
              text: cellText(value, column, language),
              alignment: align(column),
              noWrap: column.kind !== 'text',
            };
          }),
        )
      : [[{ text: documentTexts[language].report.noRows, colSpan: table.columns.length, color: GREY }]];
  const textColumns = table.columns.filter((c) => c.kind === 'text').length;
  return [
    ...(table.caption
      ? [{ text: table.caption, bold: true, fontSize: 9, margin: [0, 4, 0, 3] } as Content]
      : []),
    {
      table: {
        headerRows: 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        // Text columns share the width; number columns take what their longest figure needs.
        widths: table.columns.map((c) => (c.kind === 'text' || textColumns === 0 ? '*' : 'auto')),
        body: [header, ...rows],
      },
      layout: {
        fillColor: (row) => (row === 0 ? HEAD_FILL : row % 2 === 0 ? ZEBRA_FILL : null),
        hLineWidth: (i, node) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0),
        vLineWidth: () => 0,
        hLineColor: () => '#9aa7b4',
        paddingTop: () => 2.5,
        paddingBottom: () => 2.5,
      },
      fontSize: 8.5,
      margin: [0, 0, 0, 10],
    },
  ];
}

function reportContent(report: Report): Content[] {
  const { language } = report;
  const t = documentTexts[language].report;
  return [
    { text: report.title, fontSize: 18, bold: true, color: '#1f4e79' },
    ...(report.subtitle
      ? [{ text: report.subtitle, fontSize: 11, color: GREY, margin: [0, 2, 0, 0] } as Content]
      : []),
    {
      text: `${t.generatedAt} ${formatDateTime(report.generatedAt, language, report.timeZone)}`,
      fontSize: 8.5,
      color: GREY,
      margin: [0, 4, 0, 12],
    },
    ...(report.map
      ? [
          {
            stack: [
              { image: pngDataUrl(report.map.png), fit: [499, 220], alignment: 'center' },
              ...(report.map.caption
                ? [
                    {
                      text: report.map.caption,
                      fontSize: 8,
                      color: GREY,
                      alignment: 'center',
                      margin: [0, 3, 0, 0],
                    },
                  ]
                : []),
            ],
            margin: [0, 0, 0, 14],
            unbreakable: true,
          } as Content,
        ]
      : []),
    ...report.sections.flatMap((section): Content[] => [
      // headlineLevel lets pdfmake move a heading left alone at a page's foot onto the next page.
      { text: section.heading, fontSize: 13, bold: true, margin: [0, 8, 0, 6], headlineLevel: 1 },
      ...section.blocks.flatMap((block): Content[] =>
        block.type === 'paragraph'
          ? [{ text: block.text, margin: [0, 0, 0, 6] }]
          : tableBlock(block.table, language),
      ),
    ]),
  ];
}

/** Renders the report as an A4 PDF with DejaVu Sans embedded; throws the zod error on a bad input. */
export async function renderReport(input: ReportInput): Promise<Buffer> {
  const report = reportInput.parse(input);
  return renderPdf({
    info: { title: report.title, creator: 'CareMap' },
    language: report.language,
    pageMargins: MARGINS,
    footer: pageFooter(report.title, report.language, MARGINS),
    defaultStyle: { fontSize: 9.5, lineHeight: 1.2 },
    content: reportContent(report),
    // A heading never ends a page: it moves to the next one with what follows it. pdfmake lists the
    // page footer among the nodes that follow on the page, so the footer's own text does not count.
    pageBreakBefore: (node, nodes) =>
      node.headlineLevel === 1 && !nodes.getFollowingNodesOnPage().some((n) => n.style !== FOOTER_STYLE),
  });
}
