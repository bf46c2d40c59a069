// Operations on articles: the list and imports, one article, its live stream, agreement,
// states, reports, corrections and revisions, and the search across them.
import { z } from 'zod';
import {
  articleSourceSchema,
  createArticleSchema,
  reviseArticleSchema,
  updateArticleSchema,
} from '@/lib/validations/article';
import {
  agreementDto,
  articleDto,
  articleListDto,
  publicationDto,
  renamedArticleDto,
  revisionListDto,
} from '@/lib/validations/dto/article';
import { deletedDto } from '@/lib/validations/dto/common';
import { searchResponseDto } from '@/lib/validations/dto/search';
import { sentenceStatesDto } from '@/lib/validations/dto/sentence';
import {
  ARTICLE_MAX_CHARACTERS,
  ARTICLE_MAX_UNITS,
  SYNC_IMPORT_MAX_CHARACTERS,
} from '@/lib/validations/limits';
import { reportQuerySchema } from '@/lib/validations/report';
import { searchQuerySchema } from '@/lib/validations/search';
import {
  FOLLOW_THE_JOB,
  JOB_CAP,
  accepted,
  badLastEventId,
  body,
  bodyErrors,
  count,
  fail,
  forbidden,
  idPath,
  importBodyTooLarge,
  json,
  lastEventIdHeader,
  notFound,
  readErrors,
  tooLarge,
  tooMany,
  tooManyJobs,
  validationFailed,
  writeErrors,
  type Operation,
} from './shared';

/** The schema's own limit on `html` (a page carries markup around its text). */
const HTML_MAX_CHARACTERS = articleSourceSchema.shape.html.unwrap().maxLength!;

export const EVENTS_DESCRIPTION = [
  'Server-Sent Events (`text/event-stream`) while the connection stays open; a `: ping` comment',
  'every LIVE_HEARTBEAT_MS (a server setting, 15 s by default). Every `data:` line is one JSON',
  'object:',
  '',
  '- a committed change: `{"type","entity","id","sentenceId","actor"}`: `type` is the audit',
  '  action (e.g. `verdict.submit`, `comment.create`), `entity` its kind (`verdict`, `comment`,',
  '  `annotation`, `sentence`, `article`), `id` the changed entity, `sentenceId` the sentence or',
  '  null, `actor` `{id,name}` or null. Its SSE `id:` is the audit event id.',
  '- `{"type":"presence","viewers":[{"id","name"}]}`: who has the article open (no SSE id).',
  '- `{"type":"resync"}`: changes may have been missed; refetch what is shown.',
  '- `{"type":"closed","reason"}`, the last event of a stream the server ends on purpose:',
  '  `too_many_streams` (you opened more than LIVE_MAX_STREAMS_PER_USER streams, a server setting,',
  '  8 by default, counted across all instances, one per open tab: this was your oldest) or',
  '  `membership` (you are no longer a member of the team: checked when you leave or are removed,',
  '  and again at every heartbeat). It comes with a long `retry:`: close the EventSource rather',
  '  than reconnect.',
  '',
  'A reconnecting client sends `Last-Event-ID` (browsers do it by themselves) and gets the',
  'changes it missed replayed (up to 500, then a `resync`). Events only say what to refetch. A',
  'stream that ends without a `closed` event (a restart, a database failure) may be reopened.',
].join('\n');

export const eventStream = {
  description: 'the event stream; see the operation description for the events',
  content: { 'text/event-stream': { schema: z.string() } },
};

export const reportContent = {
  'text/markdown': { schema: z.string() },
  'text/csv': { schema: z.string() },
  'application/json': { schema: { type: 'object', description: 'the report as JSON' } },
  'application/ld+json': {
    schema: { type: 'array', description: 'schema.org ClaimReview objects' },
  },
};

export const articleOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/articles',
    operationId: 'listArticles',
    tag: 'articles',
    summary: "Articles of the caller's teams, with progress",
    responses: { '200': json(articleListDto, 'the list'), ...readErrors },
  },
  {
    method: 'post',
    path: '/api/v1/articles',
    operationId: 'createArticle',
    tag: 'articles',
    summary: 'Import an article from text, Markdown, an HTML page or a URL (editors and owners)',
    description:
      'Exactly one of `text` (with `format: "markdown"` for Markdown), `html` (main content ' +
      'extracted, never stored as HTML) or `url` (fetched by the server: http(s) only, ' +
      'private and loopback addresses refused, 10 s, 5 MB, 5 redirects). Title, author, ' +
      'publisher, date and language are taken from the document unless given.\n\n' +
      `A \`text\` or \`html\` of up to ${count(SYNC_IMPORT_MAX_CHARACTERS)} characters is ` +
      'imported in the request (201). A larger one, and every `url`, is imported by a ' +
      `worker (202): ${FOLLOW_THE_JOB}; once it succeeded, its \`resultUrl\` is the ` +
      `article. Limits: \`text\` up to ${count(ARTICLE_MAX_CHARACTERS)} characters and ` +
      `\`html\` up to ${count(HTML_MAX_CHARACTERS)} (422 beyond); an extracted text over ` +
      `${count(ARTICLE_MAX_CHARACTERS)} characters or ${count(ARTICLE_MAX_UNITS)} units ` +
      '(sentences, headings, notices) fails the job with `payload_too_large`.',
    body: body(createArticleSchema),
    responses: {
      '201': json(articleDto, 'a small source, imported: the article, as GET answers it'),
      '202': accepted(
        'a large source or a web address: the import job (it fails with the codes below: ' +
          '`import_failed`, `payload_too_large`…)',
      ),
      ...bodyErrors,
      '403': forbidden('only editors and owners add articles'),
      '404': notFound('Team'),
      '413': tooLarge(importBodyTooLarge),
      '422': fail(
        'invalid values (`validation_failed`), or a source that cannot be read ' +
          '(`import_failed`, `details.reason`)',
      ),
      '429': tooManyJobs,
    },
  },
  {
    method: 'get',
    path: '/api/v1/articles/{id}',
    operationId: 'getArticle',
    tag: 'articles',
    summary: 'One article with its units (sentences, headings, paywall notices)',
    params: { path: idPath('Article') },
    responses: {
      '200': json(articleDto, 'the article'),
      ...readErrors,
      '404': notFound('Article'),
    },
  },
  {
    method: 'patch',
    path: '/api/v1/articles/{id}',
    operationId: 'renameArticle',
    tag: 'articles',
    summary: 'Rename an article (editors and owners)',
    params: { path: idPath('Article') },
    body: body(updateArticleSchema),
    responses: {
      '200': json(renamedArticleDto, 'renamed'),
      ...bodyErrors,
      '403': forbidden('only editors and owners rename articles'),
      '404': notFound('Article'),
      '409': fail('stale `version` (`conflict`); `details.current` is the article now'),
    },
  },
  {
    method: 'delete',
    path: '/api/v1/articles/{id}',
    operationId: 'deleteArticle',
    tag: 'articles',
    summary: 'Delete an article for good (editors and owners)',
    description:
      'With everything on it: units, highlights, verdicts, sources, comments, revisions, ' +
      'jobs and their results. Every route about it answers 404 afterwards and nothing of ' +
      'it is found by search. The team’s journal keeps the facts of its events (their ' +
      'before/after become `{"redacted": true}`) and records `article.deleted` with the ' +
      'article’s id and title; its open event streams receive that event.',
    params: { path: idPath('Article') },
    responses: {
      '200': json(deletedDto, 'deleted'),
      ...writeErrors,
      '403': forbidden('only editors and owners delete articles'),
      '404': notFound('Article'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/articles/{id}/agreement',
    operationId: 'getArticleAgreement',
    tag: 'articles',
    summary: 'Inter-rater agreement (Krippendorff’s alpha) and disputed sentences',
    params: { path: idPath('Article') },
    responses: {
      '200': json(agreementDto, 'the agreement figures'),
      ...readErrors,
      '404': notFound('Article'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/articles/{id}/sentence-states',
    operationId: 'listSentenceStates',
    tag: 'articles',
    summary: 'Review state, rating, assignee and comment count of every checkable sentence',
    params: { path: idPath('Article') },
    responses: {
      '200': json(sentenceStatesDto, 'the states'),
      ...readErrors,
      '404': notFound('Article'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/articles/{id}/events',
    operationId: 'streamArticleEvents',
    tag: 'articles',
    summary: 'Live stream of the article’s changes and viewers (Server-Sent Events)',
    description: EVENTS_DESCRIPTION,
    params: {
      path: idPath('Article'),
      header: lastEventIdHeader(
        'the last SSE id received (an audit event id): replay what followed',
      ),
    },
    responses: {
      '200': eventStream,
      '400': badLastEventId,
      ...readErrors,
      '404': notFound('Article'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/articles/{id}/report',
    operationId: 'getArticleReport',
    tag: 'articles',
    summary:
      'Verified-claim report: Markdown, CSV, JSON, schema.org ClaimReview JSON-LD, printable HTML or PDF',
    description:
      'The PDF is rendered by a worker: `format=pdf` answers 202 with a job, ' +
      `${FOLLOW_THE_JOB}; once it succeeded, GET /api/v1/jobs/{id}/result is the file. ` +
      'It fails with `unavailable` when the workers have no Chromium. Renders waiting or ' +
      'running in the whole deployment are limited to PDF_QUEUE_MAX (a server setting, ' +
      '10 by default): 429 `queue_full` beyond.',
    params: { path: idPath('Article'), query: reportQuerySchema },
    responses: {
      '200': {
        description:
          'the report (a download unless `download=0`), streamed as it is written: ' +
          'chunked, without Content-Length',
        content: { 'text/html': { schema: z.string() }, ...reportContent },
      },
      '202': accepted('`format=pdf`: the render job (any member may ask for it)'),
      ...readErrors,
      '404': notFound('Article'),
      '422': fail(
        'unknown `format`, `download` other than 0 or 1, or a parameter given twice ' +
          '(`validation_failed`)',
      ),
      '429': tooMany(
        '`format=pdf`: the PDF queue of the deployment is full (`queue_full`), or you ' +
          `already have ${JOB_CAP} waiting or running (\`rate_limited\`)`,
      ),
    },
  },
  {
    method: 'put',
    path: '/api/v1/articles/{id}/text',
    operationId: 'reviseArticleText',
    tag: 'articles',
    summary: 'Correct the text, or re-import it, as a new revision (editors and owners)',
    description:
      'Highlights re-anchor (position, quote with context, then fuzzy; the unplaceable are ' +
      'kept as orphans); verdicts follow their sentence, marked `needsRecheck` when its text ' +
      'changed; removed sentences keep their verdicts. Every version is kept.\n\n' +
      'Re-anchoring is done by a worker: every correction answers 202 with a job, ' +
      `${FOLLOW_THE_JOB}; once it succeeded, its \`resultUrl\` is the article and its ` +
      '`result.version` the new version. Role, `version` and values are checked at once; ' +
      'the job fails with `invalid_state` for the same text, `import_failed` for a source ' +
      'that cannot be read, `conflict` if another correction came first, ' +
      `\`payload_too_large\` for a text over ${count(ARTICLE_MAX_CHARACTERS)} characters ` +
      `or ${count(ARTICLE_MAX_UNITS)} units.`,
    params: { path: idPath('Article') },
    body: body(reviseArticleSchema),
    responses: {
      '202': accepted('the correction job'),
      ...bodyErrors,
      '403': forbidden('only editors and owners correct articles'),
      '404': notFound('Article'),
      '409': fail('stale `version` (`conflict`, `details.current`)'),
      '413': tooLarge(importBodyTooLarge),
      '422': validationFailed,
      '429': tooManyJobs,
    },
  },
  {
    method: 'get',
    path: '/api/v1/articles/{id}/revisions',
    operationId: 'listArticleRevisions',
    tag: 'articles',
    summary: 'The versions of the article’s text, newest first',
    params: { path: idPath('Article') },
    responses: {
      '200': json(revisionListDto, 'the revisions'),
      ...readErrors,
      '404': notFound('Article'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/articles/{id}/publication',
    operationId: 'getArticlePublication',
    tag: 'articles',
    summary: 'Whether the article’s fact-check is published, and where',
    params: { path: idPath('Article') },
    responses: {
      '200': json(publicationDto, 'the publication'),
      ...readErrors,
      '404': notFound('Article'),
    },
  },
  {
    method: 'post',
    path: '/api/v1/articles/{id}/publication',
    operationId: 'publishArticle',
    tag: 'articles',
    summary: 'Publish the article’s approved verdicts at its public address (editors and owners)',
    description:
      'The page `/p/{team}/{article}` is readable without a session: the approved verdicts only ' +
      '(never a draft, a submitted or a sent-back one), read live, so a new approved version ' +
      'corrects the page and adds a dated correction note; one JSON-LD script with a ClaimReview ' +
      'per claim whose `url` is the claim’s anchor on that page. The address is chosen at the ' +
      'first publication and kept. Publishing again after a withdrawal reopens the same address; ' +
      'publishing a published article changes nothing. Recorded as `article.publish`.',
    params: { path: idPath('Article') },
    responses: {
      '200': json(publicationDto, 'published'),
      ...writeErrors,
      '403': forbidden('only editors and owners publish'),
      '404': notFound('Article'),
      '409': fail('no verdict of the article is approved yet (`invalid_state`)'),
    },
  },
  {
    method: 'delete',
    path: '/api/v1/articles/{id}/publication',
    operationId: 'unpublishArticle',
    tag: 'articles',
    summary: 'Withdraw the published fact-check: its address answers 410 Gone (editors and owners)',
    description: 'Recorded as `article.unpublish`; withdrawing twice changes nothing.',
    params: { path: idPath('Article') },
    responses: {
      '200': json(publicationDto, 'withdrawn (or never published)'),
      ...writeErrors,
      '403': forbidden('only editors and owners withdraw a publication'),
      '404': notFound('Article'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/snapshots/{id}/copy',
    operationId: 'getSourceSnapshotCopy',
    tag: 'articles',
    summary: 'The archived copy of a cited source, as it was fetched (members of its team)',
    description:
      'Every source a verdict cites is archived by a worker (the same SSRF-safe fetcher as URL ' +
      'import): the bytes as received, under `Content-Security-Policy: sandbox; default-src ' +
      "'none'` — no script runs, no form is sent, nothing is loaded. A PDF comes as an " +
      'attachment. Reports link it as « archivé le … »; published pages link the public copy ' +
      '`/p/{team}/archive/{id}`.',
    params: { path: idPath('Snapshot') },
    responses: {
      '200': {
        description: 'the copy, with its original Content-Type',
        content: {
          'text/html': { schema: { type: 'string' } },
          'text/plain': { schema: { type: 'string' } },
          'application/pdf': { schema: { type: 'string', format: 'binary' } },
        },
      },
      ...readErrors,
      '404': notFound('Snapshot (or not archived)'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/search',
    operationId: 'searchSentences',
    tag: 'articles',
    summary:
      'Full-text search across the sentences of your teams and the notes, rationales and comments on them (French/English stemming, accents and case ignored)',
    params: { query: searchQuerySchema },
    responses: {
      '200': json(searchResponseDto, 'ranked matches, 25 a page'),
      ...readErrors,
      '422': validationFailed,
    },
  },
];
