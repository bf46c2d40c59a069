// Response shape of the full-text search (lib/server/search/search-sentences.ts is typed from it).
import { z } from 'zod';
import { SEARCH_MATCH_KINDS } from '../search';
import { dateDto, idDto, personDto, sentenceRefDto } from './common';
import { sentenceStateDto } from './sentence';
import { ratingDto } from './verdict';

export const searchResultDto = z
  .strictObject({
    sentence: sentenceRefDto,
    article: z.strictObject({
      id: idDto,
      title: z.string(),
      language: z.string(),
      teamName: z.string(),
      date: dateDto,
    }),
    href: z
      .string()
      .describe('the reader at the sentence: `/articles/{id}?sentence={id}#sentence-{n}`'),
    snippet: z.string().describe('the sentence, matches between U+0002 and U+0003'),
    matched: z
      .array(z.enum(SEARCH_MATCH_KINDS))
      .describe('what matched: the sentence’s text, highlight notes, rationales, comments on it'),
    matches: z
      .array(
        z.strictObject({
          kind: z.enum(SEARCH_MATCH_KINDS).exclude(['sentence']),
          id: idDto.describe('the highlight, verdict or comment'),
          author: personDto.nullable(),
          snippet: z.string().describe('its text, matches between U+0002 and U+0003'),
        }),
      )
      .describe(
        'the best matching notes, rationales and comments (3 at most); never a teammate’s ' +
          'draft verdict nor a deleted comment',
      ),
    rank: z.number(),
    rating: ratingDto.nullable().describe('the published verdict'),
    state: sentenceStateDto,
  })
  .meta({ id: 'SearchResult' });

export const searchResponseDto = z.strictObject({
  query: z.string(),
  page: z.int(),
  total: z.int(),
  results: z.array(searchResultDto),
});
