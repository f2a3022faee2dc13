import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DatabaseStartupError } from './errors';

/**
 * One process at a time may open an embedded data directory: two PGlite instances writing the same
 * files would corrupt it. The lock is a pid file. A pid lock (rather than an mtime-based one such as
 * proper-lockfile's) frees itself the moment its owner dies, so a server killed with -9 restarts at once.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'caremap.lock');
  const me = `${process.pid}@${hostname()}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, me);
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, 'utf8') === me) rmSync(path);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(path);
      if (owner && owner.host === hostname() && isAlive(owner.pid) && owner.pid !== process.pid) {
        throw new DatabaseStartupError(
          'data_dir_locked',
          `The data directory ${dataDir} is in use by another CareMap process (pid ${owner.pid}).`,
          'Stop that process first, or set CAREMAP_DATA_DIR to another directory.',
        );
      }
      // The owner is gone (crashed or killed): the lock is stale, take it over.
      rmSync(path, { force: true });
    }
  }
  throw new DatabaseStartupError(
    'data_dir_locked',
    `Could not lock the data directory ${dataDir}.`,
    'Check that the directory is writable.',
  );
}

function readOwner(path: string): { pid: number; host: string } | undefined {
  try {
    const [pid, host] = readFileSync(path, 'utf8').split('@');
    const n = Number(pid);
    return Number.isInteger(n) && n > 0 && host ? { pid: n, host } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
