import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_IMPORT_MAX_MB } from '@caremap/validators';
import { z } from 'zod';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every environment variable CareMap reads; README's "Configuration" lists the same. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** Loopback by default: a machine that runs the demo does not offer it to its whole network. */
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).optional(),
  CAREMAP_DATA_DIR: z.string().min(1).default(resolve(repoRoot, '.caremap/data')),
  /** `development` (default) or `production`, which refuses demo data, demo accounts and the demo password. */
  CAREMAP_ENV: z.enum(['development', 'production']).default('development'),
  /** `auto`: demo data into an empty database on a loopback listener; `demo`: also on other interfaces; `none`. */
  CAREMAP_SEED: z.enum(['auto', 'demo', 'none']).default('auto'),
  CAREMAP_DEMO_PASSWORD: z.string().min(8).default('caremap-demo'),
  CAREMAP_SERVE_FRONTEND: flag.default(true),
  CAREMAP_WEB_ROOT: z.string().min(1).default(repoRoot),
  /** How many reverse proxies stand in front: `false`/0 = none, `true` = 1, or a number of hops. */
  CAREMAP_TRUST_PROXY: z
    .union([flag, z.coerce.number().int().min(0).max(10)])
    .transform((v) => (typeof v === 'number' ? v : v ? 1 : 0))
    .default(0),
  CAREMAP_SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  CAREMAP_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60 * 30)
    .default(60),
  CAREMAP_LOGIN_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(10),
  CAREMAP_LOGIN_MAX_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(50),
  CAREMAP_LOGIN_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Requests per client address and window on the public HSDS API (/api/hsds). */
  CAREMAP_HSDS_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  CAREMAP_HSDS_RATE_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(60),
  /** Vector tile requests per client address and window (/tiles; a map view loads a dozen or two). */
  CAREMAP_TILE_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(3000),
  CAREMAP_TILE_RATE_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(60),
  /** The URL browsers use, e.g. https://caremap.example.org; state-changing requests must come from its origin. */
  CAREMAP_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * SMTP server for conference e-mails, `smtp://user:pass@host:587` or `smtps://...:465`. Unset: e-mails
   * go to the local outbox only (/conferences/outbox), nothing leaves the machine.
   */
  CAREMAP_SMTP_URL: z.url({ protocol: /^smtps?$/, message: 'must be an smtp:// or smtps:// URL' }).optional(),
  /** From: of conference e-mails. */
  CAREMAP_MAIL_FROM: z.string().min(3).default('CareMap <no-reply@caremap.invalid>'),
  // HSDS uploads (POST /api/imports/hsds): the largest accepted file, and where files wait for the
  // import worker (with several replicas: a folder they all share).
  CAREMAP_IMPORT_MAX_MB: z.coerce.number().positive().max(10_240).default(DEFAULT_IMPORT_MAX_MB),
  CAREMAP_IMPORT_DIR: z.string().min(1).default(join(tmpdir(), 'caremap-imports')),
  /** Action items are reminded by e-mail this many days before they are due (and once when overdue). */
  CAREMAP_ACTION_REMINDER_DAYS: z.coerce.number().int().min(0).max(60).default(2),
  /** Network mapping: a record not verified for this many months is due for verification. */
  CAREMAP_VERIFY_AFTER_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /**
   * The maps' basemap: a MapLibre style JSON (an http(s) URL, or a path on this server) instead of the
   * offline one. Its sources may be PMTiles files (`pmtiles://https://…/file.pmtiles`).
   */
  CAREMAP_BASEMAP_STYLE_URL: z
    .string()
    .trim()
    .refine(
      (v) => (v.startsWith('/') && !v.startsWith('//')) || (/^https?:\/\//.test(v) && URL.canParse(v)),
      'must be an http(s) URL or a path on this server starting with /',
    )
    .optional(),
  /** More origins the basemap style loads from (its tiles, PMTiles, glyphs, sprite), comma-separated. */
  CAREMAP_BASEMAP_ORIGINS: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const origins: string[] = [];
      for (const part of v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)) {
        const url = URL.canParse(part) ? new URL(part) : undefined;
        if (!url || !/^https?:$/.test(url.protocol) || url.origin === 'null') {
          ctx.addIssue({ code: 'custom', message: `${part} is not an http(s) origin` });
          return z.NEVER;
        }
        origins.push(url.origin);
      }
      return origins;
    }),
  CAREMAP_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

/** Validates the environment once, at start; the message names each bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = result.data;
  if (env.CAREMAP_ENV === 'production' && env.CAREMAP_SEED === 'demo') {
    throw new ConfigError(
      'Invalid configuration:\n  CAREMAP_SEED: demo data is refused with CAREMAP_ENV=production (use CAREMAP_SEED=none)',
    );
  }
  return env;
}

/** Whether the listener is reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  return /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i.test(host);
}
