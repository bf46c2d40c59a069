// Team membership, checked inside each query: the user's id is always part of the `where`,
// so a row outside the user's teams is simply not found (no separate check to forget).
// Role rules come from the one permission table in lib/permissions.ts.
import 'server-only';
import { can, type Permission, type Role } from '@/lib/permissions';
import { AppError, notFound, type ErrorKey, type NotFoundThing } from '@/lib/server/errors';
import { idSchema } from '@/lib/validations/common';

/**
 * Prisma filter: the row belongs to a team the user is a member of — an article, and any other
 * row with a `team` relation (jobs): the one membership rule.
 */
export function articleOfMember(userId: string) {
  if (!userId) throw new AppError('unauthenticated', 'signInRequired');
  return { team: { memberships: { some: { userId } } } };
}

/** Select the caller's own membership row alongside an article. */
export function myMembership(userId: string) {
  return {
    team: { select: { name: true, memberships: { where: { userId }, select: { role: true } } } },
  };
}

/** The 403's message for each permission (`errors.roleCannot.*`: one sentence each). */
const REFUSALS: Record<Permission, ErrorKey> = {
  'article.read': 'roleCannot.articleRead',
  'article.create': 'roleCannot.articleCreate',
  'article.update': 'roleCannot.articleUpdate',
  'article.delete': 'roleCannot.articleDelete',
  'article.publish': 'roleCannot.articlePublish',
  'report.export': 'roleCannot.reportExport',
  'annotation.create': 'roleCannot.annotationCreate',
  'annotation.update': 'roleCannot.annotationUpdate',
  'annotation.moderate': 'roleCannot.annotationModerate',
  'verdict.write': 'roleCannot.verdictWrite',
  'verdict.review': 'roleCannot.verdictReview',
  'dispute.resolve': 'roleCannot.disputeResolve',
  'sentence.assign': 'roleCannot.sentenceAssign',
  'comment.create': 'roleCannot.commentCreate',
  'comment.moderate': 'roleCannot.commentModerate',
  'member.list': 'roleCannot.memberList',
  'member.email': 'roleCannot.memberEmail',
  'member.manage': 'roleCannot.memberManage',
  'invitation.create': 'roleCannot.invitationCreate',
  'audit.read': 'roleCannot.auditRead',
  'team.delete': 'roleCannot.teamDelete',
  'team.settings': 'roleCannot.teamSettings',
  'factcheck.import': 'roleCannot.factCheckImport',
};

/**
 * The caller's role when it grants `permission`; otherwise 403 (a member whose role does not
 * allow it) or 404 (not a member: nothing leaks about other teams).
 */
export function requirePermission(
  membership: { role: Role } | undefined,
  permission: Permission,
  what: NotFoundThing = 'article',
): Role {
  if (!membership) throw notFound(what);
  if (!can(membership.role, permission)) {
    throw new AppError('forbidden', {
      key: REFUSALS[permission],
      values: { role: membership.role },
    });
  }
  return membership.role;
}

/** Route and page ids: anything that is not a UUID cannot exist, so it is a 404. */
export function parseId(value: string, what: NotFoundThing): string {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) throw notFound(what);
  return parsed.data;
}
