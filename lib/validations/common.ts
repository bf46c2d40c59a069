// Building blocks shared by every input schema.
import { z } from 'zod';

export const idSchema = z.uuid({ message: 'Identifiant invalide.' });

/** Only http(s) URLs are stored: `javascript:`/`data:` links must never reach a page. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export const httpUrlSchema = z
  .string()
  .trim()
  .max(2048, { message: 'URL trop longue (2048 caractères au plus).' })
  .refine(isHttpUrl, { message: 'Adresse http(s) requise.' })
  .meta({ format: 'uri', description: 'an http:// or https:// address' });

/** Optional free text: trimmed, blank becomes null. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { message: `${max} caractères au plus.` })
    .nullish()
    .transform((value) => (value ? value : null));
}

/** Calendar date `YYYY-MM-DD` that actually exists. */
export const isoDateSchema = z.iso.date({ message: 'Date au format AAAA-MM-JJ attendue.' });
