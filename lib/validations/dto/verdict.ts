// Response shapes of verdicts and the published verdict (lib/server/verdicts/serialize.ts and
// published.ts are typed from them).
import { z } from 'zod';
import { VERDICT_STATUSES } from '@/lib/workflow/sentence-state';
import { RATING_VALUES } from '../verdict';
import { dateDto, idDto, personDto, timestampDto } from './common';

export const ratingDto = z.enum(RATING_VALUES).meta({ id: 'Rating' });
export const verdictStatusDto = z.enum(VERDICT_STATUSES).meta({ id: 'VerdictStatus' });

export const sourceDto = z
  .strictObject({
    url: z.url(),
    title: z.string().nullable(),
    publisher: z.string().nullable(),
    publishedAt: dateDto.nullable(),
    excerpt: z.string().nullable(),
  })
  .meta({ id: 'Source' });

export const claimDto = z
  .strictObject({
    summary: z
      .string()
      .nullable()
      .describe(
        'ClaimReview `claimReviewed` (≤ 75 characters advised); null: the sentence, shortened',
      ),
    claimant: z.string().nullable().describe('who made the claim (not the article’s author)'),
    claimantKind: z.enum(['person', 'organization']),
    date: dateDto.nullable().describe('when the claim was made; null: the article’s date'),
    appearanceUrl: z.url().nullable().describe('where it appeared; null: the article'),
  })
  .meta({ id: 'Claim', description: 'the claim as the fact-checker wrote it' });

export const verdictDto = z
  .strictObject({
    id: idDto,
    sentenceId: idDto,
    author: personDto,
    rating: ratingDto,
    rationale: z.string(),
    sources: z.array(sourceDto),
    claim: claimDto,
    status: verdictStatusDto,
    needsRecheck: z.boolean().describe('the sentence’s text changed in a revision since'),
    version: z.int(),
    submittedAt: timestampDto.nullable(),
    approvedBy: personDto.nullable().describe('who approved it (status `approved`)'),
    rejectedBy: personDto.nullable().describe('who sent it back (status `rejected`)'),
    reviewNote: z.string().nullable().describe('why it was sent back (status `rejected`)'),
    reviewedAt: timestampDto.nullable(),
    updatedAt: timestampDto,
  })
  .meta({ id: 'Verdict' });

export const publishedVerdictDto = z
  .strictObject({
    verdictId: idDto.nullable().describe('the approved verdict; null for an editor’s resolution'),
    rating: ratingDto,
    rationale: z.string(),
    sources: z.array(sourceDto),
    claim: claimDto,
    author: personDto.nullable(),
    approvedBy: personDto.nullable(),
    approvedAt: timestampDto,
    isResolution: z.boolean().describe('written by an editor settling a dispute'),
    needsRecheck: z.boolean().describe('the sentence’s text changed in a revision since'),
  })
  .meta({ id: 'PublishedVerdict', description: 'the sentence’s published (final) verdict' });

export const resolvedDto = z.strictObject({ finalVerdict: publishedVerdictDto });
