// A team's settings, for its members (lib/server/verdicts/adjudication.ts reads the rule).
import 'server-only';
import { prisma } from '@/lib/db';
import { AppError, notFound } from '@/lib/server/errors';
import {
  serializeTeamSettings,
  teamSettingsSelect,
  type TeamSettingsDto,
} from './team-settings-select';

export async function getTeamSettings(options: {
  userId: string;
  teamId: string;
}): Promise<TeamSettingsDto> {
  if (!options.userId) throw new AppError('unauthenticated', 'signInRequired');
  const team = await prisma.team.findFirst({
    where: { id: options.teamId, memberships: { some: { userId: options.userId } } },
    select: teamSettingsSelect,
  });
  if (!team) throw notFound('team');
  return serializeTeamSettings(team);
}
