import { existsSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import type { DatabaseHandle } from '@caremap/db';
import { openDatabase } from '@caremap/db';
import { type ServerType, serve } from '@hono/node-server';
import { createApp } from './app';
import type { Env } from './env';
import { loadFrontend } from './frontend';
import type { Logger } from './logger';

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is already in use (another program, or CareMap already running).`);
  }
  readonly hint = 'Stop the other program, or choose another port: PORT=3001 pnpm start';
}

export interface RunningServer {
  url: string;
  port: number;
  database: DatabaseHandle;
  seeded: boolean;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

/** Starts CareMap: frontend check, port check, database open + migrate, demo seed when empty, listen. */
export async function startServer(
  env: Env,
  logger: Logger,
  /** Plain-language progress for a person watching the terminal (the JSON log says the same for machines). */
  progress: (text: string) => void = () => {},
): Promise<RunningServer> {
  const frontend = env.CAREMAP_SERVE_FRONTEND ? loadFrontend(env.CAREMAP_WEB_ROOT) : undefined;
  if (env.PORT !== 0) await assertPortFree(env.PORT, env.HOST);

  const fresh = !env.DATABASE_URL && !existsSync(join(env.CAREMAP_DATA_DIR, 'PG_VERSION'));
  progress(
    env.DATABASE_URL
      ? 'Connecting to PostgreSQL…'
      : fresh
        ? `Creating the embedded database in ${env.CAREMAP_DATA_DIR} (first start only, about 15 seconds)…`
        : `Opening the embedded database in ${env.CAREMAP_DATA_DIR}…`,
  );
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.CAREMAP_DATA_DIR });
  let seeded = false;
  try {
    const started = performance.now();
    await database.migrate();
    logger.info(
      { database: database.kind, ms: Math.round(performance.now() - started) },
      'database migrated',
    );
    // Loaded only when seeding may be needed: the generator and its data are not needed to serve.
    const seeding = env.CAREMAP_SEED === 'auto' ? await import('@caremap/db/seed') : undefined;
    if (seeding && !(await seeding.isSeeded(database.db))) {
      const t0 = performance.now();
      logger.info('database is empty: loading demo data');
      progress('Loading the demo data (first start only)…');
      const summary = await seeding.seed(database.db, {
        demoPassword: env.CAREMAP_DEMO_PASSWORD,
        onProgress: (step, done, total) => logger.info({ step, done, total }, 'seeding'),
      });
      seeded = true;
      logger.info(
        { ...summary, ms: Math.round(performance.now() - t0), seedMs: summary.ms },
        'demo data loaded',
      );
    }
  } catch (error) {
    await database.close();
    throw error;
  }

  const app = createApp({
    database,
    logger,
    frontend,
    trustProxy: env.CAREMAP_TRUST_PROXY,
    sessionTtlMs: env.CAREMAP_SESSION_TTL_HOURS * 3600_000,
  });
  const server = await listen(app.fetch, env.PORT, env.HOST);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;

  let closing: Promise<void> | undefined;
  return {
    url: `http://localhost:${port}`,
    port,
    database,
    seeded,
    close: () => {
      closing ??= (async () => {
        await closeHttp(server, env.CAREMAP_SHUTDOWN_TIMEOUT_MS);
        await database.close();
      })();
      return closing;
    },
  };
}

function listen(
  fetch: Parameters<typeof serve>[0]['fetch'],
  port: number,
  hostname: string,
): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error),
    );
  });
}

/** Fails fast, before the database is opened, when the port is taken. */
function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? new PortInUseError(port) : error),
    );
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** Stop accepting, let in-flight requests finish, then cut whatever is left after the timeout. */
function closeHttp(server: ServerType, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const http = server as import('node:http').Server;
    // close() stops accepting and drops idle keep-alive connections; a connection becomes idle
    // again once its in-flight request is answered, so sweep until the last one has gone rather
    // than wait out the keep-alive timeout.
    const sweep = setInterval(() => http.closeIdleConnections(), 50);
    const timer = setTimeout(() => {
      http.closeAllConnections();
      finish();
    }, timeoutMs);
    const finish = () => {
      clearInterval(sweep);
      clearTimeout(timer);
      resolve();
    };
    sweep.unref();
    timer.unref();
    http.close(finish);
  });
}
