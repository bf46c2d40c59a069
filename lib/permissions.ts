// Who may do what in a team: the one table of role permissions. The server enforces it in
// lib/server (requirePermission); the UI reads it only to hide what would be refused anyway.
// Pure: shared by server and client code.

import { Role } from '@/generated/prisma/enums';

/** A member's role: the schema's enum (prisma/schema.prisma), the one declaration. */
export type { Role };
/** Every role, most powerful first (the schema's order). */
export const ROLES: readonly Role[] = Object.values(Role);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Propriétaire',
  editor: 'Éditeur·rice',
  reviewer: 'Vérificateur·rice',
  viewer: 'Lecteur·rice',
};

const ALL: readonly Role[] = ROLES;
const WRITERS: readonly Role[] = ['owner', 'editor', 'reviewer'];
const EDITORS: readonly Role[] = ['owner', 'editor'];
const OWNERS: readonly Role[] = ['owner'];

export const PERMISSIONS = {
  'article.read': ALL,
  'article.create': EDITORS,
  'article.update': EDITORS,
  /** For good, with everything on it (lib/server/articles/delete-article.ts). */
  'article.delete': EDITORS,
  /** Publish an article's approved verdicts at its public address, or withdraw them. */
  'article.publish': EDITORS,
  'report.export': ALL,
  'annotation.create': WRITERS,
  /** Own highlights; editors and owners may change or delete anyone's. */
  'annotation.update': WRITERS,
  'annotation.moderate': EDITORS,
  'verdict.write': WRITERS,
  /** Approve or send back someone else's submitted verdict. */
  'verdict.review': WRITERS,
  'dispute.resolve': EDITORS,
  'sentence.assign': EDITORS,
  'comment.create': ALL,
  'comment.moderate': EDITORS,
  'member.list': ALL,
  /** Every member's e-mail address; the others see names and roles (and their own address). */
  'member.email': OWNERS,
  'member.manage': OWNERS,
  'invitation.create': EDITORS,
  'audit.read': OWNERS,
  /** For good, with its articles (lib/server/teams/delete-team.ts). */
  'team.delete': OWNERS,
  /** The team's settings, e.g. whether a party may settle a dispute (update-team.ts). */
  'team.settings': OWNERS,
  /** Import other organisations' ClaimReviews, follow their feeds, choose which are trusted. */
  'factcheck.import': EDITORS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Roles a member may hand out by invitation: owners any, editors reviewers and viewers. */
export function invitableRoles(role: Role | null | undefined): Role[] {
  if (role === 'owner') return [...ROLES];
  if (role === 'editor') return ['reviewer', 'viewer'];
  return [];
}
