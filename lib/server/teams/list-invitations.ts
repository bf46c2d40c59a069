// A team's pending invitations (neither accepted, revoked nor expired), newest first.
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import { requirePermission } from '@/lib/server/access';
import type { invitationDto } from '@/lib/validations/dto/team';

/** Pending invitations of a team, for those who may invite. */
export async function listInvitations(options: {
  userId: string;
  teamId: string;
}): Promise<z.output<typeof invitationDto>[]> {
  const membership = await prisma.membership.findUnique({
    where: { teamId_userId: { teamId: options.teamId, userId: options.userId } },
    select: { role: true },
  });
  requirePermission(membership ?? undefined, 'invitation.create', 'team');
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
