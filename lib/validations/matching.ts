// Claim matching's query parameters (GET /api/v1/claims/search), shared with the OpenAPI document.
import { z } from 'zod';
import { LOCALES } from '@/lib/i18n/locales';
import { httpUrlSchema, idSchema } from './common';
import { msg } from './messages';
import { optionalQuery, queryText } from './query';

/** The longest text searched for (a claim heard on the radio; every query parameter's cap). */
export const CLAIM_SEARCH_MAX = 500;

export const claimSearchQuerySchema = z.object({
  q: queryText(CLAIM_SEARCH_MAX)
    .refine((value) => value.length > 0, { error: msg('required.query') })
    .describe('any text: a claim heard on the radio, a sentence of an article'),
  lang: optionalQuery(z.enum(LOCALES, { error: msg('unknown.language') }))
    .default('fr')
    .describe('the language of `q` (its stemming): `fr` by default, or `en`'),
});

/** Largest ClaimReview document imported in a request (a file's text), in characters. */
export const FACT_CHECK_IMPORT_MAX_CHARACTERS = 2 * 1024 * 1024;
/** ClaimReviews per imported file: 413 above, nothing imported. */
export const FACT_CHECK_IMPORT_MAX_ITEMS = 1_000;

/** POST /api/v1/teams/{id}/fact-checks/import: a file's text and whether its publishers are trusted. */
export const factCheckImportSchema = z.object({
  document: z
    .string({ error: msg('required.document') })
    .min(1, { error: msg('required.document') })
    .describe(
      'the file’s text: a ClaimReview, an array of them, a DataFeed, or an HTML page with JSON-LD blocks',
    ),
  trust: z
    .boolean()
    .default(false)
    .describe('trust the publishers this file brings (their fact-checks then show in matches)'),
});

/** POST /api/v1/teams/{id}/fact-check-feeds. */
export const factCheckFeedSchema = z.object({
  url: httpUrlSchema.describe('the feed: a ClaimReview DataFeed, an array, or a page with JSON-LD'),
  trust: z.boolean().default(false).describe('trust the publishers first seen in this feed'),
});

/** PATCH /api/v1/teams/{id}/fact-check-publishers/{publisherId}. */
export const factCheckPublisherSchema = z.object({
  trusted: z.boolean({ error: msg('required.trusted') }),
});

/** GET /api/v1/articles/{id}/matches?sentences=…: the sentences shown in the triage list. */
export const ARTICLE_MATCHES_MAX_SENTENCES = 20;

export const articleMatchesQuerySchema = z.object({
  sentences: z
    .string({ error: msg('required.sentences') })
    .transform((value) => [
      ...new Set(
        value
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(idSchema)
        .min(1, { error: msg('required.sentences') })
        .max(ARTICLE_MATCHES_MAX_SENTENCES, {
          error: msg('maxSentences', { max: ARTICLE_MATCHES_MAX_SENTENCES }),
        }),
    )
    .describe(
      `the sentences' ids, comma-separated (${ARTICLE_MATCHES_MAX_SENTENCES} at most): the ones the triage list shows`,
    ),
});

/** POST /api/v1/sentences/{id}/reuse: the match whose verdict becomes my draft. */
export const reuseMatchSchema = z.object({
  from: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('verdict'), sentenceId: idSchema }),
    z.object({ kind: z.literal('external'), factCheckId: idSchema }),
  ]),
});
