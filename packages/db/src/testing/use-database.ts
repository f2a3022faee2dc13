import { afterAll, beforeAll, inject } from 'vitest';
import type { DatabaseHandle } from '../client';
import { type PgErrorInfo, pgErrorOf } from '../errors';
import { openTestDatabase, type TemplateRef } from '../testing';

declare module 'vitest' {
  export interface ProvidedContext {
    caremapTemplate: TemplateRef;
  }
}

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

/** The PostgreSQL error a write failed with; fails the test when the write succeeded. */
export async function dbFailure(write: PromiseLike<unknown>): Promise<PgErrorInfo> {
  try {
    await write;
  } catch (error) {
    const info = pgErrorOf(error);
    if (info) return info;
    throw error;
  }
  throw new Error('expected the database to refuse this write, but it succeeded');
}
