import type { Database } from '@caremap/db';
import type { Role } from '@caremap/db/schema';
import type { Actor } from './policy';

export interface SessionUser extends Actor {
  email: string;
  displayName: string;
  locale: 'hu' | 'cs' | 'tr' | 'en';
  roles: Array<{ role: Role; agencyId: string; agencyName: string }>;
}

/**
 * What a procedure may use. The HTTP layer (apps/api) builds it per request; this package knows no
 * HTTP: the session cookie arrives as a token and leaves through `setSessionToken`.
 */
export interface Context {
  db: Database;
  requestId: string;
  /** The caller's address, for rate limiting only; never logged or stored. */
  clientKey: string;
  user: SessionUser | null;
  sessionToken: string | null;
  setSessionToken: (token: string | null, expiresAt?: Date) => void;
}
