// Claim matching's query parameters (GET /api/v1/claims/search), shared with the OpenAPI document.
import { z } from 'zod';
import { LOCALES } from '@/lib/i18n/locales';
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
