import { z } from 'zod';
import { TIME_ZONE_MAX_LENGTH, normaliseTimeZone } from './time-zone';

export const PASSWORD_MIN_LENGTH = 10;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Adresse e-mail invalide.' }).max(254));

const notBlank = (value: string) => value.trim() !== '';

/** A password someone types to prove it is them (sign-in, password change, account deletion). */
export const currentPasswordSchema = z
  .string({ message: 'Mot de passe requis.' })
  .min(1, { message: 'Mot de passe requis.' })
  .max(200, { message: '200 caractères au plus.' })
  .refine(notBlank, { message: 'Mot de passe requis.' });

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, {
    message: `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères.`,
  })
  .refine(notBlank, { message: 'Le mot de passe ne peut pas être fait que d’espaces.' })
  // bcrypt only reads the first 72 bytes: refuse longer rather than silently truncating.
  .refine((value) => new TextEncoder().encode(value).length <= 72, {
    message: 'Mot de passe trop long (72 octets au plus).',
  });

export const signUpSchema = z.object({
  email: emailSchema,
  name: z
    .string()
    .trim()
    .min(1, { message: 'Nom requis.' })
    .max(120, { message: '120 caractères au plus.' }),
  password: passwordSchema,
  /**
   * The browser's zone, detected by the sign-up form: kept when Intl knows it, otherwise dropped
   * (the account then shows Paris time until its owner chooses) — never a reason to refuse.
   */
  timeZone: z
    .unknown()
    .optional()
    .transform((zone) =>
      typeof zone === 'string' && zone.length <= TIME_ZONE_MAX_LENGTH
        ? normaliseTimeZone(zone.trim())
        : null,
    )
    .describe('the browser’s IANA time zone (ignored when unknown)'),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

export const changePasswordSchema = z
  .object({
    currentPassword: currentPasswordSchema,
    newPassword: passwordSchema,
  })
  .refine((value) => value.currentPassword !== value.newPassword, {
    path: ['newPassword'],
    message: 'Le nouveau mot de passe doit différer de l’actuel.',
  });
