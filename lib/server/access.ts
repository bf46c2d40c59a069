// Team membership, checked inside each query: the user's id is always part of the `where`,
// so a row outside the user's teams is simply not found (no separate check to forget).
import 'server-only';
import type { Role } from '@/generated/prisma/client';
import { AppError, notFound } from '@/lib/server/errors';
import { idSchema } from '@/lib/validations/common';

export const WRITER_ROLES: readonly Role[] = ['owner', 'editor', 'reviewer'];
export const EDITOR_ROLES: readonly Role[] = ['owner', 'editor'];

/** Prisma filter: the article belongs to a team the user is a member of. */
export function articleOfMember(userId: string) {
  if (!userId) throw new AppError('unauthenticated', 'Connexion requise.');
  return { team: { memberships: { some: { userId } } } };
}

/** Select the caller's own membership row alongside an article. */
export function myMembership(userId: string) {
  return {
    team: { select: { name: true, memberships: { where: { userId }, select: { role: true } } } },
  };
}

export function requireRole(
  membership: { role: Role } | undefined,
  allowed: readonly Role[],
  action: string,
): Role {
  if (!membership) throw notFound('Article');
  if (!allowed.includes(membership.role)) {
    throw new AppError('forbidden', `Votre rôle (${membership.role}) ne permet pas de ${action}.`);
  }
  return membership.role;
}

/** Route and page ids: anything that is not a UUID cannot exist, so it is a 404. */
export function parseId(value: string, what: string): string {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) throw notFound(what);
  return parsed.data;
}
