// `pnpm start` ends here: start CareMap, print where it is, and shut down cleanly on a signal.
import { DatabaseStartupError } from '@caremap/db';
import { ConfigError, loadEnv } from './env';
import { FrontendNotBuiltError } from './frontend';
import { createLogger } from './logger';
import { demoLogins, PortInUseError, startServer, UnsafeStartError } from './server';

async function main() {
  const env = loadEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const server = await startServer(env, logger, (text) => process.stdout.write(`  ${text}\n`));

  const where =
    server.database.kind === 'pglite'
      ? `embedded database in ${server.database.location}`
      : `PostgreSQL ${server.database.location}`;
  const logins =
    env.CAREMAP_SEED === 'none'
      ? []
      : (await demoLogins(server.database.db)).map(
          (r) => `    ${r.email.padEnd(34)} ${r.role} (${r.agency})`,
        );
  const lines = [
    '',
    `  CareMap is ready at ${server.url}  (${where})`,
    ...(logins.length
      ? [
          '',
          `  Demo logins (password: ${env.CAREMAP_DEMO_PASSWORD === 'caremap-demo' ? 'caremap-demo' : 'the value of CAREMAP_DEMO_PASSWORD'}):`,
          ...logins,
        ]
      : []),
    ...(server.seedSkipped ? ['', `  ${server.seedSkipped}.`] : []),
    '',
    '  Press Ctrl+C to stop.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  logger.info({ url: server.url, database: server.database.kind, seeded: server.seeded }, 'ready');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests, then closing the database');
    server.close().then(
      () => {
        logger.info('stopped cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  const known =
    error instanceof DatabaseStartupError ||
    error instanceof PortInUseError ||
    error instanceof FrontendNotBuiltError ||
    error instanceof UnsafeStartError ||
    error instanceof ConfigError;
  if (known) {
    const hint = 'hint' in error && error.hint ? `\n  What to do: ${error.hint}` : '';
    process.stderr.write(`\nCareMap could not start: ${error.message}${hint}\n\n`);
  } else {
    process.stderr.write(
      `\nCareMap could not start because of an unexpected error:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n\n`,
    );
  }
  process.exit(1);
});
