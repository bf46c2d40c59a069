// Invitation links: a single-use token carrying a role and an expiry. No mail server: the link
// is shown once to the inviter, who passes it on. Owners invite any role, editors reviewers and
// viewers (lib/permissions.ts invitableRoles). Only the token's hash is stored.
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import { invitableRoles } from '@/lib/permissions';
import { requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError } from '@/lib/server/errors';
import { newSecret } from '@/lib/server/secrets';
import type { createdInvitationDto } from '@/lib/validations/dto/team';
import { createInvitationSchema } from '@/lib/validations/team';

const DAY_MS = 24 * 60 * 60 * 1000;

function invitationUrl(baseUrl: string, token: string): string {
  return new URL(`/invitations/${token}`, baseUrl).toString();
}

export async function createInvitation(options: {
  userId: string;
  teamId: string;
  baseUrl: string;
  input: unknown;
}): Promise<z.output<typeof createdInvitationDto>> {
  const { role, expiresInDays } = createInvitationSchema.parse(options.input);
  return prisma.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: options.teamId, userId: options.userId } },
      select: { role: true },
    });
    const myRole = requirePermission(membership ?? undefined, 'invitation.create', 'team');
    if (!invitableRoles(myRole).includes(role)) {
      throw new AppError('forbidden', { key: 'roleCannotInvite', values: { myRole, role } });
    }
    const { token, hash } = newSecret('fdi_');
    const invitation = await tx.invitation.create({
      data: {
        teamId: options.teamId,
        role,
        tokenHash: hash,
        createdById: options.userId,
        expiresAt: new Date(Date.now() + expiresInDays * DAY_MS),
      },
      select: { id: true, role: true, expiresAt: true },
    });
    await recordAudit(tx, {
      teamId: options.teamId,
      actorId: options.userId,
      action: 'invitation.create',
      entityType: 'invitation',
      entityId: invitation.id,
      after: { role, expiresAt: invitation.expiresAt.toISOString() },
    });
    return {
      id: invitation.id,
      role: invitation.role,
      token,
      url: invitationUrl(options.baseUrl, token),
      expiresAt: invitation.expiresAt.toISOString(),
    };
  });
}
