import { z } from 'zod';
import { localeSchema } from './account';
import { ROLES } from '@/lib/permissions';
import { httpUrlSchema, optionalText } from './common';
import { maxChars, msg } from './messages';

export const roleSchema = z.enum(ROLES, { error: msg('unknown.role') });

export const createTeamSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: msg('required.name') })
    .max(120, { error: maxChars(120) }),
});

/**
 * A team's settings, changed by its owners (PATCH /api/v1/teams/{id}): an absent field is
 * unchanged.
 */
export const updateTeamSchema = z.object({
  /**
   * Lets an editor or owner who rated a disputed sentence settle the dispute (then the reports
   * say so). Off by default: disputes are settled by someone who did not rate the sentence.
   */
  allowPartyAdjudication: z.boolean({ error: msg('boolean') }).optional(),
  /**
   * The language of the team's reports (Markdown, HTML, PDF, CSV labels, ClaimReview's
   * alternateName): `fr` or `en`, whatever each member's interface language.
   */
  publicationLanguage: localeSchema.optional(),
  /**
   * How the team signs its published fact-checks (ClaimReview `author`): the organisation's
   * public name (blank or null: the team's name), its site and its logo (http(s); null clears).
   */
  publicName: optionalText(200).optional(),
  publicUrl: httpUrlSchema.nullable().optional(),
  logoUrl: httpUrlSchema.nullable().optional(),
  /** Whether published fact-checks name their fact-checkers and approvers, or the team only. */
  nameReviewers: z.boolean({ error: msg('boolean') }).optional(),
});
export type UpdateTeamInput = z.infer<typeof updateTeamSchema>;

export const updateMemberSchema = z.object({ role: roleSchema });

export const createInvitationSchema = z.object({
  role: roleSchema,
  /** Days before the link expires (default 7). */
  expiresInDays: z.int().min(1).max(30).default(7),
});

/** Invitation tokens as they appear in links. */
export const invitationTokenSchema = z.string().regex(/^fdi_[A-Za-z0-9_-]{43}$/);

/** Deleting a team: its exact name, typed again, confirms it (compared on the server). */
export const deleteTeamSchema = z.object({
  confirmName: z
    .string({ error: msg('required.confirmTeamName') })
    .trim()
    .min(1, { error: msg('required.confirmTeamName') })
    .max(120, { error: maxChars(120) }),
});
