// Article inputs, shared by the server, the forms and the OpenAPI document.
import { z } from 'zod';
import { httpUrlSchema, isoDateSchema, optionalText, versionSchema } from './common';
import { ARTICLE_MAX_CHARACTERS, TITLE_MAX_LENGTH } from './limits';
import { maxChars, msg } from './messages';

export { TITLE_MAX_LENGTH };

export const languageSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
    error: msg('languageTag'),
  });

const importFields = {
  title: optionalText(TITLE_MAX_LENGTH),
  /** BCP 47 tag; detected (fr/en) from the text when left out. */
  language: languageSchema.optional(),
  author: optionalText(200),
  publisher: optionalText(200),
  publishedAt: isoDateSchema.nullish().transform((value) => value ?? null),
  sourceUrl: httpUrlSchema.nullish().transform((value) => value ?? null),
};

const textSource = z.string().max(ARTICLE_MAX_CHARACTERS, {
  error: msg('textTooLong', { max: ARTICLE_MAX_CHARACTERS }),
});
/** A page carries markup around its text: twice the text's limit, the text is checked after. */
const HTML_MAX_CHARACTERS = 2 * ARTICLE_MAX_CHARACTERS;
const htmlSource = z.string().max(HTML_MAX_CHARACTERS, {
  error: msg('htmlTooLong', { max: HTML_MAX_CHARACTERS }),
});

/**
 * Where an article's text comes from: exactly one of `text` (plain, or Markdown with
 * `format: "markdown"`), `html` (main content extracted, never stored as HTML) or `url`
 * (fetched by the server).
 */
export const articleSourceSchema = z
  .object({
    text: textSource.optional(),
    format: z.enum(['text', 'markdown']).default('text'),
    html: htmlSource.optional(),
    url: httpUrlSchema.optional(),
  })
  .refine(
    (value) => [value.text, value.html, value.url].filter((v) => v !== undefined).length === 1,
    { error: msg('oneSource'), path: ['text'] },
  );
export type ArticleSourceInput = z.infer<typeof articleSourceSchema>;

export const createArticleSchema = z
  .object({ teamId: z.uuid({ error: msg('required.team') }), ...importFields })
  .and(articleSourceSchema);
export type CreateArticleInput = z.infer<typeof createArticleSchema>;

/** A corrected text (or a re-import) for an existing article. */
export const reviseArticleSchema = z
  .object({
    /** The article version the correction is based on (GET /articles/{id}). */
    version: versionSchema,
    note: optionalText(2000),
  })
  .and(articleSourceSchema);
export type ReviseArticleInput = z.infer<typeof reviseArticleSchema>;

export const updateArticleSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, { error: msg('required.title') })
    .max(TITLE_MAX_LENGTH, { error: maxChars(TITLE_MAX_LENGTH) }),
  /** The version the client read: a stale one is refused with 409 and the current article. */
  version: versionSchema,
});
export type UpdateArticleInput = z.infer<typeof updateArticleSchema>;
