// Building blocks shared by every input schema.
import { z } from 'zod';
import { maxChars, msg } from './messages';

export const idSchema = z.uuid({ error: msg('invalidId') });

/**
 * A NUL character or half of a UTF-16 surrogate pair: no PostgreSQL text (or jsonb) can hold
 * either, and a query sending one fails there.
 */
export const UNSTORABLE_CHARACTERS =
  /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Only http(s) URLs are stored: `javascript:`/`data:` links must never reach a page. */
export function isHttpUrl(value: string): boolean {
  try {
    // `http:example.org` parses, but is stored as written: the scheme's `//` is required.
    if (!/^https?:\/\//i.test(value)) return false;
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export const httpUrlSchema = z
  .string()
  .trim()
  .max(2048, { error: msg('urlTooLong') })
  .refine(isHttpUrl, { error: msg('required.httpUrl') })
  .meta({ format: 'uri', description: 'an http:// or https:// address' });

/** Optional free text: trimmed, blank becomes null. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: maxChars(max) })
    .nullish()
    .transform((value) => (value ? value : null));
}

/** Calendar date `YYYY-MM-DD` that actually exists (PostgreSQL has no year 0000). */
export const isoDateSchema = z.iso
  .date({ error: msg('dateFormat') })
  .refine((value) => !value.startsWith('0000'), { error: msg('yearZero') });

/** Largest value of a PostgreSQL `integer` column. */
export const INT4_MAX = 2_147_483_647;

/** Optimistic-concurrency version the client read (an `integer` in the database). */
export const versionSchema = z
  .int()
  .min(1)
  .max(INT4_MAX, { error: msg('unknown.version') })
  .describe('the version the client read');
