// A team's settings as read and changed: the select and the API shape (lib/validations/dto/team.ts teamSettingsDto).
import 'server-only';
import type { z } from 'zod';
import type { Prisma } from '@/generated/prisma/client';
import type { teamSettingsDto } from '@/lib/validations/dto/team';
import { localeOf } from '@/lib/i18n/locales';

export const teamSettingsSelect = {
  id: true,
  name: true,
  allowPartyAdjudication: true,
  publicationLanguage: true,
  publicName: true,
  publicUrl: true,
  logoUrl: true,
  nameReviewers: true,
  slug: true,
} as const satisfies Prisma.TeamSelect;

export type TeamSettingsDto = z.output<typeof teamSettingsDto>;

export function serializeTeamSettings(
  row: Prisma.TeamGetPayload<{ select: typeof teamSettingsSelect }>,
): TeamSettingsDto {
  return {
    id: row.id,
    name: row.name,
    allowPartyAdjudication: row.allowPartyAdjudication,
    publicationLanguage: localeOf(row.publicationLanguage),
    publicName: row.publicName,
    publicUrl: row.publicUrl,
    logoUrl: row.logoUrl,
    nameReviewers: row.nameReviewers,
    publicSlug: row.slug,
  };
}
