// The one way to know who is calling: a personal access token (`Authorization: Bearer …`, for
// scripts) or the next-auth session, checked against the database (a deleted account's
// still-valid JWT gets nothing). Cached per request with React cache().
import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { authOptions } from '@/lib/auth/options';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/server/errors';
import { clientAddress, hit, LIMITS, requireUnder } from '@/lib/server/rate-limit';
import { getUserByToken } from '@/lib/server/tokens/tokens';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const requestHeaders = await headers();
  const authorization = requestHeaders.get('authorization');
  if (authorization !== null) {
    // A script that sends a token means it: a bad token is refused, never a cookie fallback.
    // Guessing tokens is throttled per address (bad tokens counted, 429 over the limit).
    const address = clientAddress(requestHeaders);
    await requireUnder(LIMITS.badToken, address);
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const user = match ? await getUserByToken(match[1]) : null;
    if (!user) await hit(LIMITS.badToken, address);
    return user;
  }
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  return prisma.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
});

export async function getRequiredUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthenticated', 'Connexion requise.');
  return user;
}

/**
 * For pages and layouts: the signed-in user, or a redirect to the sign-in page (back to `next`
 * afterwards when given). Layouts and pages render in parallel, so each page checks for itself.
 */
export async function getPageUser(next?: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(next ? `/sign-in?callbackUrl=${encodeURIComponent(next)}` : '/sign-in');
  return user;
}
