import { describe, expect, it } from 'vitest';
import { caseRefSchema, pngBytesSchema, reportTableSchema, timeZoneSchema } from './index';

describe('caseRefSchema', () => {
  it.each(['HU-TST-2026-0001', 'CZ-OSPOD-JI-2026-117', 'TR/IST/2026.0385'])('accepts the code %s', (code) => {
    expect(caseRefSchema.parse(` ${code} `)).toBe(code);
  });
  it.each(['Kovács Petra', 'Petra', 'Nováková', 'Ayşe 2'])('refuses %s, which reads as a name', (name) => {
    expect(caseRefSchema.safeParse(name).success).toBe(false);
  });
});

describe('timeZoneSchema', () => {
  it('knows the three countries’ zones and refuses a made-up one', () => {
    for (const zone of ['Europe/Budapest', 'Europe/Prague', 'Europe/Istanbul']) {
      expect(timeZoneSchema.parse(zone)).toBe(zone);
    }
    expect(timeZoneSchema.safeParse('Europe/Atlantis').error?.issues[0]?.message).toMatch(/time zone/);
  });
});

describe('pngBytesSchema', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  it('accepts PNG bytes under the limit and refuses others', () => {
    expect(pngBytesSchema(100).safeParse(png).success).toBe(true);
    expect(pngBytesSchema(5).safeParse(png).error?.issues[0]?.message).toMatch(/larger/);
    expect(pngBytesSchema(100).safeParse(Uint8Array.from([0xff, 0xd8, 0xff])).error?.issues[0]?.message).toBe(
      'not a PNG image',
    );
    expect(pngBytesSchema(100).safeParse('iVBORw0KGgo=').success).toBe(false);
  });
});

describe('reportTableSchema', () => {
  it('defaults columns to text and checks every row against the columns', () => {
    const table = reportTableSchema.parse({ columns: [{ header: 'Obec' }], rows: [['Jihlava']] });
    expect(table.columns[0]).toEqual({ header: 'Obec', kind: 'text', fractionDigits: 0 });
    const bad = reportTableSchema.safeParse({
      columns: [{ header: 'Obec' }, { header: 'Obyvatel', kind: 'number' }],
      rows: [['Jihlava', 51_000], ['Třebíč'], ['Pelhřimov', 'many']],
    });
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['rows.1', 'rows.2.1']);
  });
});
