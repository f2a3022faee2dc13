import { existsSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';

import { ActionItemReminders, ImportWorker, OutboxWorker, purgeExpiredSessions } from '@caremap/api';
import type { Database, DatabaseHandle } from '@caremap/db';
import { openDatabase, schema } from '@caremap/db';
import { type ServerType, serve } from '@hono/node-server';
import { asc, eq, like } from 'drizzle-orm';
import { createApp } from './app';
import { type Env, isLoopbackHost } from './env';
import { loadFrontend } from './frontend';
import type { Logger } from './logger';
import { basemapOrigins } from './security-headers';

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is already in use (another program, or CareMap already running).`);
  }
  readonly hint = 'Stop the other program, or choose another port: PORT=3001 pnpm start';
}

/** A start that would expose the published demo accounts, or demo data in production. */
export class UnsafeStartError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

const DEMO_PASSWORD = 'caremap-demo';
const SESSION_PURGE_EVERY_MS = 10 * 60 * 1000;

/** The demo accounts as they are in the database (the seed gives them @demo.caremap.eu addresses). */
export async function demoLogins(db: Database) {
  return db
    .select({ email: schema.appUser.email, role: schema.membership.role, agency: schema.agency.name })
    .from(schema.appUser)
    .innerJoin(schema.membership, eq(schema.membership.userId, schema.appUser.id))
    .innerJoin(schema.agency, eq(schema.agency.id, schema.membership.agencyId))
    .where(like(schema.appUser.email, '%@demo.caremap.eu'))
    .orderBy(asc(schema.appUser.email));
}

export interface RunningServer {
  url: string;
  port: number;
  database: DatabaseHandle;
  seeded: boolean;
  /** Why the demo data was not loaded into an empty database, when it was not. */
  seedSkipped?: string;
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
  const frontend = env.CAREMAP_SERVE_FRONTEND
    ? loadFrontend(env.CAREMAP_WEB_ROOT, { basemapStyleUrl: env.CAREMAP_BASEMAP_STYLE_URL })
    : undefined;
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
  let seedSkipped: string | undefined;
  const production = env.CAREMAP_ENV === 'production';
  // Demo accounts share a published password: only on a listener this machine alone can reach,
  // unless the operator opts in with CAREMAP_SEED=demo; never in production.
  const demoAllowed =
    !production && (env.CAREMAP_SEED === 'demo' || (env.CAREMAP_SEED === 'auto' && isLoopbackHost(env.HOST)));
  try {
    const started = performance.now();
    await database.migrate();
    logger.info(
      { database: database.kind, ms: Math.round(performance.now() - started) },
      'database migrated',
    );
    // Loaded only when seeding may be needed: the generator and its data are not needed to serve.
    const seeding = demoAllowed ? await import('@caremap/db/seed') : undefined;
    if (!demoAllowed && env.CAREMAP_SEED === 'auto' && !production) {
      seedSkipped = `No demo data: CareMap listens on ${env.HOST}, beyond this machine, and the demo accounts' password is published; set CAREMAP_SEED=demo to load them anyway`;
    }
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
    const demo = await demoLogins(database.db);
    if (demo.length && production) {
      throw new UnsafeStartError(
        `The database holds ${demo.length} demo accounts (@demo.caremap.eu), whose password is published, and CAREMAP_ENV=production.`,
        'Start production on a database without demo data (CAREMAP_SEED=none on a fresh database), or delete the demo users.',
      );
    }
    if (demo.length && env.CAREMAP_SEED !== 'demo' && !isLoopbackHost(env.HOST)) {
      throw new UnsafeStartError(
        `The database holds demo accounts with a published password and CareMap would listen on ${env.HOST}, beyond this machine.`,
        'Listen on loopback (HOST=127.0.0.1, the default), set CAREMAP_SEED=demo if exposing the demo is intended, or delete the demo users.',
      );
    }
  } catch (error) {
    await database.close();
    throw error;
  }

  // HSDS uploads are run here, in every replica (jobs claimed with FOR UPDATE SKIP LOCKED and a lease).
  const importWorker = new ImportWorker({
    db: database.db,
    log: (level, fields, message) => logger[level](fields, message),
  });
  const app = createApp({
    database,
    logger,
    frontend,
    imports: {
      dir: env.CAREMAP_IMPORT_DIR,
      maxBytes: Math.round(env.CAREMAP_IMPORT_MAX_MB * 1024 * 1024),
      onQueued: () => importWorker.wake(),
    },
    trustProxy: env.CAREMAP_TRUST_PROXY,
    publicUrl: env.CAREMAP_PUBLIC_URL,
    verifyAfterMonths: env.CAREMAP_VERIFY_AFTER_MONTHS,
    mapOrigins: basemapOrigins(env.CAREMAP_BASEMAP_STYLE_URL, env.CAREMAP_BASEMAP_ORIGINS),
    hsdsLimits: { points: env.CAREMAP_HSDS_RATE_LIMIT, windowSeconds: env.CAREMAP_HSDS_RATE_WINDOW_SECONDS },
    tileLimits: { points: env.CAREMAP_TILE_RATE_LIMIT, windowSeconds: env.CAREMAP_TILE_RATE_WINDOW_SECONDS },
    security: {
      sessionTtlMs: env.CAREMAP_SESSION_TTL_HOURS * 3600_000,
      sessionIdleMs: env.CAREMAP_SESSION_IDLE_MINUTES * 60_000,
      loginLimits: {
        perAccount: env.CAREMAP_LOGIN_MAX_PER_ACCOUNT,
        perAddress: env.CAREMAP_LOGIN_MAX_PER_ADDRESS,
        windowSeconds: env.CAREMAP_LOGIN_WINDOW_MINUTES * 60,
      },
      refusedPasswords: production ? [DEMO_PASSWORD, env.CAREMAP_DEMO_PASSWORD] : [],
    },
  });
  const server = await listen(app.fetch, env.PORT, env.HOST);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;

  // Expired and idle sessions are deleted now and every ten minutes; replicas may all do it (a
  // DELETE of rows already gone is harmless).
  const purge = () =>
    purgeExpiredSessions(database.db, env.CAREMAP_SESSION_IDLE_MINUTES * 60_000).then(
      (n) => n && logger.info({ sessions: n }, 'expired sessions purged'),
      (error: unknown) => logger.warn({ err: error }, 'session purge failed'),
    );
  await purge();
  const purgeTimer = setInterval(purge, SESSION_PURGE_EVERY_MS);
  purgeTimer.unref();

  // Conference e-mails leave through the outbox; every replica may run a worker (rows are claimed
  // with FOR UPDATE SKIP LOCKED and a lease). Without CAREMAP_SMTP_URL they stay in the local outbox.
  const outbox = new OutboxWorker({
    db: database.db,
    smtpUrl: env.CAREMAP_SMTP_URL,
    from: env.CAREMAP_MAIL_FROM,
    log: (level, fields, message) => logger[level](fields, message),
  }).start();
  logger.info({ transport: env.CAREMAP_SMTP_URL ? 'smtp' : 'local' }, 'outbox worker started');
  // Its first pass also fails the jobs a stopped server left behind (once their lease has run out).
  importWorker.start();
  // Action-item reminders go into the same outbox; every replica may run this too (candidates are
  // claimed with FOR UPDATE SKIP LOCKED and a unique key per reminder keeps each one single).
  const reminders = new ActionItemReminders({
    db: database.db,
    dueSoonDays: env.CAREMAP_ACTION_REMINDER_DAYS,
    publicUrl: env.CAREMAP_PUBLIC_URL,
    log: (level, fields, message) => logger[level](fields, message),
  }).start();

  let closing: Promise<void> | undefined;
  return {
    url: `http://localhost:${port}`,
    port,
    database,
    seeded,
    ...(seedSkipped ? { seedSkipped } : {}),
    close: () => {
      closing ??= (async () => {
        clearInterval(purgeTimer);
        await closeHttp(server, env.CAREMAP_SHUTDOWN_TIMEOUT_MS);
        // After the last request (which may have queued e-mails), before the database closes.
        await reminders.stop();
        await outbox.stop();
        // A running import is rolled back and failed as interrupted, not waited for.
        await importWorker.stop();
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
