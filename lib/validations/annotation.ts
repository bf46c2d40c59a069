import { z } from 'zod';
import { versionSchema, INT4_MAX } from './common';

const MAX_QUOTE = 20_000;

export const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(MAX_QUOTE),
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
      .max(5000, { message: '5000 caractères au plus.' })
      .nullish()
      .transform((value) => (value ? value : null)),
  })
  .refine((value) => value.selector.some((s) => s.type === 'TextQuoteSelector'), {
    message: 'Un TextQuoteSelector est requis.',
    path: ['selector'],
  });
export type CreateAnnotationInput = z.infer<typeof createAnnotationSchema>;

export const updateAnnotationSchema = z.object({
  note: z
    .string()
    .trim()
    .max(5000, { message: '5000 caractères au plus.' })
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
