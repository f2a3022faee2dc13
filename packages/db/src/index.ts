export {
  type Database,
  type DatabaseHandle,
  migrationsFolder,
  type OpenOptions,
  openDatabase,
  redactUrl,
  selectRows,
} from './client';
export { lockDataDir } from './data-dir-lock';
export { DatabaseStartupError, describeCause, type PgErrorInfo, pgErrorOf } from './errors';
export { hashPassword, verifyPassword } from './password';
export * as schema from './schema/index';
