// Article inputs, shared by the server, the forms and the OpenAPI document.
import { z } from 'zod';
import { httpUrlSchema, isoDateSchema, optionalText } from './common';

export const TITLE_MAX_LENGTH = 300;

export const languageSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
    message: 'Code de langue BCP 47 attendu (fr, en…).',
  });

export const createArticleSchema = z.object({
  teamId: z.uuid(),
  text: z
    .string()
    .max(2_000_000, { message: 'Texte trop long (2 millions de caractères au plus).' }),
  title: optionalText(TITLE_MAX_LENGTH),
  language: languageSchema,
  sourceUrl: httpUrlSchema.nullish().transform((value) => value ?? null),
  publisher: optionalText(200),
  publishedAt: isoDateSchema.nullish().transform((value) => value ?? null),
});
export type CreateArticleInput = z.infer<typeof createArticleSchema>;

export const updateArticleSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, { message: 'Titre requis.' })
    .max(TITLE_MAX_LENGTH, { message: `${TITLE_MAX_LENGTH} caractères au plus.` }),
  /** The version the client read: a stale one is refused with 409 and the current article. */
  version: z.int().min(1),
});
export type UpdateArticleInput = z.infer<typeof updateArticleSchema>;
