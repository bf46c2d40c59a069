// Changing a team's settings (owners): for now whether a party to a dispute may settle it
// (lib/server/verdicts/adjudication.ts). A change and its audit event go in one transaction.
import 'server-only';
import { prisma } from '@/lib/db';
import { requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { notFound } from '@/lib/server/errors';
import { updateTeamSchema } from '@/lib/validations/team';
import {
  serializeTeamSettings,
  teamSettingsSelect,
  type TeamSettingsDto,
} from './team-settings-select';

export async function updateTeam(options: {
  userId: string;
  teamId: string;
  input: unknown;
}): Promise<TeamSettingsDto> {
  const data = updateTeamSchema.parse(options.input);
  return prisma.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: options.teamId, userId: options.userId } },
      select: { role: true },
    });
    requirePermission(membership ?? undefined, 'team.settings', 'Rédaction');
    // Serialised with the team's other changes (membership changes lock the same row).
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM teams WHERE id = ${options.teamId}::uuid FOR UPDATE`;
    if (!locked) throw notFound('Rédaction');
    const before = await tx.team.findUniqueOrThrow({
      where: { id: options.teamId },
      select: teamSettingsSelect,
    });
    if (before.allowPartyAdjudication === data.allowPartyAdjudication) {
      return serializeTeamSettings(before);
    }
    const after = await tx.team.update({
      where: { id: options.teamId },
      data: { allowPartyAdjudication: data.allowPartyAdjudication },
      select: teamSettingsSelect,
    });
    await recordAudit(tx, {
      teamId: options.teamId,
      actorId: options.userId,
      action: 'team.update',
      entityType: 'team',
      entityId: options.teamId,
      before: { allowPartyAdjudication: before.allowPartyAdjudication },
      after: { allowPartyAdjudication: after.allowPartyAdjudication },
    });
    return serializeTeamSettings(after);
  });
}
