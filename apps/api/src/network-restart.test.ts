// The Vysočina networker's day survives a restart: a drawn territory, a new provider, a school as
// partner institution, a verified record, an accepted public suggestion and a recorded need, all
// made over HTTP against the real server (src/main.ts, demo data), are there after SIGTERM and a
// fresh start on the same database (PGlite data directory or PostgreSQL).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signInOverHttp } from '../test/http';
import { freePort, type SpawnedServer, scratchDatabase, spawnServer, waitUntilReady } from '../test/spawn';
import { CSRF_HEADER } from './csrf';

const apiOnly = { CAREMAP_SERVE_FRONTEND: 'false', CAREMAP_SEED: 'demo' };
type Session = { csrf: string; cookie: string };
// biome-ignore lint/suspicious/noExplicitAny: the answers are read field by field
type Json = Record<string, any>;

async function call(server: SpawnedServer, session: Session | null, path: string, input?: unknown) {
  const mutation = ![
    'mine',
    'list',
    'due',
    'suggestions',
    'suggestChallenge',
    'get',
    'terms',
    'stats',
  ].includes(path.split('.').pop()!);
  const encoded = encodeURIComponent(JSON.stringify({ json: input ?? null }));
  const res = await fetch(`${server.url}/trpc/${path}${mutation ? '' : `?input=${encoded}`}`, {
    method: mutation ? 'POST' : 'GET',
    headers: {
      origin: server.url,
      'content-type': 'application/json',
      ...(session ? { cookie: session.cookie, [CSRF_HEADER]: session.csrf } : {}),
    },
    body: mutation ? JSON.stringify({ json: input }) : undefined,
  });
  const body = (await res.json()) as Json;
  if (!res.ok)
    throw new Error(`${path} answered ${res.status}: ${JSON.stringify(body.error?.json?.message)}`);
  return body.result.data.json as Json;
}

/** The public form's proof of work, solved here independently of the server's own helper. */
function solve(challenge: string, bits: number): string {
  for (let n = 0; ; n++) {
    const hash = createHash('sha256')
      .update(challenge + String(n))
      .digest();
    let zeros = 0;
    for (const byte of hash) {
      if (byte === 0) {
        zeros += 8;
        continue;
      }
      zeros += Math.clz32(byte) - 24;
      break;
    }
    if (zeros >= bits) return String(n);
  }
}

const square = (lng: number, lat: number, d: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng - d, lat - d],
      [lng + d, lat - d],
      [lng + d, lat + d],
      [lng - d, lat + d],
      [lng - d, lat - d],
    ],
  ],
});

describe('network mapping across a restart', () => {
  it('keeps what the networker did', async () => {
    const db = await scratchDatabase();
    let server = spawnServer({ ...apiOnly, ...db.env }, await freePort());
    try {
      await waitUntilReady(server);
      let me = await signInOverHttp(server.url, 'networker@demo.caremap.eu', 'caremap-demo');
      const mine = (await call(server, me, 'territory.mine')).items as Json[];
      const jihlava = mine.find((t) => t.name.includes('Jihlava'))!;
      expect(jihlava, 'the networker owns the Jihlava ORP').toBeTruthy();

      const territory = await call(server, me, 'territory.create', {
        name: 'Jihlava centrum (restart)',
        kind: 'custom',
        parentId: jihlava.id,
        source: { type: 'drawn', geometry: square(15.59, 49.4, 0.01) },
      });
      const provider = await call(server, me, 'networkRecord.createProvider', {
        organization: {
          name: 'Rodinné centrum Restart',
          description: 'Poradna pro rodiny',
          email: '',
          website: '',
        },
        service: { name: 'Rodinná poradna Restart', description: '', termIds: [] },
        location: { name: null, lat: 49.3961, lng: 15.5912, address: 'Masarykovo nám. 1', city: 'Jihlava' },
      });
      const partner = await call(server, me, 'networkRecord.createPartner', {
        name: 'ZŠ Restart Jihlava',
        partnerKind: 'school',
        address: 'Komenského 1',
        city: 'Jihlava',
        email: '',
        phone: '',
        lat: 49.398,
        lng: 15.587,
        contactPerson: '',
        cooperationAgreement: true,
        agreementDate: '2026-09-01',
        notes: '',
        country: 'CZ',
      });
      const due = (await call(server, me, 'networkRecord.due', { territoryId: jihlava.id })).items as Json[];
      const stale = due.find((r) => r.entity === 'partner_institution' && r.id !== partner.id) ?? due[0]!;
      await call(server, me, 'networkRecord.verify', {
        entity: stale.entity,
        id: stale.id,
        expectedVersion: stale.version,
      });

      // A visitor suggests a better description of the new provider; the networker accepts it.
      const { challenge, bits } = await call(server, null, 'directory.suggestChallenge');
      const organizationId = (provider.organizationId ?? provider.organization?.id) as string;
      await call(server, null, 'directory.suggestEdit', {
        targetEntity: 'organization',
        targetId: organizationId,
        changes: { description: 'Poradna pro rodiny s dětmi, i o víkendu' },
        language: 'cs',
        challenge,
        nonce: solve(challenge, bits),
      });
      const queue = (await call(server, me, 'networkRecord.suggestions', { territoryId: jihlava.id }))
        .items as Json[];
      const suggestion = queue.find((s) => s.targetId === organizationId)!;
      await call(server, me, 'networkRecord.acceptSuggestion', {
        suggestionId: suggestion.id,
        expectedVersion: suggestion.current.version,
        changes: suggestion.proposed,
      });

      const terms = (await call(server, me, 'taxonomy.terms', { language: 'cs' })) as unknown as Json[];
      const termId = (terms.flatMap((g) => g.terms) as Json[])[0]!.id as string;
      const need = await call(server, me, 'need.create', {
        territoryId: jihlava.id,
        taxonomyTermId: termId,
        description: 'Chybí krizová pomoc o víkendech',
        reportedBy: 'school',
        severity: 'high',
        reportedOn: '2026-11-30',
      });

      expect(await server.stop('SIGTERM')).toBe(0);
      server = spawnServer({ ...apiOnly, ...db.env }, await freePort());
      await waitUntilReady(server);
      me = await signInOverHttp(server.url, 'networker@demo.caremap.eu', 'caremap-demo');

      const after = (await call(server, me, 'territory.mine')).items as Json[];
      expect(after.map((t) => t.id)).toContain(territory.id);
      const records = (await call(server, me, 'networkRecord.list', { territoryId: jihlava.id }))
        .items as Json[];
      const names = records.map((r) => r.name);
      expect(names).toContain('ZŠ Restart Jihlava');
      expect(records.some((r) => r.organization?.name === 'Rodinné centrum Restart')).toBe(true);
      const verified = await call(server, me, 'networkRecord.get', { entity: stale.entity, id: stale.id });
      expect(verified.lastVerifiedAt).toBeTruthy();
      const organization = await call(server, me, 'networkRecord.get', {
        entity: 'organization',
        id: organizationId,
      });
      expect(organization.fields.description).toBe('Poradna pro rodiny s dětmi, i o víkendu');
      const needs = (await call(server, me, 'need.list', { territoryId: jihlava.id })) as unknown as Json[];
      expect(needs.map((n) => n.id)).toContain(need.id);
      expect(await server.stop('SIGTERM')).toBe(0);
    } finally {
      await server.stop('SIGKILL');
      await db.dispose();
    }
  }, 600_000);
});
