import { z } from 'zod';
import { TIME_ZONE_MAX_LENGTH, normaliseTimeZone } from './time-zone';
import { maxChars, msg } from './messages';

export const PASSWORD_MIN_LENGTH = 10;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: msg('email') }).max(254));

const notBlank = (value: string) => value.trim() !== '';

/** A password someone types to prove it is them (sign-in, password change, account deletion). */
export const currentPasswordSchema = z
  .string({ error: msg('required.password') })
  .min(1, { error: msg('required.password') })
  .max(200, { error: maxChars(200) })
  .refine(notBlank, { error: msg('required.password') });

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, {
    error: msg('passwordMin', { min: PASSWORD_MIN_LENGTH }),
  })
  .refine(notBlank, { error: msg('passwordBlank') })
  // bcrypt only reads the first 72 bytes: refuse longer rather than silently truncating.
  .refine((value) => new TextEncoder().encode(value).length <= 72, {
    error: msg('passwordTooLong'),
  });

export const signUpSchema = z.object({
  email: emailSchema,
  name: z
    .string()
    .trim()
    .min(1, { error: msg('required.name') })
    .max(120, { error: maxChars(120) }),
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
    error: msg('newPasswordSame'),
  });
