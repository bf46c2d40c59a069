// Creating a team: I become its owner (both audited, in one transaction).
import 'server-only';
import { prisma } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { createTeamSchema } from '@/lib/validations/team';
import type { TeamDto } from './list-teams';

export async function createTeam(options: { userId: string; input: unknown }): Promise<TeamDto> {
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
    return { ...team, role: 'owner', memberCount: 1 };
  });
}
