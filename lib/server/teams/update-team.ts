// Changing a team's settings (owners): whether a party to a dispute may settle it
// (lib/server/verdicts/adjudication.ts), the language of its reports and how it signs them
// (public name, site, logo). A change and its audit
// event (the changed fields, before and after) go in one transaction; no change, no event.
import 'server-only';
import { prisma } from '@/lib/db';
import { requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { notFound } from '@/lib/server/errors';
import { updateTeamSchema, type UpdateTeamInput } from '@/lib/validations/team';
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
    requirePermission(membership ?? undefined, 'team.settings', 'team');
    // Serialised with the team's other changes (membership changes lock the same row).
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM teams WHERE id = ${options.teamId}::uuid FOR UPDATE`;
    if (!locked) throw notFound('team');
    const before = await tx.team.findUniqueOrThrow({
      where: { id: options.teamId },
      select: teamSettingsSelect,
    });
    // Only what differs is written and journaled.
    const changed: Record<string, unknown> = {};
    for (const field of Object.keys(data) as (keyof UpdateTeamInput)[]) {
      if (data[field] !== undefined && data[field] !== before[field]) changed[field] = data[field];
    }
    const fields = Object.keys(changed) as (keyof UpdateTeamInput)[];
    if (fields.length === 0) return serializeTeamSettings(before);
    const after = await tx.team.update({
      where: { id: options.teamId },
      data: changed,
      select: teamSettingsSelect,
    });
    await recordAudit(tx, {
      teamId: options.teamId,
      actorId: options.userId,
      action: 'team.update',
      entityType: 'team',
      entityId: options.teamId,
      before: Object.fromEntries(fields.map((field) => [field, before[field]])),
      after: Object.fromEntries(fields.map((field) => [field, after[field]])),
    });
    return serializeTeamSettings(after);
  });
}
