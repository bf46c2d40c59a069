// Removing a member (owners) or leaving (anyone); the last owner cannot go. Their sentences go
// back to the pool, their live streams on the team's articles close.
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import { requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { notFound } from '@/lib/server/errors';
import { notifyMemberRemoved } from '@/lib/server/live/notices';
import type { memberRemovedDto } from '@/lib/validations/dto/team';
import { lockTeam, myRoleIn, requireAnotherOwner } from './team-membership';

/** Owners remove anyone; every member may leave (remove themselves). */
export async function removeMember(options: {
  userId: string;
  teamId: string;
  memberId: string;
}): Promise<z.output<typeof memberRemovedDto>> {
  return prisma.$transaction(async (tx) => {
    const mine = await myRoleIn(tx, options.teamId, options.userId);
    if (options.memberId !== options.userId) {
      requirePermission(mine, 'member.manage', 'team');
    } else if (!mine) {
      throw notFound('team');
    }
    await lockTeam(tx, options.teamId);
    const member = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: options.teamId, userId: options.memberId } },
      select: { role: true },
    });
    if (!member) throw notFound('member');
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
