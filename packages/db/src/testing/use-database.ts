import { afterAll, beforeAll, inject } from 'vitest';
import type { DatabaseHandle } from '../client';
import { openTestDatabase } from '../testing';

/**
 * Gives the calling test file a migrated database of its own, opened before its tests and dropped
 * after. Read `.current` inside tests and hooks.
 */
export function useTestDatabase(): { readonly current: DatabaseHandle } {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await openTestDatabase(inject('caremapTemplate'));
  });
  afterAll(async () => {
    await handle?.close();
  });
  return {
    get current() {
      if (!handle) throw new Error('useTestDatabase().current read outside a test');
      return handle;
    },
  };
}
