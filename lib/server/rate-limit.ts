// Rate limits kept in PostgreSQL (one counter row per key, fixed window), so every app instance
// sees the same counts: failed sign-ins per account and per address, sign-ups per address,
// token creation per user, bad tokens per address. Over the limit: 429 with Retry-After.
import 'server-only';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/server/errors';

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
  /** Failed sign-ins of one account. */
  signInAccount: limit('signin-account', 10, 15 * 60),
  /** Failed sign-ins from one address. */
  signInAddress: limit('signin-address', 50, 15 * 60),
  signUpAddress: limit('signup-address', 20, 60 * 60),
  tokenCreation: limit('token-create', 20, 60 * 60),
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
                  THEN now() ELSE rate_limits.window_start END
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

export function tooManyAttempts(retryAfter: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfter / 60));
  return new AppError(
    'rate_limited',
    `Trop de tentatives : réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
    { retryAfter },
  );
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

/** The client's address as the app sees it: the first x-forwarded-for hop, else "local". */
export function clientAddress(headers: Headers): string {
  return (
    headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || 'local'
  );
}

/** Counters whose window ended long ago (upkeep at start). */
export async function forgetExpiredLimits(): Promise<number> {
  return prisma.$executeRaw`DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'`;
}
