import { z } from 'zod';
import { httpUrlSchema, isoDateSchema, optionalText } from './common';

export const RATING_VALUES = [
  'true',
  'mostly_true',
  'misleading',
  'false',
  'unverifiable',
  'not_a_claim',
] as const;

export const sourceSchema = z.object({
  url: httpUrlSchema,
  title: optionalText(500),
  publisher: optionalText(200),
  publishedAt: isoDateSchema.nullish().transform((value) => value ?? null),
  excerpt: optionalText(5000),
});
export type SourceInput = z.infer<typeof sourceSchema>;

export const setVerdictSchema = z.object({
  rating: z.enum(RATING_VALUES, { message: 'Verdict inconnu.' }),
  rationale: z.string().trim().max(20_000, { message: '20 000 caractères au plus.' }).default(''),
  sources: z.array(sourceSchema).max(30, { message: '30 sources au plus.' }).default([]),
  /** The version the client last read; when given and stale, the write is refused (409). */
  version: z.int().min(1).optional(),
});
export type SetVerdictInput = z.infer<typeof setVerdictSchema>;
