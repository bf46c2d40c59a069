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

export const updateMemberSchema = z.object({ role: roleSchema });

export const createInvitationSchema = z.object({
  role: roleSchema,
  /** Days before the link expires (default 7). */
  expiresInDays: z.int().min(1).max(30).default(7),
});

/** Invitation tokens as they appear in links. */
export const invitationTokenSchema = z.string().regex(/^fdi_[A-Za-z0-9_-]{43}$/);

export const auditQuerySchema = z.object({
  /** Events older than this id (pagination). */
  before: z.coerce.bigint().positive().optional(),
});
