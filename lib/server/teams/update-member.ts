// Changing a member's role (owners); the last owner cannot be demoted.
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import { requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { notFound } from '@/lib/server/errors';
import type { memberRoleDto } from '@/lib/validations/dto/team';
import { updateMemberSchema } from '@/lib/validations/team';
import { lockTeam, myRoleIn, requireAnotherOwner } from './team-membership';

export async function updateMember(options: {
  userId: string;
  teamId: string;
  memberId: string;
  input: unknown;
}): Promise<z.output<typeof memberRoleDto>> {
  const { role } = updateMemberSchema.parse(options.input);
  return prisma.$transaction(async (tx) => {
    requirePermission(await myRoleIn(tx, options.teamId, options.userId), 'member.manage', 'team');
    await lockTeam(tx, options.teamId);
    const member = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: options.teamId, userId: options.memberId } },
      select: { role: true },
    });
    if (!member) throw notFound('member');
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
