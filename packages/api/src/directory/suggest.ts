// "Suggest an edit" without signing in and without a third-party captcha: a honeypot field (in the
// input schema), a rate limit per client address, and a small proof of work. The server hands out
// a signed, expiring challenge; the browser finds a nonce so that sha256(challenge + nonce) starts
// with `bits` zero bits (about 2^bits hashes, well under a second); each solved challenge is
// accepted once. Suggestions wait in `suggestion` for a coordinator.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Database, schema, selectRows } from '@caremap/db';
import type { suggestEditInput } from '@caremap/validators';
import { sql } from 'drizzle-orm';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { z } from 'zod';

export interface SuggestionLimits {
  /** Proof-of-work difficulty: leading zero bits of sha256(challenge + nonce). */
  bits: number;
  /** How long a challenge may be used, seconds. */
  challengeSeconds: number;
  /** Suggestions one address may send per window. */
  perAddress: number;
  windowSeconds: number;
}

export const DEFAULT_SUGGESTION_LIMITS: SuggestionLimits = {
  bits: 16,
  challengeSeconds: 10 * 60,
  perAddress: 5,
  windowSeconds: 60 * 60,
};

// Signs challenges. Per process: a challenge is answered by the process that issued it within
// minutes; several replicas need CAREMAP_SUGGESTION_SECRET so that they agree.
const secret = process.env.CAREMAP_SUGGESTION_SECRET
  ? Buffer.from(process.env.CAREMAP_SUGGESTION_SECRET)
  : randomBytes(32);

const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export interface Challenge {
  challenge: string;
  bits: number;
  expiresAt: string;
}

export function issueChallenge(
  limits: SuggestionLimits = DEFAULT_SUGGESTION_LIMITS,
  now = new Date(),
): Challenge {
  const expires = new Date(now.getTime() + limits.challengeSeconds * 1000);
  const payload = `${randomBytes(12).toString('base64url')}.${limits.bits}.${expires.getTime()}`;
  return { challenge: `${payload}.${sign(payload)}`, bits: limits.bits, expiresAt: expires.toISOString() };
}

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** What the browser does (with WebCrypto); here for tests and scripted clients. */
export function solveChallenge(challenge: string, bits: number): string {
  for (let i = 0; ; i++) {
    const nonce = i.toString(36);
    if (
      leadingZeroBits(
        createHash('sha256')
          .update(challenge + nonce)
          .digest(),
      ) >= bits
    )
      return nonce;
  }
}

export class SuggestionRefused extends Error {
  constructor(
    readonly reason: 'bad_challenge' | 'expired' | 'weak_proof' | 'reused' | 'rate_limited' | 'not_found',
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'SuggestionRefused';
  }
}

/** Checks the signature, expiry and work; throws SuggestionRefused naming what is wrong. */
export function verifyChallenge(challenge: string, nonce: string, now = new Date()): void {
  const parts = challenge.split('.');
  if (parts.length !== 4) throw new SuggestionRefused('bad_challenge', 'challenge: not one we issued');
  const payload = parts.slice(0, 3).join('.');
  const given = Buffer.from(parts[3]!);
  const expected = Buffer.from(sign(payload));
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new SuggestionRefused('bad_challenge', 'challenge: not one we issued');
  if (Number(parts[2]) < now.getTime())
    throw new SuggestionRefused('expired', 'challenge: expired, ask for a new one');
  const bits = Number(parts[1]);
  if (
    leadingZeroBits(
      createHash('sha256')
        .update(challenge + nonce)
        .digest(),
    ) < bits
  )
    throw new SuggestionRefused(
      'weak_proof',
      `nonce: sha256(challenge + nonce) must start with ${bits} zero bits`,
    );
}

const limiters = new WeakMap<
  Database,
  Map<string, { address: RateLimiterDrizzle; once: RateLimiterDrizzle }>
>();
function limitersFor(db: Database, limits: SuggestionLimits) {
  const key = `${limits.perAddress}/${limits.windowSeconds}/${limits.challengeSeconds}`;
  let byKey = limiters.get(db);
  if (!byKey) {
    byKey = new Map();
    limiters.set(db, byKey);
  }
  let entry = byKey.get(key);
  if (!entry) {
    entry = {
      address: new RateLimiterDrizzle({
        storeClient: db,
        schema: schema.rateLimit,
        keyPrefix: 'suggest_address',
        points: limits.perAddress,
        duration: limits.windowSeconds,
      }),
      // One point per challenge for its whole life: a solved challenge cannot be replayed.
      once: new RateLimiterDrizzle({
        storeClient: db,
        schema: schema.rateLimit,
        keyPrefix: 'suggest_challenge',
        points: 1,
        duration: limits.challengeSeconds + 60,
      }),
    };
    byKey.set(key, entry);
  }
  return entry;
}

// Counter keys are hashes: the table holds no IP address.
const digest = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 32);

const targets = {
  service: sql`service`,
  organization: sql`organization`,
  location: sql`location`,
} as const;

/** Stores a suggestion after every check; returns its id. */
export async function submitSuggestion(
  db: Database,
  input: z.output<typeof suggestEditInput>,
  clientKey: string,
  limits: SuggestionLimits = DEFAULT_SUGGESTION_LIMITS,
): Promise<{ id: string }> {
  verifyChallenge(input.challenge, input.nonce);
  const { address, once } = limitersFor(db, limits);
  try {
    await address.consume(digest(clientKey));
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    throw new SuggestionRefused(
      'rate_limited',
      'too many suggestions from this address; try again later',
      Math.ceil(error.msBeforeNext / 1000),
    );
  }
  try {
    await once.consume(digest(input.challenge));
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    throw new SuggestionRefused('reused', 'challenge: already used, ask for a new one');
  }
  const [exists] = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${targets[input.targetEntity]} where id = ${input.targetId}::uuid`,
  );
  if (!exists?.n) throw new SuggestionRefused('not_found', `targetId: no ${input.targetEntity} with this id`);
  const [row] = await db
    .insert(schema.suggestion)
    .values({
      targetEntity: input.targetEntity,
      targetId: input.targetId,
      changes: input.changes as Record<string, string>,
      comment: input.comment ?? null,
      submitterName: input.submitterName ?? null,
      submitterEmail: input.submitterEmail ?? null,
      language: input.language,
    })
    .returning({ id: schema.suggestion.id });
  return { id: row!.id };
}
