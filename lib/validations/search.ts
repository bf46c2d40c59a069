// The search's query parameters, read by GET /api/v1/search and by the search page alike, and
// the kinds of text a result can match on.
import { z } from 'zod';
import { RATINGS } from '@/lib/reports/verdict-scale';
import { SENTENCE_STATES } from '@/lib/workflow/sentence-state';
import { isoDateSchema } from './common';
import { optionalQuery, queryText } from './query';
import { msg } from './messages';

export const SEARCH_MAX_PAGE = 100;

/**
 * What a result matched on: the sentence's text, a highlight note on it, a verdict's rationale
 * (teammates' drafts never), a comment (deleted ones never).
 */
export const SEARCH_MATCH_KINDS = ['sentence', 'note', 'rationale', 'comment'] as const;
export type SearchMatchKind = (typeof SEARCH_MATCH_KINDS)[number];

export const searchQuerySchema = z.object({
  q: queryText(500).default(''),
  teamId: optionalQuery(z.uuid()),
  /** The published verdict's rating. */
  rating: optionalQuery(z.enum(RATINGS, { error: msg('unknown.rating') })),
  state: optionalQuery(z.enum(SENTENCE_STATES, { error: msg('unknown.state') })),
  /** A member who submitted a verdict on the sentence. */
  reviewer: optionalQuery(z.uuid()),
  /** Article date (publication, else import) from / to, inclusive. */
  from: optionalQuery(isoDateSchema),
  to: optionalQuery(isoDateSchema),
  page: optionalQuery(
    z
      .string()
      .regex(/^[1-9]\d{0,2}$/, { error: msg('page', { max: SEARCH_MAX_PAGE }) })
      .describe(`the page, 1 to ${SEARCH_MAX_PAGE} (25 results a page)`)
      .transform(Number)
      .pipe(z.int().max(SEARCH_MAX_PAGE, { error: msg('page', { max: SEARCH_MAX_PAGE }) })),
  ),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;
