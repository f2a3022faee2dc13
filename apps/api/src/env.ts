import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every environment variable CareMap reads; README's "Configuration" lists the same. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().min(1).optional(),
  CAREMAP_DATA_DIR: z.string().min(1).default(resolve(repoRoot, '.caremap/data')),
  CAREMAP_SEED: z.enum(['auto', 'none']).default('auto'),
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
  return result.data;
}
