// Invitation links: a single-use token carrying a role and an expiry. No mail server: the link
// is shown once to the inviter, who passes it on. Owners invite any role, editors reviewers and
// viewers — and revoke the same (an editor cannot revoke an invitation to be an owner or an
// editor). Only the token's hash is stored; accepting consumes it atomically.
import 'server-only';
import { prisma } from '@/lib/db';
import { invitableRoles } from '@/lib/permissions';
import { requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError, notFound } from '@/lib/server/errors';
import { hashSecret, newSecret } from '@/lib/server/secrets';
import { createInvitationSchema, invitationTokenSchema } from '@/lib/validations/team';

const DAY_MS = 24 * 60 * 60 * 1000;

export function invitationUrl(baseUrl: string, token: string): string {
  return new URL(`/invitations/${token}`, baseUrl).toString();
}

export async function createInvitation(options: {
  userId: string;
  teamId: string;
  baseUrl: string;
  input: unknown;
}) {
  const { role, expiresInDays } = createInvitationSchema.parse(options.input);
  return prisma.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: options.teamId, userId: options.userId } },
      select: { role: true },
    });
    const myRole = requirePermission(membership ?? undefined, 'invitation.create', 'Rédaction');
    if (!invitableRoles(myRole).includes(role)) {
      throw new AppError(
        'forbidden',
        `Votre rôle (${myRole}) ne permet pas d’inviter un·e membre avec le rôle ${role}.`,
      );
    }
    const { token, hash } = newSecret('fdi_');
    const invitation = await tx.invitation.create({
      data: {
        teamId: options.teamId,
        role,
        tokenHash: hash,
        createdById: options.userId,
        expiresAt: new Date(Date.now() + expiresInDays * DAY_MS),
      },
      select: { id: true, role: true, expiresAt: true },
    });
    await recordAudit(tx, {
      teamId: options.teamId,
      actorId: options.userId,
      action: 'invitation.create',
      entityType: 'invitation',
      entityId: invitation.id,
      after: { role, expiresAt: invitation.expiresAt.toISOString() },
    });
    return {
      id: invitation.id,
      role: invitation.role,
      token,
      url: invitationUrl(options.baseUrl, token),
      expiresAt: invitation.expiresAt.toISOString(),
    };
  });
}

/** Pending invitations of a team, for those who may invite. */
export async function listInvitations(options: { userId: string; teamId: string }) {
  const membership = await prisma.membership.findUnique({
    where: { teamId_userId: { teamId: options.teamId, userId: options.userId } },
    select: { role: true },
  });
  requirePermission(membership ?? undefined, 'invitation.create', 'Rédaction');
  const rows = await prisma.invitation.findMany({
    where: {
      teamId: options.teamId,
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
    },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      role: true,
      expiresAt: true,
      createdAt: true,
      createdBy: { select: { id: true, name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
  }));
}

export async function revokeInvitation(options: {
  userId: string;
  teamId: string;
  invitationId: string;
}) {
  return prisma.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: options.teamId, userId: options.userId } },
      select: { role: true },
    });
    const myRole = requirePermission(membership ?? undefined, 'invitation.create', 'Rédaction');
    const pending = {
      id: options.invitationId,
      teamId: options.teamId,
      acceptedAt: null,
      revokedAt: null,
    };
    const invitation = await tx.invitation.findFirst({ where: pending, select: { role: true } });
    if (!invitation) throw notFound('Invitation');
    // Who may create it may revoke it: editors only the reviewer and viewer invitations.
    if (!invitableRoles(myRole).includes(invitation.role)) {
      throw new AppError(
        'forbidden',
        `Votre rôle (${myRole}) ne permet pas de révoquer une invitation avec le rôle ${invitation.role}.`,
      );
    }
    const revoked = await tx.invitation.updateMany({
      where: pending,
      data: { revokedAt: new Date() },
    });
    if (revoked.count !== 1) throw notFound('Invitation');
    await recordAudit(tx, {
      teamId: options.teamId,
      actorId: options.userId,
      action: 'invitation.revoke',
      entityType: 'invitation',
      entityId: options.invitationId,
    });
    return { id: options.invitationId, revoked: true };
  });
}

function parseToken(token: string): string {
  if (!invitationTokenSchema.safeParse(token).success) throw invalidInvitation();
  return hashSecret(token);
}

function invalidInvitation(): AppError {
  return new AppError(
    'invitation_invalid',
    'Ce lien d’invitation n’est plus valable (déjà utilisé, révoqué ou expiré).',
  );
}

/** What an invitation offers, shown before accepting it (to a signed-in person). */
export async function getInvitation(options: { userId: string; token: string }) {
  const invitation = await prisma.invitation.findUnique({
    where: { tokenHash: parseToken(options.token) },
    select: {
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      team: { select: { id: true, name: true } },
      createdBy: { select: { name: true } },
    },
  });
  if (
    !invitation ||
    invitation.acceptedAt ||
    invitation.revokedAt ||
    invitation.expiresAt <= new Date()
  ) {
    throw invalidInvitation();
  }
  const already = await prisma.membership.findUnique({
    where: { teamId_userId: { teamId: invitation.team.id, userId: options.userId } },
    select: { role: true },
  });
  return {
    team: invitation.team,
    role: invitation.role,
    invitedBy: invitation.createdBy?.name ?? null,
    expiresAt: invitation.expiresAt.toISOString(),
    alreadyMember: already !== null,
  };
}

export async function acceptInvitation(options: { userId: string; token: string }) {
  const tokenHash = parseToken(options.token);
  return prisma.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash },
      select: { id: true, teamId: true, role: true },
    });
    if (!invitation) throw invalidInvitation();
    const already = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: invitation.teamId, userId: options.userId } },
      select: { role: true },
    });
    if (already) {
      throw new AppError('invalid_state', 'Vous êtes déjà membre de cette rédaction.');
    }
    // Consumed only if still valid, in one statement: two people cannot both use one link.
    const now = new Date();
    const consumed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now, acceptedById: options.userId },
    });
    if (consumed.count !== 1) throw invalidInvitation();
    await tx.membership.create({
      data: { teamId: invitation.teamId, userId: options.userId, role: invitation.role },
    });
    await recordAudit(tx, {
      teamId: invitation.teamId,
      actorId: options.userId,
      action: 'invitation.accept',
      entityType: 'invitation',
      entityId: invitation.id,
      after: { role: invitation.role },
    });
    await recordAudit(tx, {
      teamId: invitation.teamId,
      actorId: options.userId,
      action: 'membership.create',
      entityType: 'membership',
      entityId: options.userId,
      after: { role: invitation.role },
    });
    const team = await tx.team.findUniqueOrThrow({
      where: { id: invitation.teamId },
      select: { id: true, name: true },
    });
    return { team, role: invitation.role };
  });
}
