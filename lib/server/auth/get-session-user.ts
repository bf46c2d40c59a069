// Every request's session check: the user of a live session (one primary-key lookup), its
// expiry sliding with use (lib/server/auth/session-expiry.ts).
import 'server-only';
import { prisma } from '@/lib/db';
import { sessionExpiry } from './session-expiry';

/** lastSeenAt (and the sliding expiry) is refreshed at most this often. */
const SEEN_RESOLUTION_MS = 60_000;

/** The user of a live session (not revoked, not expired), or null. */
export async function getSessionUser(options: { sessionId: string; userId: string }) {
  if (!/^[0-9a-f-]{36}$/i.test(options.sessionId)) return null;
  const row = await prisma.session.findFirst({
    where: {
      id: options.sessionId,
      userId: options.userId,
      revokedAt: null,
      expiresAt: { gt: new Date() },
    },
    select: {
      lastSeenAt: true,
      user: { select: { id: true, email: true, name: true, locale: true } },
    },
  });
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > SEEN_RESOLUTION_MS) {
    await prisma.session.updateMany({
      where: { id: options.sessionId, revokedAt: null },
      data: { lastSeenAt: new Date(), expiresAt: sessionExpiry() },
    });
  }
  return row.user;
}
