// Reading a networker's provider spreadsheet (CSV or XLSX) into a header and text rows, with
// csv-parse and exceljs, and suggesting which column holds which of our fields from the header
// names in hu, cs, tr and en.
import { type ImportField, importMaxBytes } from '@caremap/validators';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { foldName } from '../../directory/places';
import { appError } from '../../errors';

export interface Sheet {
  columns: string[];
  /** Cell texts per data row; `rowNumber` is the row as the spreadsheet shows it (header = 1). */
  rows: Array<{ rowNumber: number; cells: string[] }>;
}

export const sheetError = (problem: string, message: string, extra: Record<string, unknown> = {}) =>
  appError('BAD_REQUEST', 'invalid_sheet', message, { problem, ...extra });

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue); // formula
    if ('error' in value) return '';
  }
  return String(value);
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw sheetError('broken_file', 'file: the XLSX file cannot be read (broken or not a workbook)');
  }
  const ws = book.worksheets[0];
  if (!ws) return [];
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value).trim());
    out[n - 1] = cells;
  });
  return Array.from(out, (r) => r ?? []);
}

function readCsv(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8');
  if (text.includes('\u0000') || text.includes('\uFFFD'))
    throw sheetError('not_a_sheet', 'file: this is not a CSV (UTF-8) or XLSX file');
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].reduce((a, b) =>
    first.split(b).length > first.split(a).length ? b : a,
  );
  try {
    return parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    });
  } catch (e) {
    throw sheetError('broken_file', `file: the CSV cannot be read (${(e as Error).message.slice(0, 120)})`);
  }
}

export async function readSheet(fileName: string, contentBase64: string): Promise<Sheet> {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length > importMaxBytes) throw sheetError('too_large', 'file: the file is larger than 5 MB');
  const lower = fileName.toLowerCase();
  let grid: string[][];
  if (lower.endsWith('.xlsx') || isZip(bytes)) grid = await readXlsx(bytes);
  else if (lower.endsWith('.csv') || lower.endsWith('.txt')) grid = readCsv(bytes);
  else throw sheetError('not_a_sheet', 'file: this is not a CSV or XLSX file');
  const filled = (r: string[]) => r.some((c) => c !== '');
  const headerAt = grid.findIndex(filled);
  const columns = headerAt < 0 ? [] : grid[headerAt]!.map((c, i) => c || `#${i + 1}`);
  const rows = grid
    .map((cells, i) => ({ rowNumber: i + 1, cells }))
    .slice(headerAt + 1)
    .filter((r) => filled(r.cells));
  if (headerAt < 0 || rows.length === 0) throw sheetError('empty_sheet', 'file: the sheet has no data rows');
  return { columns, rows };
}

/** Header words per field, in hu, cs, tr and en (folded: no accents, lower case). */
const synonyms: Record<ImportField, string[]> = {
  organizationName: [
    'organization',
    'organisation',
    'organization name',
    'provider',
    'name',
    'organizace',
    'nazev',
    'nazev organizace',
    'poskytovatel',
    'szervezet',
    'szervezet neve',
    'nev',
    'szolgaltato',
    'kurum',
    'kurulus',
    'kurum adi',
    'ad',
  ],
  serviceName: [
    'service',
    'service name',
    'sluzba',
    'nazev sluzby',
    'szolgaltatas',
    'szolgaltatas neve',
    'hizmet',
    'hizmet adi',
  ],
  serviceType: [
    'service type',
    'type',
    'category',
    'druh',
    'typ',
    'druh sluzby',
    'kategorie',
    'tipus',
    'szolgaltatas tipusa',
    'kategoria',
    'tur',
    'hizmet turu',
    'kategori',
  ],
  address: ['address', 'street', 'adresa', 'ulice', 'cim', 'utca', 'adres', 'sokak'],
  postcode: ['postcode', 'post code', 'postal code', 'zip', 'psc', 'iranyitoszam', 'posta kodu'],
  town: [
    'town',
    'city',
    'place',
    'obec',
    'mesto',
    'misto',
    'telepules',
    'varos',
    'helyseg',
    'sehir',
    'ilce',
    'il',
  ],
  phone: ['phone', 'telephone', 'tel', 'telefon', 'telefonszam', 'telefonni cislo'],
  email: ['email', 'e mail', 'mail', 'e posta', 'eposta'],
  website: [
    'website',
    'web',
    'url',
    'www',
    'webova stranka',
    'web stranky',
    'honlap',
    'weboldal',
    'web sitesi',
  ],
  notes: ['notes', 'note', 'comment', 'poznamka', 'poznamky', 'megjegyzes', 'not', 'notlar', 'aciklama'],
  partnerKind: [
    'partner kind',
    'partner type',
    'druh partnera',
    'typ partnera',
    'partner tipusa',
    'partner turu',
  ],
};

/** For each field, the first column whose header is one of its words (a column is used once). */
export function suggestMapping(columns: string[]): Partial<Record<ImportField, number>> {
  const folded = columns.map((c) =>
    foldName(c)
      .replace(/[^\p{L}\p{N} ]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const out: Partial<Record<ImportField, number>> = {};
  const used = new Set<number>();
  // Longer words first, so "service type" wins over "service" for its column.
  const pairs = Object.entries(synonyms)
    .flatMap(([field, words]) => words.map((w) => [field as ImportField, w] as const))
    .sort((a, b) => b[1].length - a[1].length);
  for (const [field, word] of pairs) {
    if (out[field] !== undefined) continue;
    const at = folded.findIndex((h, i) => !used.has(i) && h === word);
    if (at >= 0) {
      out[field] = at;
      used.add(at);
    }
  }
  return out;
}
