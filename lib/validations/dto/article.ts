// Response shapes of articles: the list, one article, renames, revisions, agreement
// (lib/server/articles/** is typed from them).
import { z } from 'zod';
import { dateDto, idDto, personDto, timestampDto, unitDto } from './common';

export const articleSummaryDto = z
  .strictObject({
    id: idDto,
    teamId: idDto,
    title: z.string(),
    language: z.string(),
    partial: z.boolean(),
    sentenceCount: z.int().describe('checkable sentences (no headings, no paywall notices)'),
    checkedCount: z.int().describe('sentences with a published (approved) verdict'),
  })
  .meta({ id: 'ArticleSummary' });

export const articleListDto = z.strictObject({ articles: z.array(articleSummaryDto) });

export const retiredSentenceDto = z
  .strictObject({
    id: idDto,
    text: z.string(),
    retiredAt: timestampDto,
    verdictCount: z.int(),
    commentCount: z.int(),
  })
  .meta({ id: 'RetiredSentence' });

export const articleDto = z
  .strictObject({
    id: idDto,
    teamId: idDto,
    title: z.string(),
    language: z.string(),
    text: z.string(),
    partial: z.boolean(),
    version: z.int().describe('send it back with PATCH and PUT …/text'),
    sourceUrl: z.string().nullable(),
    publisher: z.string().nullable(),
    author: z.string().nullable(),
    publishedAt: dateDto.nullable(),
    createdAt: timestampDto,
    revisionCount: z.int(),
    sentences: z.array(unitDto),
    retiredSentences: z
      .array(retiredSentenceDto)
      .describe('units removed by a revision that still carry verdicts or comments'),
  })
  .meta({ id: 'Article' });

export const renamedArticleDto = z.strictObject({
  id: idDto,
  title: z.string(),
  version: z.int(),
  updatedAt: timestampDto,
});

/** How a revision came about: the one list (imports write the first four, corrections the last two). */
export const REVISION_SOURCES = ['paste', 'upload', 'url', 'import', 'edit', 'reimport'] as const;

export const revisionDto = z
  .strictObject({
    version: z.int().describe('the article’s row version this revision made'),
    number: z.int().describe('the text’s own revision number: 1 for the import'),
    source: z.enum(REVISION_SOURCES),
    note: z.string().nullable(),
    summary: z
      .unknown()
      .describe('what the revision did to sentences, highlights and verdicts (counts)'),
    createdAt: timestampDto,
    createdBy: personDto.nullable(),
  })
  .meta({ id: 'Revision' });

export const revisionListDto = z.strictObject({ revisions: z.array(revisionDto) });

export const agreementDto = z
  .strictObject({
    alpha: z
      .number()
      .nullable()
      .describe('Krippendorff’s alpha (nominal); null when undefined (no pairable ratings)'),
    percentAgreement: z.number().nullable().describe('share of agreeing pairs, 0..1'),
    ratedSentences: z
      .int()
      .describe(
        'sentences rated (submitted) by at least two members; every rating counts as it was ' +
          'submitted, before any settlement of the dispute',
      ),
    disputed: z.array(idDto).describe('ids of the disputed sentences'),
  })
  .meta({ id: 'Agreement' });

export const publicationDto = z
  .strictObject({
    status: z
      .enum(['published', 'unpublished', 'never'])
      .describe('`unpublished`: withdrawn, its address answers 410 Gone'),
    url: z
      .url()
      .nullable()
      .describe('the public page (/p/{team}/{article}); null before the first publication'),
    firstPublishedAt: timestampDto.nullable(),
    publishedAt: timestampDto.nullable().describe('the last (re)publication'),
    unpublishedAt: timestampDto.nullable(),
    claimCount: z.int().describe('approved verdicts the page shows'),
  })
  .describe('Where the article’s public fact-check stands')
  .meta({ id: 'Publication' });
