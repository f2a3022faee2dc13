// Importing providers from a spreadsheet: ten rows of CSV or XLSX become ten providers with their
// history; one bad row stores nothing and the refusal names row and field; an empty sheet, a column
// without values, a town outside the networker's territories and an unknown town are named; a
// re-import finds every row as a duplicate.
import { readFileSync } from 'node:fs';
import { selectRows } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { TRPCError } from '@trpc/server';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, makeWorld, PASSWORD } from '../../../test/fixtures';
import { AppCodeError } from '../../errors';

const t = useTestDatabase();
type Caller = Awaited<ReturnType<ReturnType<typeof callerFor>['caller']>>;
let networker: Caller;
const csv = readFileSync(new URL('./providers-10.csv', import.meta.url), 'utf8');
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause instanceof AppCodeError ? error.cause : undefined;
    return {
      code: error.code,
      appCode: cause?.appCode,
      details: cause?.details as Record<string, unknown>,
      message: error.message,
    };
  }
  throw new Error('expected the call to fail');
}

const count = async () =>
  (await selectRows<{ n: number }>(t.current.db, sql`select count(*)::int as n from organization`))[0]!.n;

beforeAll(async () => {
  await makeWorld(t.current.db);
  const session = callerFor(t.current.db, '10.91.0.1');
  await (await session.caller()).auth.login({ email: 'networker@test.caremap.eu', password: PASSWORD });
  networker = await session.caller();
});

describe('providerImport', () => {
  it('suggests the mapping from Czech headers and previews ten good rows with their towns', async () => {
    const preview = await networker.providerImport.preview({
      fileName: 'providers.csv',
      contentBase64: b64(csv),
    });
    expect(preview.mapping).toMatchObject({
      organizationName: 0,
      serviceName: 1,
      address: 2,
      postcode: 3,
      town: 4,
      phone: 5,
      email: 6,
      website: 7,
      notes: 8,
    });
    expect(preview.counts).toMatchObject({ ok: 10, error: 0, duplicate: 0 });
    expect(preview.rows[1]).toMatchObject({ rowNumber: 3, place: { name: 'Třebíč' } });
  });

  it('refuses the whole file when one row is bad, naming row and field, and stores nothing', async () => {
    const before = await count();
    const bad = csv.replace('rc@jihlava.example', 'not-an-email');
    const error = await failure(
      networker.providerImport.commit({ fileName: 'p.csv', contentBase64: b64(bad), skipRows: [] }),
    );
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      appCode: 'invalid_sheet',
      details: { problem: 'rows_have_errors' },
    });
    expect(error.message).toContain('row 2, email');
    expect(await count()).toBe(before);
  });

  it('names an empty sheet, a column without values, a town outside, an unknown town, a non-sheet', async () => {
    const empty = await failure(
      networker.providerImport.preview({ fileName: 'e.csv', contentBase64: b64('Název;Obec\n') }),
    );
    expect(empty.details).toMatchObject({ problem: 'empty_sheet' });
    const noValues = b64('Název;Obec;Telefon\nPoradna A;Jihlava;\nPoradna B;Třebíč;\n');
    const wrong = await failure(
      networker.providerImport.preview({
        fileName: 'p.csv',
        contentBase64: noValues,
        mapping: { organizationName: 0, town: 1, phone: 2 },
      }),
    );
    expect(wrong.details).toMatchObject({ problem: 'column_empty', field: 'phone' });
    // Suggested, the same empty column is simply left unmapped.
    const suggested = await networker.providerImport.preview({ fileName: 'p.csv', contentBase64: noValues });
    expect(suggested.mapping.phone ?? null).toBeNull();
    expect(suggested.rows).toHaveLength(2);
    const unmapped = await failure(
      networker.providerImport.preview({
        fileName: 'p.csv',
        contentBase64: b64(csv),
        mapping: { organizationName: 0 },
      }),
    );
    expect(unmapped.details).toMatchObject({ problem: 'required_not_mapped', field: 'town' });
    const notSheet = await failure(
      networker.providerImport.preview({ fileName: 'p.pdf', contentBase64: b64('%PDF-1.4') }),
    );
    expect(notSheet.details).toMatchObject({ problem: 'not_a_sheet' });
    const broken = await failure(
      networker.providerImport.preview({ fileName: 'p.xlsx', contentBase64: b64('PK\u0003\u0004broken') }),
    );
    expect(broken.details).toMatchObject({ problem: 'broken_file' });
    const places = `Název;Obec\nPoradna Budapest;Budapest\nPoradna Nikde;Neexistujícíves u Jihlavy\n`;
    const preview = await networker.providerImport.preview({ fileName: 'p.csv', contentBase64: b64(places) });
    expect(preview.rows.map((r) => [r.status, r.problems[0]])).toEqual([
      ['error', { field: 'town', code: 'outside_territory', severity: 'error' }],
      ['error', { field: 'town', code: 'unknown_town', severity: 'error' }],
    ]);
  });

  it('imports ten providers from XLSX with history, then finds every row of the CSV a duplicate', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Poskytovatelé');
    for (const row of parse(csv, { delimiter: ';' }) as string[][]) ws.addRow(row);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const before = await count();
    const result = await networker.providerImport.commit({
      fileName: 'providers.xlsx',
      contentBase64: b64(xlsx),
      skipRows: [],
    });
    expect(result.created).toBe(10);
    expect(await count()).toBe(before + 10);
    const [history] = await selectRows<{ n: number }>(
      t.current.db,
      sql`select count(*)::int as n from record_history h join organization o on o.id = h.entity_id
          where h.entity = 'organization' and h.action = 'create' and o.name = 'Azylový dům Třebíč'`,
    );
    expect(history!.n).toBe(1);
    const [phone] = await selectRows<{ number: string; postal_code: string }>(
      t.current.db,
      sql`select p.number, a.postal_code from organization o join location l on l.organization_id = o.id
          join phone p on p.location_id = l.id join address a on a.location_id = l.id where o.name = 'Rodinné centrum Jihlava'`,
    );
    expect(phone).toEqual({ number: '+420 567 111 111', postal_code: '58601' });

    const again = await networker.providerImport.preview({
      fileName: 'providers.csv',
      contentBase64: b64(csv),
    });
    expect(again.counts.duplicate).toBe(10);
    expect(again.rows[0]!.duplicate).toMatchObject({ name: 'Rodinné centrum Jihlava', city: 'Jihlava' });
    const skipped = await networker.providerImport.commit({
      fileName: 'providers.csv',
      contentBase64: b64(csv),
      skipRows: again.rows.map((r) => r.rowNumber),
    });
    expect(skipped.created).toBe(0);
    expect(await count()).toBe(before + 10);
  });
});
