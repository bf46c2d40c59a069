// Account inputs, shared by the settings page and the API.
import { z } from 'zod';
import { LOCALES } from '@/lib/i18n/locales';
import { currentPasswordSchema, signUpSchema } from './auth';
import { TIME_ZONE_MAX_LENGTH, normaliseTimeZone } from './time-zone';
import { maxChars, msg } from './messages';

export { TIME_ZONE_MAX_LENGTH, normaliseTimeZone };

/** Deleting one's own account: the current password confirms it. */
export const deleteAccountSchema = z.object({ password: currentPasswordSchema });

export const localeSchema = z.enum(LOCALES, { error: msg('unknown.language') });

export const timeZoneSchema = z
  .string({ error: msg('timeZoneExpected') })
  .trim()
  .min(1, { error: msg('required.timeZone') })
  .max(TIME_ZONE_MAX_LENGTH, { error: maxChars(TIME_ZONE_MAX_LENGTH) })
  .transform((zone, context) => {
    const normalised = normaliseTimeZone(zone);
    if (normalised === null) {
      context.addIssue({ code: 'custom', error: msg('unknown.timeZone') });
      return z.NEVER;
    }
    return normalised;
  })
  .describe('an IANA time zone, e.g. `Europe/Paris`');

/**
 * Changing one's name, interface language or time zone (PATCH /api/v1/me): an absent field is
 * unchanged; `null` forgets the choice (then the browser's language, Paris time). The name
 * follows the sign-up rule, so any name an account was created with can be saved again.
 */
export const updateAccountSchema = z.object({
  name: signUpSchema.shape.name.optional(),
  locale: localeSchema.nullable().optional(),
  timeZone: timeZoneSchema.nullable().optional(),
});
/** What a client sends (the zone as typed; the server corrects its case). */
export type UpdateAccountInput = z.input<typeof updateAccountSchema>;
