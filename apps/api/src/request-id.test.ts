import { schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, serveOnFreePort } from '../test/http';
import { createApp } from './app';
import { isTraceId } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PERSONAL = 'jane_doe_1985';

const t = useTestDatabase();
const log = memoryLogger();
let server: Awaited<ReturnType<typeof serveOnFreePort>>;
beforeAll(async () => {
  server = await serveOnFreePort(createApp({ database: t.current, logger: log.logger }));
});
afterAll(() => server?.close());

const health = (id: string) => fetch(`${server.url}/healthz`, { headers: { 'x-request-id': id } });

describe('request ids', () => {
  it('replaces a client id that is not a trace id with a fresh UUID', async () => {
    const res = await health(PERSONAL);
    const used = res.headers.get('x-request-id')!;
    expect(used).not.toBe(PERSONAL);
    expect(used).toMatch(UUID);
    // A new one each time: the replacement is generated, not derived from what the client sent.
    expect((await health(PERSONAL)).headers.get('x-request-id')).not.toBe(used);
  });

  it('keeps a client UUID or hex trace id', async () => {
    for (const id of [crypto.randomUUID(), '4bf92f3577b34da6a3ce929d0e0e4736', '00f067aa0ba902b7']) {
      expect((await health(id)).headers.get('x-request-id')).toBe(id);
    }
  });

  it('takes only ids that look generated', () => {
    for (const id of [
      crypto.randomUUID(),
      crypto.randomUUID().toUpperCase(),
      '4bf92f3577b34da6a3ce929d0e0e4736',
      '00f067aa0ba902b7',
    ])
      expect(isTraceId(id), id).toBe(true);
    for (const id of [
      PERSONAL,
      'janedoe',
      'jane-doe-1985-03-12',
      'ada-bea-dee-cafe', // 13 hex digits
      '4111111111111111', // digits only: card number
      '00420777123456789',
      '1985-03-12-1234-5678',
      '-4bf92f3577b34da6a3ce929d0e0e4736',
      'a'.repeat(65),
      '',
    ])
      expect(isTraceId(id), id).toBe(false);
  });

  it('writes the replaced id, not the client one, to the audit log of a sign-in attempt', async () => {
    const res = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: {
        origin: server.url,
        'content-type': 'application/json',
        'x-request-id': PERSONAL,
      },
      body: JSON.stringify({ json: { email: 'nobody@test.caremap.eu', password: 'wrong-password' } }),
    });
    expect(res.status).toBe(401);
    const used = res.headers.get('x-request-id')!;
    expect(used).toMatch(UUID);
    const [row] = await t.current.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'auth.login'))
      .orderBy(desc(schema.auditLog.id))
      .limit(1);
    expect(row).toMatchObject({ outcome: 'failure', requestId: used });
    const all = await t.current.db.select({ requestId: schema.auditLog.requestId }).from(schema.auditLog);
    expect(all.map((r) => r.requestId)).not.toContain(PERSONAL);
    expect(log.lines.join('\n')).not.toContain(PERSONAL);
  });
});
