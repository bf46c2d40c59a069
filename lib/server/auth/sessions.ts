// Browser sessions as rows: the next-auth JWT only carries the session's id (`sid`), and every
// request reads the row (one primary-key lookup that also returns the user), so a session ends
// the moment it is revoked — by signing out, by "sign out everywhere", by a password change —
// instead of living on until its JWT expires. Idle sessions end after SESSION_MAX_AGE_SECONDS,
// like the JWT (the expiry slides with use, refreshed at most once a minute).
import 'server-only';
import bcrypt from 'bcryptjs';
import { prisma } from '@/lib/db';
import { AppError, notFound } from '@/lib/server/errors';
import { hit, LIMITS, requireUnder } from '@/lib/server/rate-limit';
import { BCRYPT_COST } from '@/lib/server/users/create-user';
import { changePasswordSchema } from '@/lib/validations/auth';

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
/** lastSeenAt (and the sliding expiry) is refreshed at most this often. */
const SEEN_RESOLUTION_MS = 60_000;

const expiry = () => new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);

export async function createSession(options: { userId: string; userAgent?: string | null }) {
  const row = await prisma.session.create({
    data: {
      userId: options.userId,
      userAgent: (options.userAgent ?? '').slice(0, 200),
      expiresAt: expiry(),
    },
    select: { id: true },
  });
  return row.id;
}

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
    select: { lastSeenAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > SEEN_RESOLUTION_MS) {
    await prisma.session.updateMany({
      where: { id: options.sessionId, revokedAt: null },
      data: { lastSeenAt: new Date(), expiresAt: expiry() },
    });
  }
  return row.user;
}

export async function revokeSession(options: { userId: string; sessionId: string }) {
  const { count } = await prisma.session.updateMany({
    where: { id: options.sessionId, userId: options.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count !== 1) throw notFound('Session');
  return { id: options.sessionId, revoked: true };
}

/** "Sign out everywhere": every session of the user ends (`except` one, when given). */
export async function revokeAllSessions(options: { userId: string; except?: string | null }) {
  const { count } = await prisma.session.updateMany({
    where: {
      userId: options.userId,
      revokedAt: null,
      ...(options.except ? { id: { not: options.except } } : {}),
    },
    data: { revokedAt: new Date() },
  });
  return { revoked: count };
}

export async function listSessions(options: { userId: string; currentSessionId: string | null }) {
  const rows = await prisma.session.findMany({
    where: { userId: options.userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, userAgent: true },
  });
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    userAgent: row.userAgent,
    current: row.id === options.currentSessionId,
  }));
}

/**
 * A new password, given the current one; every other session ends (the one making the change
 * stays signed in). Access tokens are not touched: they are revoked one by one in the settings.
 */
export async function changePassword(options: {
  userId: string;
  currentSessionId: string | null;
  input: unknown;
}) {
  const { currentPassword, newPassword } = changePasswordSchema.parse(options.input);
  await requireUnder(LIMITS.passwordCheck, options.userId);
  const user = await prisma.user.findUnique({
    where: { id: options.userId },
    select: { passwordHash: true },
  });
  if (!user || !(await bcrypt.compare(currentPassword, user.passwordHash))) {
    await hit(LIMITS.passwordCheck, options.userId);
    throw new AppError('invalid_credentials', 'Mot de passe actuel incorrect.');
  }
  const passwordHash = await bcrypt.hash(newPassword, BCRYPT_COST);
  const revoked = await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: options.userId }, data: { passwordHash } });
    const { count } = await tx.session.updateMany({
      where: {
        userId: options.userId,
        revokedAt: null,
        ...(options.currentSessionId ? { id: { not: options.currentSessionId } } : {}),
      },
      data: { revokedAt: new Date() },
    });
    return count;
  });
  return { changed: true, otherSessionsRevoked: revoked };
}

/** Sessions long expired or revoked (upkeep at start). */
export async function forgetEndedSessions(): Promise<number> {
  const { count } = await prisma.session.deleteMany({
    where: {
      OR: [
        { expiresAt: { lt: new Date(Date.now() - 24 * 3600_000) } },
        { revokedAt: { lt: new Date(Date.now() - 24 * 3600_000) } },
      ],
    },
  });
  return count;
}
