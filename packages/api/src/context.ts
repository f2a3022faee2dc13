import type { Database } from '@caremap/db';
import type { Role } from '@caremap/db/schema';
import type { LoginLimits } from './auth/rate-limit';
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
  /**
   * Origin for links in e-mails (accept/decline): CAREMAP_PUBLIC_URL, else the request's own origin.
   * Absent (tests, scripts): http://localhost:3000.
   */
  publicUrl?: string;
  /** Security settings from the server's configuration; built-in defaults where absent. */
  settings?: Partial<SecuritySettings>;
  /** Network mapping: records not verified for this many months are due (CAREMAP_VERIFY_AFTER_MONTHS, default 12). */
  verifyAfterMonths?: number;
}

export interface SecuritySettings {
  /** Absolute session lifetime (CAREMAP_SESSION_TTL_HOURS). */
  sessionTtlMs: number;
  /** A session unused this long is dead (CAREMAP_SESSION_IDLE_MINUTES). */
  sessionIdleMs: number;
  loginLimits: LoginLimits;
  /** Passwords that never sign anyone in (production refuses the published demo password). */
  refusedPasswords: readonly string[];
}
