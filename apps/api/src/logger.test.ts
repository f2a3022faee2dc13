import { Writable } from 'node:stream';
import { schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { serveOnFreePort } from '../test/http';
import { createApp } from './app';
import { createLogger, safeError } from './logger';

const t = useTestDatabase();

const EMAIL = 'jane.doe.1985@example.org';
const NAME = 'Jane Doe-Testperson';
const HASH = 'not-a-real-hash-7c1f0a';

/** The real logger, writing into memory. */
function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).trim().split('\n'));
      done();
    },
  });
  return { logger: createLogger('info', stream), text: () => lines.join('\n'), lines };
}

/** The error a real query fails with. */
async function failure(query: PromiseLike<unknown>): Promise<Error> {
  try {
    await query;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the query to fail');
}

/** Every way the server's code hands an error to the logger. */
function logEveryWay(logger: ReturnType<typeof createLogger>, err: Error) {
  logger.error({ err, path: 'auth.login' }, 'tRPC procedure failed');
  logger.error({ err });
  logger.error(err);
  logger.warn({ reqId: 'r1', err: new Error(err.message, { cause: err }) }, 'wrapped');
}

beforeAll(async () => {
  await t.current.db.insert(schema.appUser).values({ email: EMAIL, displayName: NAME, passwordHash: HASH });
});

describe('error logs carry no query values', () => {
  it('logs a duplicate-key error by code and constraint, without the e-mail', async () => {
    const err = await failure(
      t.current.db.insert(schema.appUser).values({ email: EMAIL, displayName: NAME, passwordHash: HASH }),
    );
    // The real driver error does carry the values (otherwise this test would prove nothing).
    expect(`${err.message} ${JSON.stringify(err.cause, Object.getOwnPropertyNames(err.cause))}`).toContain(
      EMAIL,
    );
    const log = capturedLogger();
    logEveryWay(log.logger, err);
    const out = log.text();
    expect(log.lines).toHaveLength(4);
    expect(out).not.toContain(EMAIL);
    expect(out).not.toContain('jane.doe');
    expect(out).not.toContain(NAME);
    expect(out).not.toContain(HASH);
    expect(out).toContain('23505');
    const first = JSON.parse(log.lines[0]!);
    expect(first.msg).toBe('tRPC procedure failed');
    expect(first.err.query).toMatch(/^insert into "app_user"/);
    expect(first.err.cause).toMatchObject({
      code: '23505',
      condition: 'unique_violation',
      constraint: 'app_user_email_uq',
      table: 'app_user',
      severity: 'ERROR',
    });
    expect(first.err.cause).not.toHaveProperty('detail');
    expect(first.err.stack).toMatch(/\n\s+at /);
    // Logged without a message of its own, the line gets the safe one.
    expect(JSON.parse(log.lines[1]!).msg).toBe('database query failed');
  });

  it('logs an invalid cast of an e-mail by code, without the e-mail', async () => {
    const asParam = await failure(t.current.db.execute(sql`select ${EMAIL}::int`));
    const asLiteral = await failure(t.current.db.execute(sql.raw(`select cast('${EMAIL}' as uuid)`)));
    expect(String(asParam.cause)).toContain(EMAIL);
    const log = capturedLogger();
    logEveryWay(log.logger, asParam);
    logEveryWay(log.logger, asLiteral);
    const out = log.text();
    expect(out).not.toContain(EMAIL);
    expect(out).not.toContain('jane.doe');
    expect(out.match(/22P02/g)?.length).toBeGreaterThanOrEqual(8);
    expect(JSON.parse(log.lines[4]!).err.query).toBe("select cast('?' as uuid)");
  });

  it('keeps the readiness check failure an error, logged without its values', async () => {
    const log = capturedLogger();
    const database = {
      ...t.current,
      ping: async () => {
        await t.current.db.execute(sql`select ${EMAIL}::int`);
      },
    };
    const server = await serveOnFreePort(createApp({ database, logger: log.logger }));
    try {
      const res = await fetch(`${server.url}/readyz`);
      expect(res.status).toBe(503);
    } finally {
      await server.close();
    }
    const line = log.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'readiness check failed');
    expect(line.err.cause).toMatchObject({ code: '22P02', condition: 'invalid_text_representation' });
    expect(log.text()).not.toContain(EMAIL);
  });

  it('still logs ordinary errors with message and stack, e-mail addresses blanked', () => {
    const log = capturedLogger();
    log.logger.error({ err: new Error(`no account for ${EMAIL}`, { cause: 'x' }) }, 'failed');
    const line = JSON.parse(log.lines[0]!);
    expect(line.err).toMatchObject({ type: 'Error', message: 'no account for [email]' });
    expect(line.err.stack).toContain('logger.test.ts');
    expect(log.text()).not.toContain(EMAIL);
    // Package paths in stack frames are not mistaken for addresses.
    expect(safeError(new Error('at /x/.pnpm/@vitest+runner@4.1.12/y')).message).toContain('runner@4.1.12');
  });
});
