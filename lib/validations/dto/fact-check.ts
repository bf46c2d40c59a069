// Response shapes of the external fact-check routes (issue 16), for the OpenAPI document and the
// contract tests.
import { z } from 'zod';
import { idDto, timestampDto } from './common';

export const skippedFactCheckDto = z
  .strictObject({
    index: z.int().describe('0-based position of the ClaimReview in the document'),
    url: z.string().nullable(),
    reason: z
      .enum([
        'not_claim_review',
        'missing_url',
        'invalid_url',
        'missing_claim',
        'markup_in_text',
        'text_too_long',
        'duplicate',
      ])
      .describe('why nothing of it was stored'),
  })
  .meta({ id: 'SkippedFactCheck' });

export const factCheckImportDto = z
  .strictObject({
    imported: z.int().describe('new fact-checks'),
    updated: z.int().describe('fact-checks already known by their URL, replaced'),
    newPublishers: z.int(),
    skipped: z.array(skippedFactCheckDto),
  })
  .meta({ id: 'FactCheckImport' });

export const factCheckFeedDto = z
  .strictObject({
    id: idDto,
    url: z.string(),
    trusted: z.boolean().describe('publishers first seen in this feed are trusted'),
    createdAt: timestampDto,
    fetchedAt: timestampDto.nullable(),
    status: z.enum(['ok', 'error']).nullable().describe('after the last refresh; null before'),
    error: z.string().nullable().describe('why the last refresh failed: a stable code'),
    itemCount: z.int(),
    skipped: z.int(),
  })
  .meta({ id: 'FactCheckFeed' });

export const factCheckFeedListDto = z.strictObject({ feeds: z.array(factCheckFeedDto) });

export const factCheckPublisherDto = z
  .strictObject({
    id: idDto,
    name: z.string(),
    url: z.string().nullable(),
    trusted: z.boolean().describe('its fact-checks show in matches'),
    factChecks: z.int(),
  })
  .meta({ id: 'FactCheckPublisher' });

export const factCheckPublisherListDto = z.strictObject({
  publishers: z.array(factCheckPublisherDto),
});
