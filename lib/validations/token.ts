import { z } from 'zod';
import { maxChars, msg } from './messages';

/** Lifetimes offered at creation; a token always expires, a year at most. */
export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 365;
export const TOKEN_LIFETIME_CHOICES = [7, 30, 90, 365] as const;

export const createTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: msg('required.tokenName') })
    .max(100, { error: maxChars(100) }),
  /** Lifetime in days, chosen at creation. */
  expiresInDays: z
    .int({ error: msg('days') })
    .min(1, { error: msg('minOneDay') })
    .max(TOKEN_MAX_DAYS, { error: msg('maxDays', { max: TOKEN_MAX_DAYS }) })
    .default(TOKEN_DEFAULT_DAYS),
});
