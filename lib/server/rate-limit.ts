// Rate limits kept in PostgreSQL (one counter row per key), so every app instance sees the same
// counts: fixed windows (failed sign-ins of untrusted clients per account and per address,
// sign-ups per address, token creation per user, bad tokens per address) and growing delays
// (failed sign-ins per account and address). Over the limit: 429 with Retry-After.
import 'server-only';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/server/errors';
import { CLIENT_ADDRESS_HEADER } from '@/lib/security/client-address';

export interface Limit {
  name: string;
  max: number;
  windowSeconds: number;
}

/**
 * A limit whose maximum an operator may change with RATE_LIMIT_<NAME> (e.g.
 * RATE_LIMIT_SIGNUP_ADDRESS=200 behind a newsroom's shared address).
 */
function limit(name: string, max: number, windowSeconds: number): Limit {
  const configured = Number(process.env[`RATE_LIMIT_${name.toUpperCase().replace(/-/g, '_')}`]);
  return {
    name,
    max: Number.isInteger(configured) && configured > 0 ? configured : max,
    windowSeconds,
  };
}

export const LIMITS = {
  /** Failed sign-ins of one account from clients it never signed in from (untrusted). */
  signInAccount: limit('signin-account', 10, 15 * 60),
  /** Failed sign-ins from one address, by untrusted clients. */
  signInAddress: limit('signin-address', 50, 15 * 60),
  signUpAddress: limit('signup-address', 20, 60 * 60),
  tokenCreation: limit('token-create', 20, 60 * 60),
  /**
   * Wrong current passwords of one account where a signed-in session re-proves it (password
   * change, account deletion): a stolen session cannot guess its way to the password.
   */
  passwordCheck: limit('password-check', 10, 15 * 60),
  /** Requests with an unknown or revoked bearer token, per address. */
  badToken: limit('bad-token', 30, 15 * 60),
} satisfies Record<string, Limit>;

export interface LimitState {
  hits: number;
  /** Seconds until the window ends. */
  retryAfter: number;
  blocked: boolean;
}

function keyOf(limit: Limit, subject: string): string {
  return `${limit.name}:${subject.trim().toLowerCase()}`;
}

/** Counts one attempt (atomically, whatever the number of app instances). */
export async function hit(limit: Limit, subject: string): Promise<LimitState> {
  const [row] = await prisma.$queryRaw<{ hits: number; retry_after: number }[]>`
    INSERT INTO rate_limits (key, window_start, hits) VALUES (${keyOf(limit, subject)}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN rate_limits.window_start <= now() - make_interval(secs => ${limit.windowSeconds})
                  THEN 1 ELSE rate_limits.hits + 1 END,
      window_start = CASE WHEN rate_limits.window_start <= now() - make_interval(secs => ${limit.windowSeconds})
                  THEN now() ELSE rate_limits.window_start END,
      last_hit_at = now()
    RETURNING hits,
      ceil(extract(epoch FROM window_start + make_interval(secs => ${limit.windowSeconds}) - now()))::int AS retry_after`;
  return {
    hits: row!.hits,
    retryAfter: Math.max(1, row!.retry_after),
    blocked: row!.hits > limit.max,
  };
}

/** The current count, without counting. */
export async function peek(limit: Limit, subject: string): Promise<LimitState> {
  const [row] = await prisma.$queryRaw<{ hits: number; retry_after: number }[]>`
    SELECT hits,
           ceil(extract(epoch FROM window_start + make_interval(secs => ${limit.windowSeconds}) - now()))::int AS retry_after
      FROM rate_limits
     WHERE key = ${keyOf(limit, subject)}
       AND window_start > now() - make_interval(secs => ${limit.windowSeconds})`;
  if (!row) return { hits: 0, retryAfter: 0, blocked: false };
  return {
    hits: row.hits,
    retryAfter: Math.max(1, row.retry_after),
    blocked: row.hits >= limit.max,
  };
}

function tooManyAttempts(retryAfter: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfter / 60));
  return new AppError('rate_limited', { key: 'rateLimited', values: { minutes } }, { retryAfter });
}

/** Throws 429 when `subject` already used up `limit`. */
export async function requireUnder(limit: Limit, subject: string): Promise<void> {
  const state = await peek(limit, subject);
  if (state.blocked) throw tooManyAttempts(state.retryAfter);
}

/** Counts an attempt and throws 429 once it is over the limit. */
export async function spend(limit: Limit, subject: string): Promise<void> {
  const state = await hit(limit, subject);
  if (state.blocked) throw tooManyAttempts(state.retryAfter);
}

/**
 * The client's address as scripts/serve.ts resolved it from the socket and TRUST_PROXY (never a
 * header the client wrote). Without that server (`next dev`) every request counts as "unknown".
 */
export function clientAddress(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER)?.trim() || 'unknown';
}

/**
 * A growing delay (exponential back-off) rather than a window: the first `free` failures cost
 * nothing, then each failure makes the next attempt wait 1, 2, 4, 8… seconds after it, at most
 * `maxDelaySeconds`. The count is forgotten `forgetAfterSeconds` after the latest failure, or
 * at once by a success (forget()). Nobody is ever shut out for long by a few mistakes.
 */
export interface Backoff {
  name: string;
  free: number;
  maxDelaySeconds: number;
  forgetAfterSeconds: number;
}

export const BACKOFFS = {
  /** Failed sign-ins of one account from one address (or one known device). */
  signIn: {
    name: 'signin-backoff',
    free: 5,
    maxDelaySeconds: 15 * 60,
    forgetAfterSeconds: 24 * 3600,
  },
} satisfies Record<string, Backoff>;

/** Seconds to wait after the latest of `failures` failures. */
export function backoffDelay(backoff: Backoff, failures: number): number {
  if (failures < backoff.free) return 0;
  return Math.min(backoff.maxDelaySeconds, 2 ** (failures - backoff.free));
}

function backoffKey(backoff: Backoff, subject: string): string {
  return `${backoff.name}:${subject.trim().toLowerCase()}`;
}

/** Whether `subject` must still wait before its next attempt (nothing counted). */
export async function peekBackoff(backoff: Backoff, subject: string): Promise<LimitState> {
  const [row] = await prisma.$queryRaw<{ hits: number; since: number }[]>`
    SELECT hits, extract(epoch FROM now() - last_hit_at)::float8 AS since
      FROM rate_limits
     WHERE key = ${backoffKey(backoff, subject)}
       AND last_hit_at > now() - make_interval(secs => ${backoff.forgetAfterSeconds})`;
  if (!row) return { hits: 0, retryAfter: 0, blocked: false };
  const wait = backoffDelay(backoff, row.hits) - row.since;
  return { hits: row.hits, retryAfter: Math.max(1, Math.ceil(wait)), blocked: wait > 0 };
}

/** Counts one failure of `subject`. */
export async function hitBackoff(backoff: Backoff, subject: string): Promise<number> {
  const [row] = await prisma.$queryRaw<{ hits: number }[]>`
    INSERT INTO rate_limits (key, window_start, hits, last_hit_at)
    VALUES (${backoffKey(backoff, subject)}, now(), 1, now())
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN rate_limits.last_hit_at <= now() - make_interval(secs => ${backoff.forgetAfterSeconds})
                  THEN 1 ELSE rate_limits.hits + 1 END,
      window_start = CASE WHEN rate_limits.last_hit_at <= now() - make_interval(secs => ${backoff.forgetAfterSeconds})
                  THEN now() ELSE rate_limits.window_start END,
      last_hit_at = now()
    RETURNING hits`;
  return row!.hits;
}

/** A success: `subject`'s failures are forgotten. */
export async function forgetBackoff(backoff: Backoff, subject: string): Promise<void> {
  await prisma.$executeRaw`DELETE FROM rate_limits WHERE key = ${backoffKey(backoff, subject)}`;
}

/** Counters whose window ended long ago (upkeep at start). */
export async function forgetExpiredLimits(): Promise<number> {
  return prisma.$executeRaw`DELETE FROM rate_limits WHERE last_hit_at < now() - interval '1 day'`;
}
