// Response shape of « Ma file » (lib/server/queue/get-queue.ts is typed from it).
import { z } from 'zod';
import { idDto, personDto, sentenceRefDto, timestampDto } from './common';
import { sentenceStateDto } from './sentence';
import { ratingDto, verdictStatusDto } from './verdict';

const queuePlace = z.strictObject({
  sentence: sentenceRefDto,
  article: z.strictObject({
    id: idDto,
    title: z.string(),
    language: z.string(),
    teamName: z.string(),
  }),
});

export const queueDto = z.strictObject({
  assigned: z
    .array(
      queuePlace.extend({
        state: sentenceStateDto,
        myStatus: verdictStatusDto.nullable(),
        assignedAt: timestampDto.nullable(),
      }),
    )
    .describe('sentences assigned to you that are not approved yet'),
  toReview: z
    .array(
      queuePlace.extend({
        verdict: z.strictObject({
          id: idDto,
          rating: ratingDto,
          version: z.int(),
          author: personDto,
          submittedAt: timestampDto.nullable(),
        }),
      }),
    )
    .describe('others’ submitted verdicts you may approve or send back'),
  toResolve: z
    .array(queuePlace.extend({ state: sentenceStateDto }))
    .describe('disputed sentences to settle (editors and owners)'),
  sourceAlerts: z
    .array(
      queuePlace.extend({
        url: z.string().describe('the cited address'),
        checkState: z.enum(['dead', 'changed']),
        checkedAt: timestampDto.nullable(),
      }),
    )
    .describe(
      'sources your verdicts cite that the link check found dead (4xx/5xx, gone) or changed',
    ),
});
