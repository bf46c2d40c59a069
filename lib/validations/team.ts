import { z } from 'zod';
import { ROLES } from '@/lib/permissions';

export const roleSchema = z.enum(ROLES, { message: 'Rôle inconnu.' });

export const createTeamSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'Nom requis.' })
    .max(120, { message: '120 caractères au plus.' }),
});

/** A team's settings, changed by its owners (PATCH /api/v1/teams/{id}). */
export const updateTeamSchema = z.object({
  /**
   * Lets an editor or owner who rated a disputed sentence settle the dispute (then the reports
   * say so). Off by default: disputes are settled by someone who did not rate the sentence.
   */
  allowPartyAdjudication: z.boolean({ message: 'Valeur attendue : vrai ou faux.' }),
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
    .string({ message: 'Saisissez le nom de la rédaction pour confirmer.' })
    .trim()
    .min(1, { message: 'Saisissez le nom de la rédaction pour confirmer.' })
    .max(120, { message: '120 caractères au plus.' }),
});
