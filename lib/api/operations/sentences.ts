// Operations on sentences, the review workflow (verdicts) and comments.
import {
  createCommentSchema,
  deleteCommentSchema,
  updateCommentSchema,
} from '@/lib/validations/comment';
import { commentDto, commentListDto } from '@/lib/validations/dto/comment';
import {
  assignedDto,
  claimMatchListDto,
  matchMarkListDto,
  sentenceDetailDto,
  sentenceHistoryDto,
} from '@/lib/validations/dto/sentence';
import {
  articleMatchesQuerySchema,
  claimSearchQuerySchema,
  reuseMatchSchema,
} from '@/lib/validations/matching';
import { resolvedDto, verdictDto } from '@/lib/validations/dto/verdict';
import { assignSentenceSchema } from '@/lib/validations/sentence';
import {
  rejectVerdictSchema,
  resolveDisputeSchema,
  setVerdictSchema,
  verdictVersionSchema,
} from '@/lib/validations/verdict';
import {
  body,
  bodyErrors,
  fail,
  forbidden,
  idPath,
  json,
  notFound,
  readErrors,
  validationFailed,
  type Operation,
} from './shared';

const notCheckable = fail(
  'invalid values (`validation_failed`), or a heading / paywall notice (`not_checkable`)',
);

export const sentenceOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/sentences/{id}',
    operationId: 'getSentence',
    tag: 'sentences',
    summary: 'A sentence with its state, highlights, verdicts, final verdict and comments',
    params: { path: idPath('Sentence') },
    responses: {
      '200': json(sentenceDetailDto, 'the sentence'),
      ...readErrors,
      '404': notFound('Sentence'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/sentences/{id}/matches',
    operationId: 'listSentenceMatches',
    tag: 'sentences',
    summary: '« Déjà vérifié ? »: the team’s verdicts and trusted fact-checks of the same claim',
    description:
      'Up to 5, best first, each with its score and reasons (README "Claim matching"): trigram ' +
      'similarity and full-text rank from PostgreSQL, then the figures, years, names and ' +
      'negation of both claims — a different figure or year is never a match. The team’s own ' +
      'verdicts come first, then the fact-checks of publishers the team trusts. The sentence’s ' +
      'own verdict is not listed; other teams’ verdicts and untrusted publishers never are. ' +
      'Computed on demand and cached.',
    params: { path: idPath('Sentence') },
    responses: {
      '200': json(claimMatchListDto, 'the matches'),
      ...readErrors,
      '404': notFound('Sentence'),
    },
  },
  {
    method: 'post',
    path: '/api/v1/sentences/{id}/reuse',
    operationId: 'reuseMatch',
    tag: 'sentences',
    summary: 'My draft verdict on the sentence, pre-filled from a match (never submitted)',
    description:
      'From the team’s approved verdict: its rating, rationale, sources and claim fields; from a ' +
      'trusted organisation’s fact-check: its rating on FactDesk’s scale when its numbers allow ' +
      '(else `unverifiable`, to decide), its claimant and date. Either way a source pointing at ' +
      'the earlier fact-check is added. A sentence you already rated is left alone (409).',
    params: { path: idPath('Sentence') },
    body: body(reuseMatchSchema),
    responses: {
      '201': json(verdictDto, 'the draft'),
      ...bodyErrors,
      '403': forbidden('viewers do not write verdicts'),
      '404': notFound('Sentence, verdict or fact-check'),
      '409': fail('you already have a verdict on this sentence (`conflict`)'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/articles/{id}/matches',
    operationId: 'listArticleMatchMarks',
    tag: 'sentences',
    summary: 'Which of the given sentences have a match (the triage list’s marks)',
    description:
      'Computed for the sentences whose cached matches are stale, so at most 20 sentences per ' +
      'request; the cache is shared by the team and invalidated whenever its claim index or the ' +
      'trust in a publisher changes.',
    params: { path: idPath('Article'), query: articleMatchesQuerySchema },
    responses: {
      '200': json(matchMarkListDto, 'the sentences that have a match'),
      ...readErrors,
      '404': notFound('Article'),
      '422': validationFailed,
    },
  },
  {
    method: 'get',
    path: '/api/v1/claims/search',
    operationId: 'searchClaims',
    tag: 'sentences',
    summary: 'Any text against your teams’ verdicts and trusted fact-checks (claim matching)',
    params: { query: claimSearchQuerySchema },
    responses: {
      '200': json(claimMatchListDto, 'the matches, up to 5'),
      ...readErrors,
      '422': validationFailed,
    },
  },
  {
    method: 'put',
    path: '/api/v1/sentences/{id}/assignee',
    operationId: 'assignSentence',
    tag: 'sentences',
    summary: 'Assign a sentence to a member, or unassign it (editors and owners)',
    params: { path: idPath('Sentence') },
    body: body(assignSentenceSchema),
    responses: {
      '200': json(assignedDto, 'assigned'),
      ...bodyErrors,
      '403': forbidden('only editors and owners assign sentences'),
      '404': notFound('Sentence'),
      '422': fail(
        'invalid values, or the person is not a member or is a viewer ' +
          '(`validation_failed`); a heading or paywall notice (`not_checkable`)',
      ),
    },
  },
  {
    method: 'get',
    path: '/api/v1/sentences/{id}/history',
    operationId: 'getSentenceHistory',
    tag: 'sentences',
    summary: 'Every audited change to the sentence and its highlights, oldest first',
    params: { path: idPath('Sentence') },
    responses: {
      '200': json(sentenceHistoryDto, 'the history'),
      ...readErrors,
      '404': notFound('Sentence'),
    },
  },

  // ---- verdicts --------------------------------------------------------------------------
  {
    method: 'put',
    path: '/api/v1/sentences/{id}/verdict',
    operationId: 'setVerdict',
    tag: 'verdicts',
    summary: "Write the caller's verdict on a sentence (it becomes a draft)",
    params: { path: idPath('Sentence') },
    body: body(setVerdictSchema),
    responses: {
      '200': json(verdictDto, "the caller's verdict"),
      ...bodyErrors,
      '403': forbidden('viewers cannot give verdicts'),
      '404': notFound('Sentence'),
      '409': fail(
        'stale or missing `version` on an existing verdict (`conflict`); ' +
          '`details.current` is the verdict now',
      ),
      '422': notCheckable,
    },
  },
  {
    method: 'post',
    path: '/api/v1/sentences/{id}/verdict/submit',
    operationId: 'submitVerdict',
    tag: 'verdicts',
    summary: "Submit the caller's verdict for review by another member",
    params: { path: idPath('Sentence') },
    body: body(verdictVersionSchema, false),
    responses: {
      '200': json(verdictDto, 'submitted'),
      ...bodyErrors,
      '403': forbidden('viewers cannot give verdicts'),
      '404': fail(
        'sentence unknown or outside your teams, or no verdict of yours on it (`not_found`)',
      ),
      '409': fail(
        'stale `version` (`conflict`), or already submitted or approved ' +
          '(`invalid_state`); `details.current` is the verdict now',
      ),
      '422': notCheckable,
    },
  },
  {
    method: 'post',
    path: '/api/v1/verdicts/{id}/approve',
    operationId: 'approveVerdict',
    tag: 'verdicts',
    summary: 'Approve a submitted verdict: it becomes the published verdict',
    params: { path: idPath('Verdict') },
    body: body(verdictVersionSchema, false),
    responses: {
      '200': json(verdictDto, 'approved'),
      ...bodyErrors,
      '403': fail(
        'your own verdict, a viewer, or a disputed sentence when not an editor or owner ' +
          '(`forbidden`); a disputed sentence you rated, unless the team lets parties ' +
          'settle (`adjudicator_is_party`)',
      ),
      '404': notFound('Verdict'),
      '409': fail(
        'stale `version` (`conflict`), or not submitted (`invalid_state`); ' +
          '`details.current` is the verdict now',
      ),
    },
  },
  {
    method: 'post',
    path: '/api/v1/verdicts/{id}/reject',
    operationId: 'rejectVerdict',
    tag: 'verdicts',
    summary: 'Send a submitted verdict back to its author, with a reason',
    params: { path: idPath('Verdict') },
    body: body(rejectVerdictSchema),
    responses: {
      '200': json(verdictDto, 'sent back'),
      ...bodyErrors,
      '403': forbidden('your own verdict, or a viewer'),
      '404': notFound('Verdict'),
      '409': fail(
        'stale `version` (`conflict`), or not submitted (`invalid_state`); ' +
          '`details.current` is the verdict now',
      ),
    },
  },
  {
    method: 'post',
    path: '/api/v1/sentences/{id}/resolve',
    operationId: 'resolveDispute',
    tag: 'verdicts',
    summary:
      'Settle a disputed sentence: approve one verdict in play, or write the final one ' +
      '(editors and owners)',
    params: { path: idPath('Sentence') },
    body: body(resolveDisputeSchema),
    responses: {
      '200': json(resolvedDto, 'settled'),
      ...bodyErrors,
      '403': fail(
        'only editors and owners settle disputes, never for their own verdict ' +
          '(`forbidden`); not when they rated the sentence, unless the team lets parties ' +
          'settle (`adjudicator_is_party`)',
      ),
      '404': notFound('Sentence or verdict'),
      '409': fail(
        'not disputed, or the verdict is not in play (`invalid_state`); ' +
          'stale `version` (`conflict`)',
      ),
      '422': notCheckable,
    },
  },

  // ---- comments --------------------------------------------------------------------------
  {
    method: 'get',
    path: '/api/v1/sentences/{id}/comments',
    operationId: 'listComments',
    tag: 'comments',
    summary: 'Comments on a sentence, oldest first (deleted ones keep their place)',
    params: { path: idPath('Sentence') },
    responses: {
      '200': json(commentListDto, 'the comments'),
      ...readErrors,
      '404': notFound('Sentence'),
    },
  },
  {
    method: 'post',
    path: '/api/v1/sentences/{id}/comments',
    operationId: 'createComment',
    tag: 'comments',
    summary: 'Comment on a sentence, reply to a comment, or comment on a highlight',
    params: { path: idPath('Sentence') },
    body: body(createCommentSchema),
    responses: {
      '201': json(commentDto, 'created'),
      ...bodyErrors,
      '404': notFound('Sentence'),
      '422': fail(
        'invalid values, an unknown parent, or a highlight that does not touch the ' +
          'sentence (`validation_failed`)',
      ),
    },
  },
  {
    method: 'patch',
    path: '/api/v1/comments/{id}',
    operationId: 'updateComment',
    tag: 'comments',
    summary: 'Edit your comment',
    params: { path: idPath('Comment') },
    body: body(updateCommentSchema),
    responses: {
      '200': json(commentDto, 'the comment now'),
      ...bodyErrors,
      '403': forbidden('only its author may edit it'),
      '404': notFound('Comment'),
      '409': fail(
        'stale `version` (`conflict`; `details.current` is the comment now), or ' +
          'deleted (`invalid_state`)',
      ),
    },
  },
  {
    method: 'delete',
    path: '/api/v1/comments/{id}',
    operationId: 'deleteComment',
    tag: 'comments',
    summary: 'Delete a comment (its text goes, its place in the thread stays)',
    params: { path: idPath('Comment') },
    body: body(deleteCommentSchema, false),
    responses: {
      '200': json(commentDto, 'the deleted comment (`deleted: true`, `body: null`)'),
      ...bodyErrors,
      '403': forbidden('only its author, an editor or an owner may delete it'),
      '404': notFound('Comment'),
      '409': fail('stale `version` (`conflict`); `details.current` is the comment now'),
    },
  },
];
