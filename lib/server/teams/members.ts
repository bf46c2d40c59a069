// A team's members: listing (every member; e-mail addresses for owners, and each member's own),
// changing a role and removing someone (owners), and leaving (anyone). A team always keeps at
// least one owner; membership changes of one team are serialised by locking the team row, so
// two owners cannot demote each other at once.
import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { can } from '@/lib/permissions';
import { requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError, notFound } from '@/lib/server/errors';
import { notifyMemberRemoved } from '@/lib/server/live/notices';
import { updateMemberSchema } from '@/lib/validations/team';

async function myRoleIn(tx: Tx, teamId: string, userId: string) {
  const membership = await tx.membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { role: true },
  });
  return membership ?? undefined;
}

export async function listMembers(options: { userId: string; teamId: string }) {
  const team = await prisma.team.findFirst({
    where: { id: options.teamId, memberships: { some: { userId: options.userId } } },
    select: {
      id: true,
      name: true,
      memberships: {
        orderBy: { createdAt: 'asc' },
        select: {
          role: true,
          createdAt: true,
          user: { select: { id: true, name: true, email: true } },
        },
      },
    },
  });
  if (!team) throw notFound('Rédaction');
  const me = team.memberships.find((m) => m.user.id === options.userId);
  const myRole = me!.role;
  const seesEmails = can(myRole, 'member.email');
  return {
    team: { id: team.id, name: team.name, myRole },
    members: team.memberships.map((m) => ({
      user: {
        id: m.user.id,
        name: m.user.name,
        // Owners see every address, each member their own; null for the others.
        email: seesEmails || m.user.id === options.userId ? m.user.email : null,
      },
      role: m.role,
      joinedAt: m.createdAt.toISOString(),
    })),
  };
}

async function lockTeam(tx: Tx, teamId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM teams WHERE id = ${teamId}::uuid FOR UPDATE`;
}

async function requireAnotherOwner(tx: Tx, teamId: string, leavingUserId: string) {
  const owners = await tx.membership.count({
    where: { teamId, role: 'owner', userId: { not: leavingUserId } },
  });
  if (owners === 0) {
    throw new AppError(
      'last_owner',
      'La rédaction doit garder au moins un·e propriétaire : nommez-en un·e autre d’abord.',
    );
  }
}

export async function updateMember(options: {
  userId: string;
  teamId: string;
  memberId: string;
  input: unknown;
}) {
  const { role } = updateMemberSchema.parse(options.input);
  return prisma.$transaction(async (tx) => {
    requirePermission(
      await myRoleIn(tx, options.teamId, options.userId),
      'member.manage',
      'Rédaction',
    );
    await lockTeam(tx, options.teamId);
    const member = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: options.teamId, userId: options.memberId } },
      select: { role: true },
    });
    if (!member) throw notFound('Membre');
    if (member.role === 'owner' && role !== 'owner') {
      await requireAnotherOwner(tx, options.teamId, options.memberId);
    }
    await tx.membership.update({
      where: { teamId_userId: { teamId: options.teamId, userId: options.memberId } },
      data: { role },
    });
    await recordAudit(tx, {
      teamId: options.teamId,
      actorId: options.userId,
      action: 'membership.update',
      entityType: 'membership',
      entityId: options.memberId,
      before: { role: member.role },
      after: { role },
    });
    return { userId: options.memberId, role };
  });
}

/** Owners remove anyone; every member may leave (remove themselves). */
export async function removeMember(options: { userId: string; teamId: string; memberId: string }) {
  return prisma.$transaction(async (tx) => {
    const mine = await myRoleIn(tx, options.teamId, options.userId);
    if (options.memberId !== options.userId) {
      requirePermission(mine, 'member.manage', 'Rédaction');
    } else if (!mine) {
      throw notFound('Rédaction');
    }
    await lockTeam(tx, options.teamId);
    const member = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: options.teamId, userId: options.memberId } },
      select: { role: true },
    });
    if (!member) throw notFound('Membre');
    if (member.role === 'owner') await requireAnotherOwner(tx, options.teamId, options.memberId);
    await tx.membership.delete({
      where: { teamId_userId: { teamId: options.teamId, userId: options.memberId } },
    });
    // Their sentences go back to the pool; their verdicts and comments stay (history).
    await tx.sentence.updateMany({
      where: { assigneeId: options.memberId, article: { teamId: options.teamId } },
      data: { assigneeId: null, assignedAt: null },
    });
    await recordAudit(tx, {
      teamId: options.teamId,
      actorId: options.userId,
      action: options.memberId === options.userId ? 'membership.leave' : 'membership.delete',
      entityType: 'membership',
      entityId: options.memberId,
      before: { role: member.role },
    });
    // On commit, every instance closes their live streams on this team's articles at once.
    await notifyMemberRemoved(tx, { teamId: options.teamId, userId: options.memberId });
    return { userId: options.memberId, removed: true };
  });
}
