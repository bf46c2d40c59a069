// Response shapes of sentences: the side panel's detail, the at-a-glance states, the history
// (lib/server/sentences/get-sentence.ts, lib/server/verdicts/list-sentence-states.ts).
import { z } from 'zod';
import { MATCH_REASONS } from '@/lib/matching/score';
import { ROLES } from '@/lib/permissions';
import { SENTENCE_STATES } from '@/lib/workflow/sentence-state';
import { annotationDto } from './annotation';
import { commentDto } from './comment';
import { auditIdDto, idDto, personDto, timestampDto, unitDto } from './common';
import { publishedVerdictDto, ratingDto, verdictDto, verdictStatusDto } from './verdict';

export const sentenceStateDto = z.enum(SENTENCE_STATES).meta({ id: 'SentenceState' });
export const roleDto = z.enum(ROLES).meta({ id: 'Role' });

export const sentenceSummaryDto = z
  .strictObject({
    state: sentenceStateDto,
    rating: ratingDto.nullable().describe('the published rating, else the caller’s own'),
    publishedRating: ratingDto.nullable(),
    myStatus: verdictStatusDto.nullable(),
    assignee: personDto.nullable(),
    commentCount: z.int(),
    needsRecheck: z.boolean().describe('a revision changed the text since a verdict was written'),
    checkworthiness: z.number().min(0).max(1),
  })
  .meta({ id: 'SentenceSummary' });

export const sentenceStatesDto = z.strictObject({
  states: z
    .record(idDto, sentenceSummaryDto)
    .describe('by sentence id (headings and paywall notices left out)'),
});

export const sourceArchiveDto = z
  .strictObject({
    url: z.string().describe('the source’s address, as cited'),
    status: z.enum(['pending', 'archived', 'unavailable']),
    reason: z
      .string()
      .nullable()
      .describe('why there is no copy: paywall, blocked, not_found, http_error, timeout…'),
    copyUrl: z.string().nullable().describe('the archived copy (GET /api/v1/snapshots/{id}/copy)'),
    archivedAt: timestampDto.nullable(),
    sha256: z.string().nullable().describe('SHA-256 of the body as fetched, hex'),
    checkState: z
      .enum(['dead', 'changed'])
      .nullable()
      .describe('what the last link check found wrong: dead (4xx/5xx, gone) or changed text'),
    checkedAt: timestampDto.nullable(),
  })
  .meta({ id: 'SourceArchive', description: 'FactDesk’s archived copy of a cited source' });

export const sentenceDetailDto = z.strictObject({
  sentence: unitDto.extend({
    articleId: idDto,
    assignee: personDto.nullable(),
    retired: z.boolean().describe('removed from the text by a revision (kept with its verdicts)'),
  }),
  state: sentenceStateDto,
  summary: sentenceSummaryDto,
  myRole: roleDto.nullable(),
  canResolve: z
    .boolean()
    .describe(
      'you may settle the sentence’s dispute now: it is disputed, you are an editor or owner, ' +
        'and you did not rate it (or the team lets parties settle)',
    ),
  resolveRefusal: z
    .string()
    .nullable()
    .describe('why you may not settle the dispute; null when not disputed or when you may'),
  highlights: z.array(annotationDto),
  verdicts: z
    .array(verdictDto)
    .describe('every verdict on the sentence except teammates’ drafts (private to their author)'),
  finalVerdict: publishedVerdictDto.nullable(),
  comments: z.array(commentDto),
  archives: z
    .array(sourceArchiveDto)
    .describe('the archive of every source the verdicts above cite'),
});

export const assignedDto = z.strictObject({ sentenceId: idDto, assignee: personDto.nullable() });

/** lib/server/audit/redact.ts */
const REDACTED =
  '. A side recording a teammate’s draft verdict keeps only `status` and `version`, a deleted ' +
  'comment’s events only `parentId`, `annotationId`, `version` and `deleted`, each with ' +
  '`redacted: true`: a draft stays private to its author (for good: the submitted content is ' +
  'in the submit event), a deleted comment’s text is gone.';

export const historyEventDto = z
  .strictObject({
    id: auditIdDto,
    actor: personDto.nullable(),
    action: z.string().describe('e.g. verdict.submit, comment.create, sentence.assign'),
    entity: z.string().describe('verdict, comment, annotation, sentence…'),
    entityId: idDto,
    at: timestampDto,
    before: z.unknown().describe(`what the audit trail kept before the change, or null${REDACTED}`),
    after: z.unknown().describe(`what the audit trail kept after the change, or null${REDACTED}`),
  })
  .meta({ id: 'HistoryEvent' });

export const sentenceHistoryDto = z.strictObject({ events: z.array(historyEventDto) });

const matchCommon = {
  score: z.number().describe('0..1; a match from 0.45 (README "Claim matching")'),
  reasons: z
    .array(z.enum(MATCH_REASONS))
    .describe('why it matches, and what differs (a negation on one side only)'),
};

export const verdictMatchDto = z
  .strictObject({
    kind: z.literal('verdict'),
    sentenceId: idDto,
    articleId: idDto,
    articleTitle: z.string(),
    sentenceNumber: z.int().describe('1-based, as the reader and the reports number sentences'),
    claim: z.string().describe('what was matched: the verdict’s claim summary, else the sentence'),
    rating: ratingDto,
    author: personDto.nullable(),
    approvedAt: timestampDto,
    ...matchCommon,
  })
  .meta({ id: 'VerdictMatch', description: 'an approved verdict of the team' });

export const externalMatchDto = z
  .strictObject({
    kind: z.literal('external'),
    factCheckId: idDto,
    url: z.string().describe('the fact-check’s page (http or https)'),
    claim: z.string().describe('the ClaimReview’s `claimReviewed`'),
    claimant: z.string().nullable(),
    rating: ratingDto
      .nullable()
      .describe('on FactDesk’s scale when the publisher’s numbers allow, else null'),
    ratingName: z.string().nullable().describe('the publisher’s verdict as written'),
    publisher: z.strictObject({ name: z.string(), url: z.string().nullable() }),
    reviewDate: z.iso.date().nullable(),
    ...matchCommon,
  })
  .meta({
    id: 'ExternalMatch',
    description: 'another organisation’s fact-check, from a publisher the team trusts',
  });

export const claimMatchDto = z
  .discriminatedUnion('kind', [verdictMatchDto, externalMatchDto])
  .meta({
    id: 'ClaimMatch',
    description: 'a fact-check of the same claim: the team’s verdict or a trusted external one',
  });

export const claimMatchListDto = z.strictObject({ matches: z.array(claimMatchDto) });

export const matchMarkListDto = z.strictObject({
  marks: z.array(
    z
      .strictObject({
        sentenceId: idDto,
        count: z.int().describe('matches the panel shows (up to 5)'),
        rating: ratingDto.nullable().describe('the first match’s rating'),
        kind: z.enum(['verdict', 'external']).describe('the first match’s kind'),
      })
      .meta({ id: 'MatchMark' }),
  ),
});
