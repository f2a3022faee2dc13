// One CareMap for the whole end-to-end run: the real server process on a scratch database (PGlite,
// or PostgreSQL when TEST_DATABASE_URL is set), with the demo data, serving the built frontend.
// Everything it prints (debug level, so every request line) goes to .reports/server-<pid>.log (one
// file per run: two runs in one checkout must not mix) for the log audit (zz-logs.e2e.test.ts),
// which runs last. The file stays after the run for reading; the next run removes it.
import { appendFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, scratchDatabase, spawnServer, waitUntilReady } from '@caremap/server/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    caremapUrl: string;
    /** File with everything the server printed so far (stdout and stderr, in order). */
    caremapLogFile: string;
  }
}

const reports = fileURLToPath(new URL('../.reports/', import.meta.url));

/** Whether a process with this id is running (a run that is still going keeps its log). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export default async function setup(project: TestProject) {
  mkdirSync(reports, { recursive: true });
  for (const name of readdirSync(reports)) {
    const pid = /^server-(\d+)\.log$/.exec(name)?.[1];
    if (pid && !alive(Number(pid))) rmSync(join(reports, name), { force: true });
  }
  const serverLogFile = join(reports, `server-${process.pid}.log`);
  writeFileSync(serverLogFile, '');
  const db = await scratchDatabase();
  const server = spawnServer({ ...db.env, CAREMAP_SEED: 'auto', LOG_LEVEL: 'debug' }, await freePort());
  for (const stream of [server.child.stdout!, server.child.stderr!])
    stream.on('data', (chunk: Buffer) => appendFileSync(serverLogFile, chunk));
  try {
    await waitUntilReady(server, 300_000);
  } catch (error) {
    await server.stop('SIGKILL');
    await db.dispose();
    throw error;
  }
  project.provide('caremapUrl', server.url);
  project.provide('caremapLogFile', serverLogFile);
  return async () => {
    await server.stop('SIGTERM');
    await db.dispose();
  };
}
