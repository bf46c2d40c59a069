// Deletes a team for good (owners only, confirmed by typing its exact name): its articles and
// everything on them, its memberships, invitations, jobs and its journal go with it through the
// foreign keys' ON DELETE CASCADE. The journal lives as long as the team (article deletions
// included); the team's own deletion is recorded in an audit event without a team
// (`team.deleted`, the team's id as entity, its name and sizes as `before`), which outlives it:
// kept for the operator, shown by no route. Members' open live streams on its articles close.
import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError, notFound } from '@/lib/server/errors';
import { notifyMemberRemoved } from '@/lib/server/live/notices';
import { deleteTeamSchema } from '@/lib/validations/team';

export async function deleteTeam(options: { userId: string; teamId: string; input: unknown }) {
  const { confirmName } = deleteTeamSchema.parse(options.input);
  return prisma.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: options.teamId, userId: options.userId } },
      select: { role: true },
    });
    requirePermission(membership ?? undefined, 'team.delete', 'team');
    // Serialised with membership changes of the team (they lock the same row).
    const [team] = await tx.$queryRaw<{ id: string; name: string }[]>`
      SELECT id, name FROM teams WHERE id = ${options.teamId}::uuid FOR UPDATE`;
    if (!team) throw notFound('team');
    if (confirmName.normalize('NFC') !== team.name.normalize('NFC')) {
      const message = 'teamNameMismatch';
      throw new AppError('validation_failed', message, [{ path: 'confirmName', message }]);
    }
    await removeTeam(tx, { teamId: team.id, name: team.name, actorId: options.userId });
    return { id: team.id, deleted: true as const };
  });
}

/**
 * Deletes the team (already checked and locked by the caller) and records it outside the team.
 * Also used when the last member of a team deletes their account.
 */
export async function removeTeam(
  tx: Tx,
  team: { teamId: string; name: string; actorId: string },
): Promise<void> {
  const members = await tx.membership.findMany({
    where: { teamId: team.teamId },
    select: { userId: true },
  });
  const articles = await tx.article.count({ where: { teamId: team.teamId } });
  // On commit, every instance closes the members' streams on the team's articles.
  for (const member of members) {
    await notifyMemberRemoved(tx, { teamId: team.teamId, userId: member.userId });
  }
  await tx.team.delete({ where: { id: team.teamId } });
  await recordAudit(tx, {
    teamId: null,
    actorId: team.actorId,
    action: 'team.deleted',
    entityType: 'team',
    entityId: team.teamId,
    before: { name: team.name, members: members.length, articles },
  });
}
