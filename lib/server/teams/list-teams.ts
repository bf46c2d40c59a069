// The teams I belong to, with my role and how many members each has.
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import type { teamDto } from '@/lib/validations/dto/team';

export type TeamDto = z.output<typeof teamDto>;

export async function listTeams(options: { userId: string }): Promise<TeamDto[]> {
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
