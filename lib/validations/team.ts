import { z } from 'zod';
import { ROLES } from '@/lib/permissions';
import { bigintIdText, optionalQuery } from './query';

export const roleSchema = z.enum(ROLES, { message: 'Rôle inconnu.' });

export const createTeamSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'Nom requis.' })
    .max(120, { message: '120 caractères au plus.' }),
});

export const updateMemberSchema = z.object({ role: roleSchema });

export const createInvitationSchema = z.object({
  role: roleSchema,
  /** Days before the link expires (default 7). */
  expiresInDays: z.int().min(1).max(30).default(7),
});

/** Invitation tokens as they appear in links. */
export const invitationTokenSchema = z.string().regex(/^fdi_[A-Za-z0-9_-]{43}$/);

export const auditQuerySchema = z.object({
  /** Events older than this id (pagination: the previous page's `nextBefore`). */
  before: optionalQuery(
    bigintIdText(1).describe(
      'only events older than this audit event id (the previous `nextBefore`)',
    ),
  ),
});

/** Deleting a team: its exact name, typed again, confirms it (compared on the server). */
export const deleteTeamSchema = z.object({
  confirmName: z
    .string({ message: 'Saisissez le nom de la rédaction pour confirmer.' })
    .trim()
    .min(1, { message: 'Saisissez le nom de la rédaction pour confirmer.' })
    .max(120, { message: '120 caractères au plus.' }),
});
