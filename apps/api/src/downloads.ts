// Downloads behind the session cookie (plain URLs a browser or a script can fetch): each answers
// through the same tRPC procedure the screens call, so the policy module decides and audits exactly
// as it does there. A refusal or a bad query is an RFC 9457 problem, never a stack trace.
//   GET /api/network/coverage.csv?territoryId=&termIds=a,b&distanceMeters=&lang=
//   GET /api/territories/<id>/report.csv?lang=&distanceMeters=   (and report.pdf)
import {
  coverageCsv,
  createCaller,
  documentTexts,
  refusalOf,
  territoryReportCsv,
  territoryReportPdf,
} from '@caremap/api';
import type { DatabaseHandle } from '@caremap/db';
import { coverageCsvQuery, territoryReportInput, territoryReportQuery } from '@caremap/validators';
import { type Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { clientAddress } from './client-address';
import { badParameters, ProblemError, problemResponse } from './problem';
import { sessionUserOf } from './session-user';

export interface DownloadOptions {
  database: DatabaseHandle;
  sessionCookie: string;
  sessionIdleMs: number;
  /** Proxy hops whose X-Forwarded-For is trusted (CAREMAP_TRUST_PROXY). */
  trustProxy: number;
  /** Records not verified for this many months are due (CAREMAP_VERIFY_AFTER_MONTHS). */
  verifyAfterMonths?: number;
}

/** A tRPC caller for this request's session (anonymous when there is none). */
async function callerFor(c: Context, options: DownloadOptions) {
  const token = getCookie(c, options.sessionCookie) ?? null;
  const user = await sessionUserOf(c, options);
  return createCaller({
    db: options.database.db,
    requestId: c.get('requestId') ?? 'download',
    clientKey: clientAddress(c, options.trustProxy),
    sessionToken: token,
    user,
    setSessionToken: () => {},
    ...(options.verifyAfterMonths === undefined ? {} : { verifyAfterMonths: options.verifyAfterMonths }),
  });
}

const trpcProblems: Partial<Record<string, [ProblemError['status'], string]>> = {
  UNAUTHORIZED: [401, 'Unauthorized'],
  FORBIDDEN: [403, 'Forbidden'],
  NOT_FOUND: [404, 'Not Found'],
  BAD_REQUEST: [400, 'Bad Request'],
};

/** The procedure's refusal as a problem; anything else is the server's fault and is rethrown. */
function asProblem(error: unknown): ProblemError {
  const refusal = refusalOf(error);
  const mapped = refusal && trpcProblems[refusal.code];
  if (refusal && mapped)
    return new ProblemError(mapped[0], mapped[1], refusal.message, { code: refusal.code.toLowerCase() });
  throw error;
}

export function createDownloadsApp(options: DownloadOptions) {
  const app = new Hono();

  app.get('/network/coverage.csv', async (c) => {
    try {
      const query = coverageCsvQuery.safeParse(c.req.query());
      if (!query.success) throw badParameters(query.error);
      const { lang, ...input } = query.data;
      const caller = await callerFor(c, options);
      const result = await caller.coverage.gaps(input).catch((error: unknown) => {
        throw asProblem(error);
      });
      const date = new Date().toISOString().slice(0, 10);
      return c.body(coverageCsv(result, documentTexts[lang].report.coverageColumns), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="coverage-${result.territory.id}-${date}.csv"`,
        'Cache-Control': 'private, no-store',
      });
    } catch (error) {
      if (error instanceof ProblemError) return problemResponse(error, c.req.path);
      throw error;
    }
  });

  const reportFormats = {
    csv: { type: 'text/csv; charset=utf-8', render: territoryReportCsv },
    pdf: { type: 'application/pdf', render: territoryReportPdf },
  } as const;
  app.get('/territories/:territoryId/:file{report\\.(?:csv|pdf)}', async (c) => {
    try {
      const query = territoryReportQuery.safeParse(c.req.query());
      if (!query.success) throw badParameters(query.error);
      const input = territoryReportInput.safeParse({
        territoryId: c.req.param('territoryId'),
        distanceMeters: query.data.distanceMeters,
      });
      if (!input.success) throw badParameters(input.error);
      const format = reportFormats[c.req.param('file').endsWith('.pdf') ? 'pdf' : 'csv'];
      const caller = await callerFor(c, options);
      const report = await caller.territory.report(input.data).catch((error: unknown) => {
        throw asProblem(error);
      });
      const body = await format.render(report, query.data.lang);
      const name = report.territory.name
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .replace(/[^\w.-]+/g, '-');
      const date = new Date().toISOString().slice(0, 10);
      return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
        'Content-Type': format.type,
        'Content-Disposition': `attachment; filename="${name}-report-${date}.${c.req.param('file').slice(-3)}"`,
        'Cache-Control': 'private, no-store',
      });
    } catch (error) {
      if (error instanceof ProblemError) return problemResponse(error, c.req.path);
      throw error;
    }
  });

  return app;
}
