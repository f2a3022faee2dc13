// The territory report as CSV and as PDF (the generic report engine, documents/report.ts), with a
// small map: the territory's outline and its service locations drawn as SVG and rasterised to PNG
// by resvg (no canvas, no browser on the server).
import type { Locale, ReportInput } from '@caremap/validators';
import { Resvg } from '@resvg/resvg-js';
import { stringify } from 'csv-stringify/sync';
import { formatCalendarDay, formatNumber } from '../documents/format';
import { renderReport } from '../documents/report';
import type { TerritoryReport } from './territory-report';
import { territoryReportTexts } from './territory-report-texts';

const MAP_WIDTH = 900;
const MAP_HEIGHT = 420;
const PAD = 16;

/** The outline and points in an equirectangular projection scaled by cos(latitude), fitted to the box. */
export function territoryMapSvg(report: Pick<TerritoryReport, 'territory' | 'points'>): string {
  const rings = report.territory.geometry.coordinates.flat();
  const all = rings.flat();
  const lngs = all.map((p) => p[0]!);
  const lats = all.map((p) => p[1]!);
  const [minLng, maxLng, minLat, maxLat] = [
    Math.min(...lngs),
    Math.max(...lngs),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const w = Math.max((maxLng - minLng) * k, 1e-6);
  const h = Math.max(maxLat - minLat, 1e-6);
  const scale = Math.min((MAP_WIDTH - 2 * PAD) / w, (MAP_HEIGHT - 2 * PAD) / h);
  const ox = (MAP_WIDTH - w * scale) / 2;
  const oy = (MAP_HEIGHT - h * scale) / 2;
  const x = (lng: number) => (ox + (lng - minLng) * k * scale).toFixed(1);
  const y = (lat: number) => (oy + (maxLat - lat) * scale).toFixed(1);
  const path = rings.map((ring) => `M${ring.map((p) => `${x(p[0]!)} ${y(p[1]!)}`).join('L')}Z`).join('');
  const dots = report.points.map(([lng, lat]) => `<circle cx="${x(lng)}" cy="${y(lat)}" r="3.2"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${MAP_WIDTH}" height="${MAP_HEIGHT}" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}">
<rect width="100%" height="100%" fill="#f4f1ea"/>
<path d="${path}" fill="#dbe7f3" fill-rule="evenodd" stroke="#1f4e79" stroke-width="2.2" stroke-linejoin="round"/>
<g fill="#d55e00" stroke="#ffffff" stroke-width="0.8">${dots}</g>
</svg>`;
}

export function territoryMapPng(report: Pick<TerritoryReport, 'territory' | 'points'>): Uint8Array {
  return new Resvg(territoryMapSvg(report), { font: { loadSystemFonts: false } }).render().asPng();
}

const quarterOf = (report: TerritoryReport) => {
  const [year, month] = new Intl.DateTimeFormat('en-CA', {
    timeZone: report.timeZone,
    year: 'numeric',
    month: 'numeric',
  })
    .format(report.quarterStart)
    .split('-')
    .map(Number) as [number, number];
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
};

const dayOf = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    date,
  );

interface Table {
  heading: string;
  note?: string;
  columns: Array<{ header: string; kind?: 'text' | 'number' | 'percent' }>;
  rows: Array<Array<string | number | null>>;
}

/** The report's sections as plain tables, shared by the CSV and the PDF. */
function tables(report: TerritoryReport, language: Locale): Table[] {
  const t = territoryReportTexts[language];
  const km = formatNumber(report.distanceMeters / 1000, language, report.distanceMeters % 1000 ? 1 : 0);
  const num = (header: string) => ({ header, kind: 'number' as const });
  return [
    {
      heading: t.sections.providers,
      note: t.providersSummary(
        report.providers.services,
        report.providers.organizations,
        report.providers.locations,
      ),
      columns: [{ header: t.serviceType }, num(t.services), num(t.organizations)],
      rows: report.providersByType.map((r) => [r.labels[language], r.services, r.organizations]),
    },
    {
      heading: t.sections.partners,
      columns: [{ header: t.partnerKind }, num(t.partners), num(t.withAgreement)],
      rows: report.partnersByKind.map((r) => [t.partnerKinds[r.kind] ?? r.kind, r.partners, r.withAgreement]),
    },
    {
      heading: t.sections.needs,
      columns: [{ header: t.needStatus }, num(t.needs)],
      rows: report.needsByStatus.map((r) => [t.needStatuses[r.status as 'open'] ?? r.status, r.needs]),
    },
    {
      heading: t.sections.coverage,
      note: t.coverageNote(km),
      columns: [
        { header: t.serviceType },
        num(t.uncoveredSettlements),
        num(t.uncoveredPopulation),
        { header: t.coveredShare, kind: 'percent' },
        { header: t.largestGaps },
      ],
      rows: report.coverage.map((r) => [
        r.labels[language],
        r.uncoveredSettlements,
        r.uncoveredPopulation,
        r.coveredShare,
        r.largestGaps.join(', '),
      ]),
    },
    {
      heading: t.sections.verification,
      columns: [
        { header: t.record },
        num(t.records),
        num(t.verifiedRecently(report.verifyAfterMonths)),
        num(t.due),
      ],
      rows: report.verification.map((r) => [
        t.entities[r.entity] ?? r.entity,
        r.records,
        r.verifiedRecently,
        r.due,
      ]),
    },
    {
      heading: t.sections.changes,
      note: t.changesNote(formatCalendarDay(dayOf(report.quarterStart, report.timeZone), language)),
      columns: [{ header: t.record }, { header: t.action }, num(t.changes)],
      rows: report.changes.map((r) => [
        t.entities[r.entity] ?? r.entity,
        t.actions[r.action] ?? r.action,
        r.changes,
      ]),
    },
  ];
}

/**
 * One row per figure: section, item, up to three figures, a note. Numbers are plain (a dot for
 * decimals, shares 0..1) so a spreadsheet or a script reads them in any language; UTF-8 with a BOM.
 */
export function territoryReportCsv(report: TerritoryReport, language: Locale): string {
  const rows = tables(report, language).flatMap((table) =>
    table.rows.map((row) => {
      const [item, ...rest] = row;
      const figures = rest.filter((v) => typeof v === 'number' || v === null).slice(0, 3);
      const note = rest.find((v) => typeof v === 'string') ?? '';
      return [table.heading, item, ...figures, ...Array(3 - figures.length).fill(''), note];
    }),
  );
  return stringify([[...territoryReportTexts[language].csvColumns], ...rows], {
    bom: true,
    record_delimiter: 'windows',
    cast: { number: (v) => String(v) },
  });
}

export function territoryReportPdf(report: TerritoryReport, language: Locale): Promise<Buffer> {
  const t = territoryReportTexts[language];
  const { year, quarter } = quarterOf(report);
  const input: ReportInput = {
    language,
    timeZone: report.timeZone,
    title: t.title(report.territory.name),
    subtitle: t.subtitle(t.quarter(year, quarter)),
    generatedAt: report.generatedAt,
    map: { png: territoryMapPng(report), caption: t.mapCaption(report.territory.approximate) },
    sections: tables(report, language).map((table) => ({
      heading: table.heading,
      blocks: [
        ...(table.note ? [{ type: 'paragraph' as const, text: table.note }] : []),
        {
          type: 'table' as const,
          table: {
            columns: table.columns.map((c) => ({ header: c.header, kind: c.kind ?? 'text' })),
            rows: table.rows,
          },
        },
      ],
    })),
  };
  return renderReport(input);
}
