// Accepting an invitation: the link is consumed atomically (two people cannot both use it) and
// the caller joins the team with its role, both audited.
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError } from '@/lib/server/errors';
import type { invitationAcceptedDto } from '@/lib/validations/dto/team';
import { invalidInvitation, invitationTokenHash } from './invitation-token';

export async function acceptInvitation(options: {
  userId: string;
  token: string;
}): Promise<z.output<typeof invitationAcceptedDto>> {
  const tokenHash = invitationTokenHash(options.token);
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
      throw new AppError('invalid_state', 'alreadyMember');
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
