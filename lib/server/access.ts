// Team membership, checked inside each query: the user's id is always part of the `where`,
// so a row outside the user's teams is simply not found (no separate check to forget).
// Role rules come from the one permission table in lib/permissions.ts.
import 'server-only';
import { can, type Permission, type Role } from '@/lib/permissions';
import { AppError, notFound } from '@/lib/server/errors';
import { idSchema } from '@/lib/validations/common';

/**
 * Prisma filter: the row belongs to a team the user is a member of — an article, and any other
 * row with a `team` relation (jobs): the one membership rule.
 */
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

const ACTION_LABELS: Record<Permission, string> = {
  'article.read': 'de lire cet article',
  'article.create': 'd’ajouter un article',
  'article.update': 'de modifier un article',
  'article.delete': 'de supprimer un article',
  'report.export': 'd’exporter le rapport',
  'annotation.create': 'de surligner',
  'annotation.update': 'de modifier un surlignage',
  'annotation.moderate': 'de modifier le surlignage d’un·e autre membre',
  'verdict.write': 'de donner un verdict',
  'verdict.review': 'd’approuver ou renvoyer un verdict',
  'dispute.resolve': 'de trancher un litige',
  'sentence.assign': 'd’attribuer une phrase',
  'comment.create': 'de commenter',
  'comment.moderate': 'de supprimer le commentaire d’un·e autre membre',
  'member.list': 'de voir les membres',
  'member.email': 'de voir l’adresse e-mail des membres',
  'member.manage': 'de gérer les membres',
  'invitation.create': 'd’inviter',
  'audit.read': 'de consulter le journal de l’équipe',
  'team.delete': 'de supprimer la rédaction',
  'team.settings': 'de modifier les réglages de la rédaction',
};

/**
 * The caller's role when it grants `permission`; otherwise 403 (a member whose role does not
 * allow it) or 404 (not a member: nothing leaks about other teams).
 */
export function requirePermission(
  membership: { role: Role } | undefined,
  permission: Permission,
  what = 'Article',
): Role {
  if (!membership) throw notFound(what);
  if (!can(membership.role, permission)) {
    throw new AppError(
      'forbidden',
      `Votre rôle (${membership.role}) ne permet pas ${ACTION_LABELS[permission]}.`,
    );
  }
  return membership.role;
}

/** Route and page ids: anything that is not a UUID cannot exist, so it is a 404. */
export function parseId(value: string, what: string): string {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) throw notFound(what);
  return parsed.data;
}
