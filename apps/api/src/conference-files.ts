// Conference files a browser or a calendar app fetches by plain GET: a feedback letter's PDF (with
// the session cookie; the same row-level decision as feedbackLetter.list, audited in packages/api)
// and a user's personal calendar feed (the secret token in the URL is the credential; rate-limited
// per client address). Refusals answer 404 without saying whether the thing exists.
import { AppCodeError, calendarFeedIcs, feedbackLetterPdf } from '@caremap/api';
import type { DatabaseHandle } from '@caremap/db';
import { Hono } from 'hono';
import type { RequestIdVariables } from 'hono/request-id';
import { z } from 'zod';
import { clientAddress } from './client-address';
import { sessionUserOf } from './session-user';

export interface ConferenceFilesOptions {
  database: DatabaseHandle;
  sessionCookie: string;
  sessionIdleMs: number;
  trustProxy: number;
}

const letterParams = z.object({
  conferenceId: z.uuid(),
  letterId: z.uuid(),
});

const problem = (status: number, code: string, message: string) =>
  Response.json({ error: { appCode: code, message } }, { status });

/** A refusal of the domain (appError) as its HTTP answer; anything else is the server's onError's. */
function refusal(error: unknown): Response {
  const cause = error instanceof Error ? error.cause : undefined;
  if (!(cause instanceof AppCodeError)) throw error;
  const status = { not_found: 404, too_many_attempts: 429, not_signed_in: 401, forbidden: 403 }[
    cause.appCode as string
  ];
  if (!status) throw error;
  return problem(status, cause.appCode, (error as Error).message);
}

export function createConferenceFilesApp(options: ConferenceFilesOptions) {
  const app = new Hono<{ Variables: RequestIdVariables }>();

  app.get('/api/conferences/:conferenceId/letters/:file', async (c) => {
    const file = c.req.param('file');
    const parsed = letterParams.safeParse({
      conferenceId: c.req.param('conferenceId'),
      letterId: file.replace(/\.pdf$/, ''),
    });
    if (!parsed.success || !file.endsWith('.pdf')) return problem(404, 'not_found', 'No such letter');
    const user = await sessionUserOf(c, options);
    if (!user) return problem(401, 'not_signed_in', 'Sign in to download letters');
    try {
      const { pdf, fileName } = await feedbackLetterPdf(
        {
          db: options.database.db,
          requestId: c.get('requestId'),
          clientKey: clientAddress(c, options.trustProxy),
          user,
          sessionToken: null,
          setSessionToken: () => {},
        },
        parsed.data.conferenceId,
        parsed.data.letterId,
      );
      return new Response(new Uint8Array(pdf), {
        headers: {
          'Content-Type': 'application/pdf',
          // Shown in the browser's viewer; saved under the case_ref, never a name.
          'Content-Disposition': `inline; filename="${fileName}"`,
          'Cache-Control': 'private, no-store',
        },
      });
    } catch (error) {
      return refusal(error);
    }
  });

  app.get('/calendar/:file', async (c) => {
    const file = c.req.param('file');
    if (!file.endsWith('.ics')) return problem(404, 'not_found', 'No such calendar feed');
    try {
      const ics = await calendarFeedIcs(
        {
          db: options.database.db,
          requestId: c.get('requestId'),
          clientKey: clientAddress(c, options.trustProxy),
        },
        file.slice(0, -'.ics'.length),
      );
      return c.body(ics, 200, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Cache-Control': 'private, no-store',
      });
    } catch (error) {
      return refusal(error);
    }
  });

  return app;
}
