// A team's members, for its members: e-mail addresses for owners, and each member's own.
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import { can } from '@/lib/permissions';
import { notFound } from '@/lib/server/errors';
import type { memberListDto } from '@/lib/validations/dto/team';

export async function listMembers(options: {
  userId: string;
  teamId: string;
}): Promise<z.output<typeof memberListDto>> {
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
  if (!team) throw notFound('team');
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
