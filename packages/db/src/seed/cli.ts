// pnpm --filter @caremap/db seed [--scale N] [--reset]
//
// Opens the database (DATABASE_URL, else the embedded one in CAREMAP_DATA_DIR, default
// <repo>/.caremap/data), migrates it, and seeds the demo data set if it is empty. --scale N adds N
// extra synthetic services (always, also to a seeded database); --reset empties the seeded tables
// first. The demo users' password is CAREMAP_DEMO_PASSWORD (default 'caremap-demo').
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../client';
import { DatabaseStartupError, describeCause } from '../errors';
import { demoEmail, isSeeded, seed } from './index';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const out = (line: string) => process.stdout.write(`${line}\n`);

const USAGE = `Usage: pnpm --filter @caremap/db seed [--scale N] [--reset]

  --scale N   add N extra synthetic services (with organisations and locations) for benchmarks
  --reset     empty the seeded tables first, then seed again (one transaction)

Environment: DATABASE_URL (PostgreSQL; unset = embedded PGlite), CAREMAP_DATA_DIR,
CAREMAP_DEMO_PASSWORD (default 'caremap-demo').`;

function parseArgs(argv: string[]): { scale: number; reset: boolean } {
  let scale = 0;
  let reset = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--reset') reset = true;
    else if (arg === '--scale' || arg.startsWith('--scale=')) {
      const value = arg.includes('=') ? arg.slice('--scale='.length) : argv[++i];
      scale = Number(value);
      if (!Number.isInteger(scale) || scale < 0)
        throw new UsageError(`--scale needs a whole number, got ${value}`);
    } else if (arg === '--help' || arg === '-h') {
      out(USAGE);
      process.exit(0);
    } else if (arg !== '--') throw new UsageError(`unknown argument ${arg}`);
  }
  return { scale, reset };
}

class UsageError extends Error {}

async function main(): Promise<void> {
  const { scale, reset } = parseArgs(process.argv.slice(2));
  const handle = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.CAREMAP_DATA_DIR ?? `${repoRoot}.caremap/data`,
  });
  try {
    out(`Database: ${handle.kind} (${handle.location})`);
    await handle.migrate();
    if (!reset && scale === 0 && (await isSeeded(handle.db))) {
      out('Already seeded; nothing to do. Use --reset to start again or --scale N to add services.');
      return;
    }
    const summary = await seed(handle.db, {
      demoPassword: process.env.CAREMAP_DEMO_PASSWORD || 'caremap-demo',
      scale,
      reset,
      onProgress: (step, done, total) => {
        if (done === total) out(`  ${step.padEnd(22)} ${String(total).padStart(7)} rows`);
      },
    });
    out(
      `${summary.seededBase ? 'Seeded the demo data set' : 'Demo data set already present'}${
        summary.extraServices ? ` and added ${summary.extraServices} extra services` : ''
      } in ${(summary.ms / 1000).toFixed(1)} s.`,
    );
    if (summary.seededBase) {
      out(`Demo users (password from CAREMAP_DEMO_PASSWORD, default 'caremap-demo'):`);
      for (const local of ['networker', 'coordinator', 'organiser', 'partner', 'admin', 'organiser.cz']) {
        out(`  ${demoEmail(local)}`);
      }
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof DatabaseStartupError) console.error(`${error.message}\n${error.hint}`);
  else console.error(`Seeding failed, nothing was changed: ${describeCause(error)}`);
  process.exit(1);
});
