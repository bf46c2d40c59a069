// What changing a team's membership shares: the caller's role read in the transaction, the
// team row locked (membership changes of one team are serialised, so two owners cannot demote
// each other at once), and the rule that a team always keeps at least one owner.
import 'server-only';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/server/errors';

export async function myRoleIn(tx: Tx, teamId: string, userId: string) {
  const membership = await tx.membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { role: true },
  });
  return membership ?? undefined;
}

export async function lockTeam(tx: Tx, teamId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM teams WHERE id = ${teamId}::uuid FOR UPDATE`;
}

export async function requireAnotherOwner(tx: Tx, teamId: string, leavingUserId: string) {
  const owners = await tx.membership.count({
    where: { teamId, role: 'owner', userId: { not: leavingUserId } },
  });
  if (owners === 0) {
    throw new AppError('last_owner', 'lastOwner');
  }
}
