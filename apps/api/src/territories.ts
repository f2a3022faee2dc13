// GET /api/territories/<id>.geojson: a territory's boundary as a GeoJSON Feature, for a browser
// download or a script with the session cookie. The policy decides per territory (its lineage):
// a networker gets theirs and what lies inside them, an administrator every territory.
import { territoryFeature } from '@caremap/api';
import type { DatabaseHandle } from '@caremap/db';
import { Hono } from 'hono';
import { ProblemError } from './problem';
import { sessionUserOf } from './session-user';

export interface TerritoryExportOptions {
  database: DatabaseHandle;
  sessionCookie: string;
  sessionIdleMs: number;
}

const FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.geojson$/i;

export function createTerritoryApp(options: TerritoryExportOptions) {
  const app = new Hono();
  app.get('/:file', async (c) => {
    const match = FILE.exec(c.req.param('file'));
    if (!match) throw new ProblemError(404, 'Not Found', 'Use /api/territories/<territory id>.geojson');
    const user = await sessionUserOf(c, options);
    if (!user)
      throw new ProblemError(401, 'Unauthorized', 'Sign in to download territories', {
        code: 'not_signed_in',
      });
    const result = await territoryFeature({ db: options.database.db, user }, match[1]!.toLowerCase());
    if (result.status === 'not_found') throw new ProblemError(404, 'Not Found', 'No such territory');
    if (result.status === 'forbidden')
      throw new ProblemError(403, 'Forbidden', 'This territory is not one of yours', { code: 'forbidden' });
    const name = result.feature.properties.name.normalize('NFKD').replace(/[^\w.-]+/g, '-');
    return c.body(JSON.stringify(result.feature), 200, {
      'Content-Type': 'application/geo+json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}.geojson"`,
      'Cache-Control': 'private, no-store',
    });
  });
  return app;
}
