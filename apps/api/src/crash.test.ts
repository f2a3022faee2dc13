// kill -9 while writing, start again: the server comes back and every write it acknowledged is there.
import { openDatabase, schema } from '@caremap/db';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freePort, scratchDatabase, spawnServer, waitUntilReady } from '../test/spawn';

const apiOnly = { CAREMAP_SERVE_FRONTEND: 'false', CAREMAP_SEED: 'none' };

describe('crash safety', () => {
  it('keeps every acknowledged write across kill -9', async () => {
    const db = await scratchDatabase();
    try {
      const first = spawnServer({ ...apiOnly, ...db.env }, await freePort());
      await waitUntilReady(first);

      // Each failed sign-in appends an audit row before the answer is sent, so every 401/429 seen
      // here is a committed write. Several are in flight when the process is killed.
      let acknowledged = 0;
      let stop = false;
      const writer = async (n: number) => {
        for (let i = 0; !stop; i++) {
          try {
            const res = await fetch(`${first.url}/trpc/auth.login`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ json: { email: `w${n}-${i}@crash.test`, password: 'x' } }),
            });
            await res.arrayBuffer();
            if (res.status === 401 || res.status === 429) acknowledged++;
          } catch {
            return; // the server is gone
          }
        }
      };
      const writers = [1, 2, 3, 4].map(writer);
      await new Promise((r) => setTimeout(r, 2500));
      first.child.kill('SIGKILL');
      stop = true;
      await Promise.all(writers);
      await first.exited;
      expect(acknowledged).toBeGreaterThan(5);

      const second = spawnServer({ ...apiOnly, ...db.env }, await freePort());
      await waitUntilReady(second);
      expect(await second.stop('SIGTERM')).toBe(0);

      const handle = await openDatabase({
        databaseUrl: db.env.DATABASE_URL,
        dataDir: db.env.CAREMAP_DATA_DIR,
      });
      try {
        const [row] = await handle.db
          .select({ n: count() })
          .from(schema.auditLog)
          .where(eq(schema.auditLog.action, 'auth.login'));
        expect(row!.n).toBeGreaterThanOrEqual(acknowledged);
      } finally {
        await handle.close();
      }
    } finally {
      await db.dispose();
    }
  }, 180_000); // starts, kills and restarts real server processes
});
