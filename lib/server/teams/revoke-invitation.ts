// Revoking a pending invitation: whoever may create it may revoke it (an editor cannot revoke
// an invitation to be an owner or an editor).
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import { invitableRoles } from '@/lib/permissions';
import { requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError, notFound } from '@/lib/server/errors';
import type { revokedDto } from '@/lib/validations/dto/common';

export async function revokeInvitation(options: {
  userId: string;
  teamId: string;
  invitationId: string;
}): Promise<z.output<typeof revokedDto>> {
  return prisma.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: options.teamId, userId: options.userId } },
      select: { role: true },
    });
    const myRole = requirePermission(membership ?? undefined, 'invitation.create', 'team');
    const pending = {
      id: options.invitationId,
      teamId: options.teamId,
      acceptedAt: null,
      revokedAt: null,
    };
    const invitation = await tx.invitation.findFirst({ where: pending, select: { role: true } });
    if (!invitation) throw notFound('invitation');
    // Who may create it may revoke it: editors only the reviewer and viewer invitations.
    if (!invitableRoles(myRole).includes(invitation.role)) {
      throw new AppError('forbidden', {
        key: 'roleCannotRevokeInvitation',
        values: { myRole, role: invitation.role },
      });
    }
    const revoked = await tx.invitation.updateMany({
      where: pending,
      data: { revokedAt: new Date() },
    });
    if (revoked.count !== 1) throw notFound('invitation');
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
