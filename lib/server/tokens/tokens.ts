// Personal access tokens for scripts: `Authorization: Bearer fdp_…` acts as their owner on
// /api/v1 routes. The token is shown once at creation; only its SHA-256 is stored. Every token
// expires (its lifetime chosen at creation, a year at most), and only a browser session can
// create one (a token cannot mint tokens: getRequiredSessionUser in the route).
import 'server-only';
import { prisma } from '@/lib/db';
import { notFound } from '@/lib/server/errors';
import { claimIdempotencyKey, omitFromReplay } from '@/lib/server/idempotency';
import { LIMITS, spend } from '@/lib/server/rate-limit';
import { hashSecret, newSecret } from '@/lib/server/secrets';
import { createTokenSchema } from '@/lib/validations/token';

const TOKEN_PREFIX = 'fdp_';
const TOKEN_PATTERN = /^fdp_[A-Za-z0-9_-]{43}$/;
/** lastUsedAt is refreshed at most this often, so reads do not all become writes. */
const LAST_USED_RESOLUTION_MS = 60_000;

const tokenSelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
} as const;

function serializeToken(row: {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date;
}) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt.toISOString(),
    expired: row.expiresAt.getTime() <= Date.now(),
  };
}

export async function createToken(options: { userId: string; input: unknown }) {
  const { name, expiresInDays } = createTokenSchema.parse(options.input);
  await spend(LIMITS.tokenCreation, options.userId);
  const { token, hash } = newSecret(TOKEN_PREFIX);
  const row = await prisma.$transaction(async (tx) => {
    // A retry with the same Idempotency-Key gets the first token's description, never a second
    // token — and never the secret again: it is shown once and not kept for replays.
    await claimIdempotencyKey(tx, options.userId);
    omitFromReplay(['token']);
    return tx.apiToken.create({
      data: {
        userId: options.userId,
        name,
        tokenHash: hash,
        prefix: token.slice(0, 10),
        expiresAt: new Date(Date.now() + expiresInDays * 24 * 3600_000),
      },
      select: tokenSelect,
    });
  });
  return { ...serializeToken(row), token };
}

export async function listTokens(options: { userId: string }) {
  const rows = await prisma.apiToken.findMany({
    where: { userId: options.userId, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    select: tokenSelect,
  });
  return rows.map(serializeToken);
}

export async function revokeToken(options: { userId: string; tokenId: string }) {
  const revoked = await prisma.apiToken.updateMany({
    where: { id: options.tokenId, userId: options.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (revoked.count !== 1) throw notFound('Jeton');
  return { id: options.tokenId, revoked: true };
}

/** The owner of a live token, or null (unknown, revoked, expired, malformed). */
export async function getUserByToken(token: string) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: {
      id: true,
      revokedAt: true,
      lastUsedAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true } },
    },
  });
  if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return row.user;
}
