// The territory report downloads over real HTTP: the CSV's figures against plain counts of the rows,
// the PDF's text (read by poppler's pdftotext, a program of its own) in Czech and Hungarian, and
// the refusals (signed out, not your territory, a bad parameter by name).
import { spawn } from 'node:child_process';
import { hashPassword, schema, selectRows } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, serveOnFreePort, signInOverHttp } from '../test/http';
import { createApp } from './app';

const t = useTestDatabase();
const PASSWORD = 'report-test-password';
let server: Awaited<ReturnType<typeof serveOnFreePort>>;
let territoryId = '';

// A square over Žďár nad Sázavou and Třebíč (Kraj Vysočina).
const square = (lng: number, lat: number, d: number) => ({
  type: 'MultiPolygon' as const,
  coordinates: [
    [
      [
        [lng - d, lat - d],
        [lng + d, lat - d],
        [lng + d, lat + d],
        [lng - d, lat + d],
        [lng - d, lat - d],
      ],
    ],
  ],
});
const labels = (cs: string, hu: string) => ({ cs, hu, tr: cs, en: cs });

beforeAll(async () => {
  const db = t.current.db;
  const passwordHash = await hashPassword(PASSWORD);
  const [territory] = await db
    .insert(schema.territory)
    .values({ name: 'Žďár nad Sázavou', kind: 'custom', country: 'CZ', geom: square(15.9, 49.39, 0.25) })
    .returning();
  territoryId = territory!.id;
  const [agency] = await db
    .insert(schema.agency)
    .values({ name: 'Centrum', kind: 'child_welfare_centre', country: 'CZ' })
    .returning();
  for (const role of ['networker', 'coordinator'] as const) {
    const [u] = await db
      .insert(schema.appUser)
      .values({ email: `${role}@report.caremap.eu`, displayName: `Report ${role}`, passwordHash })
      .returning();
    await db.insert(schema.membership).values({ userId: u!.id, agencyId: agency!.id, role });
    if (role === 'networker')
      await db.insert(schema.territoryAssignment).values({ userId: u!.id, territoryId });
  }
  const [tax] = await db.insert(schema.taxonomy).values({ name: 'Druhy', description: 'd' }).returning();
  const [crisis, debt] = await db
    .insert(schema.taxonomyTerm)
    .values([
      {
        code: 'crisis_service',
        name: 'Crisis',
        description: 'd',
        taxonomyId: tax!.id,
        labels: labels('Krizová pomoc', 'Krízisellátás'),
      },
      {
        code: 'debt_counselling',
        name: 'Debt',
        description: 'd',
        taxonomyId: tax!.id,
        labels: labels('Dluhové poradenství', 'Adósságkezelés'),
      },
    ])
    .returning();
  // Three crisis services in Třebíč, one debt counselling in Žďár, one outside the territory (Brno).
  const places = [
    { org: 'Diakonie Třebíč', lat: 49.215, lng: 15.881, term: crisis!.id, verified: new Date() },
    { org: 'Diakonie Třebíč', lat: 49.216, lng: 15.882, term: crisis!.id, verified: null },
    { org: 'Charita Třebíč', lat: 49.214, lng: 15.879, term: crisis!.id, verified: new Date('2020-01-01') },
    { org: 'Poradna Žďár', lat: 49.563, lng: 15.939, term: debt!.id, verified: null },
    { org: 'Brno pomoc', lat: 49.195, lng: 16.607, term: crisis!.id, verified: null },
  ];
  const orgs = new Map<string, string>();
  for (const p of places) {
    if (!orgs.has(p.org)) {
      const [o] = await db.insert(schema.organization).values({ name: p.org, description: 'd' }).returning();
      orgs.set(p.org, o!.id);
    }
    const organizationId = orgs.get(p.org)!;
    const [s] = await db
      .insert(schema.service)
      .values({ organizationId, name: `${p.org} služba` })
      .returning();
    const [l] = await db
      .insert(schema.location)
      .values({ organizationId, latitude: p.lat, longitude: p.lng, lastVerifiedAt: p.verified })
      .returning();
    await db.insert(schema.serviceAtLocation).values({ serviceId: s!.id, locationId: l!.id });
    await db
      .insert(schema.attribute)
      .values({ linkId: s!.id, linkEntity: 'service', taxonomyTermId: p.term });
    await db.insert(schema.recordHistory).values({
      entity: 'location',
      entityId: l!.id,
      version: 1,
      action: 'create',
      next: { latitude: p.lat },
    });
  }
  const pin = (lng: number, lat: number) => ({
    type: 'Point' as const,
    coordinates: [lng, lat] as [number, number],
  });
  await db.insert(schema.partnerInstitution).values([
    {
      name: 'ZŠ Třebíč',
      partnerKind: 'school',
      country: 'CZ',
      geom: pin(15.88, 49.21),
      cooperationAgreement: true,
    },
    { name: 'ZŠ Žďár', partnerKind: 'school', country: 'CZ', geom: pin(15.94, 49.56) },
    { name: 'Policie Třebíč', partnerKind: 'police', country: 'CZ', geom: pin(15.88, 49.22) },
    { name: 'ZŠ Brno', partnerKind: 'school', country: 'CZ', geom: pin(16.6, 49.19) },
  ]);
  const need = (status: 'open' | 'met') => ({
    territoryId,
    taxonomyTermId: debt!.id,
    description: 'Chybí poradna',
    reportedBy: 'family' as const,
    severity: 'high' as const,
    status,
    reportedOn: '2026-10-01',
    metOn: status === 'met' ? '2026-11-01' : null,
  });
  await db.insert(schema.need).values([need('open'), need('open'), need('met')]);
  server = await serveOnFreePort(createApp({ database: t.current, logger: memoryLogger().logger }));
});
afterAll(() => server?.close());

const url = (format: 'csv' | 'pdf', query: Record<string, string> = {}, id = territoryId) =>
  `${server.url}/api/territories/${id}/report.${format}?${new URLSearchParams(query)}`;

const pdfText = async (bytes: Uint8Array) => {
  const child = spawn('pdftotext', ['-layout', '-', '-']);
  const out: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d));
  child.stdin.end(bytes);
  await new Promise((resolve) => child.on('close', resolve));
  return Buffer.concat(out).toString('utf8');
};

describe('GET /api/territories/<id>/report.csv and report.pdf', () => {
  it('gives the networker a CSV whose figures are the counts of the rows', async () => {
    const db = t.current.db;
    const inside = sql`ST_Intersects((select geom from territory where id = ${territoryId}::uuid), l.geom)`;
    const [plain] = await selectRows<{ services: number; crisis: number; located: number; recent: number }>(
      db,
      sql`select
        (select count(*)::int from service s join service_at_location sal on sal.service_id = s.id join location l on l.id = sal.location_id where ${inside}) as services,
        (select count(*)::int from service s join service_at_location sal on sal.service_id = s.id join location l on l.id = sal.location_id
           join attribute a on a.link_id = s.id join taxonomy_term tt on tt.id = a.taxonomy_term_id where ${inside} and tt.code = 'crisis_service') as crisis,
        (select count(*)::int from location l where ${inside}) as located,
        (select count(*)::int from location l where ${inside} and l.last_verified_at > now() - interval '12 months') as recent`,
    );
    const who = await signInOverHttp(server.url, 'networker@report.caremap.eu', PASSWORD);
    const res = await fetch(url('csv', { lang: 'cs' }), { headers: { cookie: who.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="Zd.+-report-.+\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // A byte-order mark first, so spreadsheets read the diacritics as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = new TextDecoder()
      .decode(bytes)
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(rows[0]).toEqual(['Oddíl', 'Položka', 'Hodnota', 'Druhá hodnota', 'Třetí hodnota', 'Poznámka']);
    const row = (section: string, item: string) => rows.find((r) => r[0] === section && r[1] === item);
    expect(plain).toEqual({ services: 4, crisis: 3, located: 4, recent: 1 });
    expect(row('Poskytovatelé podle druhu služby', 'Krizová pomoc')?.slice(2, 4)).toEqual([
      String(plain!.crisis),
      '2',
    ]);
    expect(row('Poskytovatelé podle druhu služby', 'Dluhové poradenství')?.slice(2, 4)).toEqual(['1', '1']);
    expect(row('Partnerské instituce podle druhu', 'Škola')?.slice(2, 4)).toEqual(['2', '1']);
    expect(row('Partnerské instituce podle druhu', 'Policie')?.slice(2, 4)).toEqual(['1', '0']);
    expect(row('Potřeby podle stavu', 'Otevřená')?.[2]).toBe('2');
    expect(row('Potřeby podle stavu', 'Naplněná')?.[2]).toBe('1');
    expect(row('Stav ověření', 'Místo')?.slice(2, 5)).toEqual([
      String(plain!.located),
      String(plain!.recent),
      String(plain!.located - plain!.recent),
    ]);
    expect(row('Změny v tomto čtvrtletí', 'Místo')).toEqual([
      'Změny v tomto čtvrtletí',
      'Místo',
      '4',
      '',
      '',
      'Založení',
    ]);
    // Coverage gaps per type: settlements of the territory far from every crisis service.
    const gap = row('Mezery v pokrytí', 'Krizová pomoc')!;
    expect(Number(gap[2])).toBeGreaterThan(0);
  });

  it.each([
    [
      'cs',
      [
        'Žďár nad Sázavou – zpráva o území',
        'Partnerské instituce podle druhu',
        'Krizová pomoc',
        'Strana 1 z',
      ],
    ],
    [
      'hu',
      [
        'Žďár nad Sázavou – területi jelentés',
        'Rendőrség',
        'Együttműködési',
        'Krízisellátás',
        '1. oldal, összesen',
      ],
    ],
  ] as const)('renders the PDF in %s with its diacritics and the map', async (lang, expected) => {
    const who = await signInOverHttp(server.url, 'networker@report.caremap.eu', PASSWORD);
    const res = await fetch(url('pdf', { lang }), { headers: { cookie: who.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = (await pdfText(bytes)).replace(/[ \u00a0]+/g, ' ');
    for (const s of expected) expect(text).toContain(s);
    expect(text).toContain('Třebíč');
    // The map is an embedded image.
    expect(new TextDecoder('latin1').decode(bytes)).toMatch(/\/Subtype\s*\/Image/);
  });

  it('refuses a visitor, a coordinator the territory is not theirs, an unknown territory and a bad parameter', async () => {
    expect((await fetch(url('csv'))).status).toBe(401);
    const anonymousPdf = await fetch(url('pdf'));
    expect(anonymousPdf.status).toBe(401);
    expect(anonymousPdf.headers.get('content-type')).toBe('application/problem+json');
    const coordinator = await signInOverHttp(server.url, 'coordinator@report.caremap.eu', PASSWORD);
    expect((await fetch(url('pdf'), { headers: { cookie: coordinator.cookie } })).status).toBe(403);
    const networker = await signInOverHttp(server.url, 'networker@report.caremap.eu', PASSWORD);
    const headers = { cookie: networker.cookie };
    expect((await fetch(url('csv', {}, '00000000-0000-4000-8000-000000000000'), { headers })).status).toBe(
      404,
    );
    const bad = await fetch(url('csv', { lang: 'xx', distanceMeters: 'far' }), { headers });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { invalid_params: Array<{ name: string }> };
    expect(problem.invalid_params.map((p) => p.name).sort()).toEqual(['distanceMeters', 'lang']);
    const badId = await fetch(url('pdf', {}, 'not-a-territory'), { headers });
    expect(badId.status).toBe(400);
    expect(((await badId.json()) as { detail: string }).detail).toContain('territoryId');
  });
});
