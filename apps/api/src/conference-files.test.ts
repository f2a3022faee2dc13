// The conference files over HTTP: a letter's PDF needs a session (401 without one, 404 for a
// malformed or unknown letter), a calendar feed answers text/calendar for its token and 404 for any
// other, and the feed's token never reaches the access log. Who may read which letter, and what
// the files hold, is tested in packages/api (letters.test.ts, calendar-feed.test.ts) and e2e.
import { createHash } from 'node:crypto';
import { hashPassword, schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, serveOnFreePort } from '../test/http';
import { createApp, loggablePath } from './app';

const t = useTestDatabase();
const log = memoryLogger();
let server: Awaited<ReturnType<typeof serveOnFreePort>>;
const TOKEN = 'Q'.repeat(40) + 'abc';

beforeAll(async () => {
  const [u] = await t.current.db
    .insert(schema.appUser)
    .values({
      email: 'feed@test.caremap.eu',
      displayName: 'Feed',
      passwordHash: await hashPassword('s3cret-pass'),
    })
    .returning();
  await t.current.db
    .insert(schema.calendarFeed)
    .values({ userId: u!.id, tokenHash: createHash('sha256').update(TOKEN).digest('base64url') });
  server = await serveOnFreePort(createApp({ database: t.current, logger: log.logger }));
});
afterAll(() => server?.close());

describe('conference files', () => {
  it('asks for a session before a letter PDF, and knows no malformed letter path', async () => {
    const id = '0b6f3c52-2d43-4c1e-9a55-000000000000';
    const signedOut = await fetch(`${server.url}/api/conferences/${id}/letters/${id}.pdf`);
    expect(signedOut.status).toBe(401);
    expect((await signedOut.json()).error.appCode).toBe('not_signed_in');
    expect((await fetch(`${server.url}/api/conferences/${id}/letters/not-a-letter.pdf`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/conferences/${id}/letters/${id}.docx`)).status).toBe(404);
  });

  it('serves a calendar feed for its token only, and keeps the token out of the log', async () => {
    const feed = await fetch(`${server.url}/calendar/${TOKEN}.ics`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR/);
    const unknown = await fetch(`${server.url}/calendar/${'R'.repeat(43)}.ics`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.appCode).toBe('not_found');
    expect((await fetch(`${server.url}/calendar/${TOKEN}`)).status).toBe(404);
    expect(log.lines.join('\n')).not.toContain(TOKEN);
    expect(loggablePath(`/calendar/${TOKEN}.ics`)).toBe('/calendar/:redacted');
  });
});
