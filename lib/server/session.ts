// The one way to know who is calling: the next-auth session, checked against the database
// (a deleted account's still-valid JWT gets nothing). Cached per request with React cache().
import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { authOptions } from '@/lib/auth/options';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/server/errors';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
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
 * For pages and layouts: the signed-in user, or a redirect to the sign-in page. Layouts and
 * pages render in parallel, so each page checks for itself rather than relying on its layout.
 */
export async function getPageUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  return user;
}
