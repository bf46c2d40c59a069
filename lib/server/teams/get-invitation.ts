// What an invitation offers (team, role, inviter), shown before accepting it.
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import type { invitationPreviewDto } from '@/lib/validations/dto/team';
import { invalidInvitation, invitationTokenHash } from './invitation-token';

/** What an invitation offers, shown before accepting it (to a signed-in person). */
export async function getInvitation(options: {
  userId: string;
  token: string;
}): Promise<z.output<typeof invitationPreviewDto>> {
  const invitation = await prisma.invitation.findUnique({
    where: { tokenHash: invitationTokenHash(options.token) },
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
