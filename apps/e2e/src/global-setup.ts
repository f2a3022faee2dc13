// One CareMap for the whole end-to-end run: the real server process on a scratch database (PGlite,
// or PostgreSQL when TEST_DATABASE_URL is set), with the demo data, serving the built frontend.
import { freePort, scratchDatabase, spawnServer, waitUntilReady } from '@caremap/server/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    caremapUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const db = await scratchDatabase();
  const server = spawnServer({ ...db.env, CAREMAP_SEED: 'auto', LOG_LEVEL: 'warn' }, await freePort());
  try {
    await waitUntilReady(server, 300_000);
  } catch (error) {
    await server.stop('SIGKILL');
    await db.dispose();
    throw error;
  }
  project.provide('caremapUrl', server.url);
  return async () => {
    await server.stop('SIGTERM');
    await db.dispose();
  };
}
