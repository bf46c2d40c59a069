import { z } from 'zod';

/** Lifetimes offered at creation; a token always expires, a year at most. */
export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 365;
export const TOKEN_LIFETIME_CHOICES = [7, 30, 90, 365] as const;

export const createTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'Donnez un nom au jeton (à quoi il sert).' })
    .max(100, { message: '100 caractères au plus.' }),
  /** Lifetime in days, chosen at creation. */
  expiresInDays: z
    .int({ message: 'Durée en jours (nombre entier).' })
    .min(1, { message: 'Un jour au moins.' })
    .max(TOKEN_MAX_DAYS, { message: `${TOKEN_MAX_DAYS} jours au plus.` })
    .default(TOKEN_DEFAULT_DAYS),
});
