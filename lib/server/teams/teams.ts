// Teams: the ones I belong to (with my role), and creating one (I become its owner).
import 'server-only';
import { prisma } from '@/lib/db';
import type { Role } from '@/lib/permissions';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { createTeamSchema } from '@/lib/validations/team';

export async function listTeams(options: { userId: string }) {
  const memberships = await prisma.membership.findMany({
    where: { userId: options.userId },
    orderBy: { team: { name: 'asc' } },
    select: {
      role: true,
      team: { select: { id: true, name: true, _count: { select: { memberships: true } } } },
    },
  });
  return memberships.map((m) => ({
    id: m.team.id,
    name: m.team.name,
    role: m.role,
    memberCount: m.team._count.memberships,
  }));
}

export async function createTeam(options: { userId: string; input: unknown }) {
  const { name } = createTeamSchema.parse(options.input);
  return prisma.$transaction(async (tx) => {
    const team = await tx.team.create({ data: { name }, select: { id: true, name: true } });
    await tx.membership.create({
      data: { teamId: team.id, userId: options.userId, role: 'owner' },
    });
    await recordAudit(tx, {
      teamId: team.id,
      actorId: options.userId,
      action: 'team.create',
      entityType: 'team',
      entityId: team.id,
      after: { name },
    });
    await recordAudit(tx, {
      teamId: team.id,
      actorId: options.userId,
      action: 'membership.create',
      entityType: 'membership',
      entityId: options.userId,
      after: { role: 'owner' },
    });
    return { ...team, role: 'owner' as Role, memberCount: 1 };
  });
}
