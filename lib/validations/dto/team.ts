// Response shapes of teams, members, invitations and the audit trail (lib/server/teams/**).
import { z } from 'zod';
import { LOCALES } from '@/lib/i18n/locales';
import { auditIdDto, idDto, personDto, timestampDto } from './common';
import { historyEventDto, roleDto } from './sentence';

export const teamDto = z
  .strictObject({ id: idDto, name: z.string(), role: roleDto, memberCount: z.int() })
  .meta({ id: 'Team' });
export const teamListDto = z.strictObject({ teams: z.array(teamDto) });

export const teamSettingsDto = z
  .strictObject({
    id: idDto,
    name: z.string(),
    allowPartyAdjudication: z
      .boolean()
      .describe('a member who rated a disputed sentence may settle the dispute (reports say so)'),
    publicationLanguage: z
      .enum(LOCALES)
      .describe('language of the team’s reports, whatever each member’s interface language'),
    publicName: z
      .string()
      .nullable()
      .describe('the organisation’s public name in ClaimReview `author` (null: the team’s name)'),
    publicUrl: z.string().nullable().describe('the organisation’s site: ClaimReview `author.url`'),
    logoUrl: z.string().nullable().describe('the organisation’s logo: ClaimReview `author.logo`'),
    nameReviewers: z
      .boolean()
      .describe(
        'published fact-checks name their fact-checkers and approvers (else the team only)',
      ),
    publicSlug: z
      .string()
      .nullable()
      .describe(
        'the team’s segment in its public addresses (/p/{slug}), set at its first publication',
      ),
  })
  .meta({ id: 'TeamSettings' });

/** A team by id and name, as other bodies name it. */
export const teamRefDto = z.strictObject({ id: idDto, name: z.string() }).meta({ id: 'TeamRef' });

export const memberListDto = z.strictObject({
  team: z.strictObject({ id: idDto, name: z.string(), myRole: roleDto }),
  members: z.array(
    z.strictObject({
      user: z.strictObject({
        id: idDto,
        name: z.string(),
        email: z
          .email()
          .nullable()
          .describe(
            'for the team’s owners every member’s, for others only their own; null otherwise',
          ),
      }),
      role: roleDto,
      joinedAt: timestampDto,
    }),
  ),
});
export const memberRoleDto = z.strictObject({ userId: idDto, role: roleDto });
export const memberRemovedDto = z.strictObject({ userId: idDto, removed: z.literal(true) });

export const invitationDto = z
  .strictObject({
    id: idDto,
    role: roleDto,
    expiresAt: timestampDto,
    createdAt: timestampDto,
    createdBy: personDto.nullable(),
  })
  .meta({ id: 'Invitation' });
export const invitationListDto = z.strictObject({ invitations: z.array(invitationDto) });
export const createdInvitationDto = z.strictObject({
  id: idDto,
  role: roleDto,
  token: z.string().describe('`fdi_…`, shown only this once'),
  url: z.url().describe('the link to pass on'),
  expiresAt: timestampDto,
});
export const invitationPreviewDto = z.strictObject({
  team: teamRefDto,
  role: roleDto,
  invitedBy: z.string().nullable().describe('the inviter’s name'),
  expiresAt: timestampDto,
  alreadyMember: z.boolean(),
});
export const invitationAcceptedDto = z.strictObject({ team: teamRefDto, role: roleDto });

export const auditEventDto = historyEventDto
  .extend({
    articleId: idDto.nullable(),
    sentenceId: idDto.nullable(),
    summary: z.string().describe('the event as a French sentence naming the member'),
    changes: z
      .array(
        z.strictObject({
          label: z.string(),
          before: z.string().nullable(),
          after: z.string().nullable(),
        }),
      )
      .describe('what changed, in words (rating, rationale, role, title…)'),
    hidden: z.string().nullable().describe('why part of the event is not shown, if it is redacted'),
    subject: personDto
      .nullable()
      .describe('whom it was done to: the verdict’s author, the member concerned'),
    article: z.strictObject({ id: idDto, title: z.string() }).nullable(),
    sentenceNumber: z.int().nullable().describe('1-based; null when not on a current sentence'),
    href: z.string().nullable().describe('the reader where it happened'),
  })
  .meta({ id: 'AuditEvent' });

export const teamAuditDto = z.strictObject({
  team: teamRefDto,
  members: z.array(personDto).describe('the member filter’s choices'),
  filters: z.strictObject({ member: idDto.nullable(), action: z.string().nullable() }),
  events: z.array(auditEventDto),
  nextBefore: auditIdDto.nullable().describe('`before` of the next page; null at the end'),
});
