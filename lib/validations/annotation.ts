import { z } from 'zod';
import { versionSchema, INT4_MAX } from './common';
import { maxChars, msg } from './messages';

const MAX_QUOTE = 20_000;

/**
 * A quote with nothing to see: empty, or only whitespace, control and format characters (line
 * breaks, no-break and zero-width spaces, joiners, bidi marks). Such a highlight is refused
 * from the reader and from a W3C import alike; the quote itself is never trimmed.
 */
export function isBlankQuote(exact: string): boolean {
  return !/[^\s\p{Cc}\p{Cf}]/u.test(exact);
}

/** The `exact` of a TextQuoteSelector: at least one visible character, at most `max`. */
export function quoteExactSchema(max: number) {
  return z
    .string()
    .min(1, { error: msg('blankQuote') })
    .max(max)
    .refine((exact) => !isBlankQuote(exact), { error: msg('blankQuote') });
}

export const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: quoteExactSchema(MAX_QUOTE),
  prefix: z.string().max(64).optional(),
  suffix: z.string().max(64).optional(),
});

export const textPositionSelectorSchema = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.int().min(0).max(INT4_MAX),
  end: z.int().min(1).max(INT4_MAX),
});

export const selectorSchema = z.discriminatedUnion('type', [
  textQuoteSelectorSchema,
  textPositionSelectorSchema,
]);

export const createAnnotationSchema = z
  .object({
    selector: z.array(selectorSchema).min(1).max(2),
    note: z
      .string()
      .trim()
      .max(5000, { error: maxChars(5000) })
      .nullish()
      .transform((value) => (value ? value : null)),
  })
  .refine((value) => value.selector.some((s) => s.type === 'TextQuoteSelector'), {
    error: msg('required.textQuoteSelector'),
    path: ['selector'],
  });
export type CreateAnnotationInput = z.infer<typeof createAnnotationSchema>;

export const updateAnnotationSchema = z.object({
  note: z
    .string()
    .trim()
    .max(5000, { error: maxChars(5000) })
    .nullable()
    .transform((value) => (value ? value : null)),
  /** The version the client read; a stale one is refused with 409 and the current highlight. */
  version: versionSchema,
});

export const deleteAnnotationSchema = z.object({ version: versionSchema.optional() });

export const annotationListQuerySchema = z.object({
  /** `w3c`: a W3C Web Annotation AnnotationCollection (JSON-LD) instead of FactDesk's shape. */
  format: z.enum(['factdesk', 'w3c']).default('factdesk'),
});
