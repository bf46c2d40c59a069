// A team's settings, read by its members and changed by its owners: for now whether a party to
// a dispute may settle it (lib/server/verdicts/adjudication.ts). A change and its audit event go
// in one transaction.
import 'server-only';
import { prisma } from '@/lib/db';
import { requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError, notFound } from '@/lib/server/errors';
import { updateTeamSchema } from '@/lib/validations/team';

export const teamSettingsSelect = {
  id: true,
  name: true,
  allowPartyAdjudication: true,
} as const;

export async function getTeamSettings(options: { userId: string; teamId: string }) {
  if (!options.userId) throw new AppError('unauthenticated', 'Connexion requise.');
  const team = await prisma.team.findFirst({
    where: { id: options.teamId, memberships: { some: { userId: options.userId } } },
    select: teamSettingsSelect,
  });
  if (!team) throw notFound('Rédaction');
  return team;
}

export type TeamSettings = Awaited<ReturnType<typeof getTeamSettings>>;

export async function updateTeam(options: { userId: string; teamId: string; input: unknown }) {
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
    if (before.allowPartyAdjudication === data.allowPartyAdjudication) return before;
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
    return after;
  });
}
