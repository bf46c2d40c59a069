// Query strings and request headers as the schemas read them, the same for the API's route
// handlers and for pages (whose `searchParams` Next.js gives in this very shape): a parameter
// given once is a string, a parameter given twice (`?q=a&q=b`) an array, which every query
// schema refuses (422) rather than silently reading one of the two. Free text can hold neither a
// NUL nor half of a UTF-16 surrogate pair (PostgreSQL cannot take them: a 500 otherwise).
import { z } from 'zod';
import { idSchema, UNSTORABLE_CHARACTERS } from './common';
import { maxChars, msg } from './messages';

export type QueryInput = Record<string, string | string[]>;

/** `?a=1&b=2&b=3` → `{ a: '1', b: ['2', '3'] }` (a key like `__proto__` is just a key). */
export function queryOf(source: URL | URLSearchParams | string): QueryInput {
  const params =
    source instanceof URLSearchParams
      ? source
      : (typeof source === 'string' ? new URL(source) : source).searchParams;
  const query: QueryInput = Object.create(null) as QueryInput;
  for (const [key, value] of params) {
    const seen = query[key];
    query[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return query;
}

/** Free text of a query parameter: trimmed, at most `max` characters, no NUL, no lone surrogate. */
export function queryText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: maxChars(max) })
    .refine((value) => !UNSTORABLE_CHARACTERS.test(value), {
      error: msg('unstorable'),
    });
}

/** An optional parameter: left out and `?name=` (empty) both mean "not given". */
export function optionalQuery<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

/** Largest value of a PostgreSQL `bigint` (audit event ids). */
export const INT8_MAX = 9_223_372_036_854_775_807n;

/**
 * A PostgreSQL `bigint` id written in decimal (an audit event id): digits only, no sign, no
 * exponent, no hexadecimal, not beyond INT8_MAX. `min` is 1 for a cursor, 0 where "before the
 * first event" makes sense.
 */
export function bigintIdText(min: 0 | 1 = 1) {
  const message = `Entier de ${min} à ${INT8_MAX} attendu.`;
  return z
    .string()
    .regex(min === 1 ? /^[1-9]\d{0,18}$/ : /^(0|[1-9]\d{0,18})$/, { message })
    .transform((value) => BigInt(value))
    .refine((value) => value <= INT8_MAX, { message })
    .meta({ description: `a decimal integer from ${min} to ${INT8_MAX}` });
}

/** `Last-Event-ID` of an event stream: the last audit event id the client received. */
export const lastEventIdSchema = optionalQuery(bigintIdText(0));

/** `download=0` answers a report inline; `1` or nothing, as an attachment. */
export const downloadSchema = optionalQuery(
  z.enum(['0', '1'], { error: msg('zeroOrOne') }),
).describe('`0` answers inline instead of as an attachment');

/**
 * Where to go after signing in or up (`?callbackUrl=`): a path of this site, else `/`. Never
 * another origin (`//host`, and `/\host`, which browsers read the same), never a control
 * character (a NUL or a line break cannot go into the redirect's Location header). Never fails:
 * whatever else the URL holds (an array, a full URL) means the home page.
 */
export const sameSitePathSchema = z
  .string()
  .max(2048)
  .refine(
    (value) =>
      value.startsWith('/') &&
      !value.startsWith('//') &&
      !value.startsWith('/\\') &&
      !/[\u0000-\u001f\u007f]/.test(value),
  )
  .catch('/');

/** The sign-in and sign-up pages' query. */
export const authPageQuerySchema = z.object({
  callbackUrl: sameSitePathSchema,
  /** `created=1`: the account was just created (sign-in page). */
  created: z.literal('1').optional().catch(undefined),
});

/** The article page's query: `sentence` opens a sentence's panel (ignored unless a uuid). */
export const articlePageQuerySchema = z.object({
  sentence: idSchema.optional().catch(undefined),
});
