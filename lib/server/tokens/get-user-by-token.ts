// `Authorization: Bearer fdp_…` → the token's owner (lib/server/session.ts), or null for a
// token that is unknown, revoked, expired or malformed. Only the token's SHA-256 is stored.
import 'server-only';
import { prisma } from '@/lib/db';
import { hashSecret } from '@/lib/server/secrets';

const TOKEN_PATTERN = /^fdp_[A-Za-z0-9_-]{43}$/;
/** lastUsedAt is refreshed at most this often, so reads do not all become writes. */
const LAST_USED_RESOLUTION_MS = 60_000;

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
      user: { select: { id: true, email: true, name: true, locale: true } },
    },
  });
  if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return row.user;
}
