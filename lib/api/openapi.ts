// The OpenAPI 3.1 description of /api/v1, generated from the same zod schemas the server
// validates with (request bodies) plus response schemas written once here, mirroring the
// serializers of lib/server. A unit test checks that every route handler under app/api/v1 is
// described and nothing else is, and that every route reading a JSON body documents it. The
// limits the descriptions state are imported from lib/validations/limits.ts; the ones that are
// server settings (environment variables) are named, with their defaults.
import { z } from 'zod';
import { JobKind, JobStatus } from '@/generated/prisma/enums';
import { ROLES } from '@/lib/permissions';
import type { JobDto } from '@/lib/server/jobs/jobs';
import { SENTENCE_STATES, VERDICT_STATUSES } from '@/lib/workflow/sentence-state';
import {
  annotationListQuerySchema,
  createAnnotationSchema,
  deleteAnnotationSchema,
  updateAnnotationSchema,
} from '@/lib/validations/annotation';
import {
  articleSourceSchema,
  createArticleSchema,
  reviseArticleSchema,
  updateArticleSchema,
} from '@/lib/validations/article';
import { deleteAccountSchema } from '@/lib/validations/account';
import { changePasswordSchema, signUpSchema } from '@/lib/validations/auth';
import {
  ARTICLE_MAX_CHARACTERS,
  ARTICLE_MAX_UNITS,
  IMPORT_MAX_ANNOTATIONS,
  IMPORT_MAX_BODY_BYTES,
  MAX_BODY_BYTES,
  SYNC_ANNOTATION_IMPORT_MAX,
  SYNC_IMPORT_MAX_CHARACTERS,
} from '@/lib/validations/limits';
import {
  createCommentSchema,
  deleteCommentSchema,
  updateCommentSchema,
} from '@/lib/validations/comment';
import { lastEventIdSchema } from '@/lib/validations/query';
import { reportQuerySchema, teamReportQuerySchema } from '@/lib/validations/report';
import { SEARCH_MATCH_KINDS, searchQuerySchema } from '@/lib/validations/search';
import { assignSentenceSchema } from '@/lib/validations/sentence';
import {
  createInvitationSchema,
  createTeamSchema,
  deleteTeamSchema,
  updateTeamSchema,
  auditQuerySchema,
  invitationTokenSchema,
  updateMemberSchema,
} from '@/lib/validations/team';
import { createTokenSchema } from '@/lib/validations/token';
import {
  RATING_VALUES,
  rejectVerdictSchema,
  resolveDisputeSchema,
  setVerdictSchema,
  verdictVersionSchema,
} from '@/lib/validations/verdict';

type JsonSchema = Record<string, unknown>;

// Embedded in the document, so without their own `$schema` (OpenAPI 3.1 sets the dialect).
function embed(schema: JsonSchema): JsonSchema {
  const rest = { ...schema };
  delete rest.$schema;
  return rest;
}
const input = (schema: z.ZodType) => embed(z.toJSONSchema(schema, { io: 'input' }));
const output = (schema: z.ZodType) => embed(z.toJSONSchema(schema, { io: 'output' }));

// ---------------------------------------------------------------------------------------------
// Response shapes, mirroring the serializers of lib/server.

const id = z.uuid();
const timestamp = z.iso.datetime();
const person = z.object({ id, name: z.string() });
const rating = z.enum(RATING_VALUES);
const role = z.enum(ROLES);
const verdictStatus = z.enum(VERDICT_STATUSES);
const sentenceState = z.enum(SENTENCE_STATES);
const auditId = z
  .string()
  .regex(/^\d+$/)
  .describe('audit event id: a decimal integer, as a string');
const unitKind = z.enum(['sentence', 'heading', 'paywall']);
const unit = z.object({
  id,
  index: z.int(),
  start: z.int().describe('UTF-16 offset into the article text'),
  end: z.int(),
  kind: unitKind,
  text: z.string(),
});
const triageReason = z.enum(['figure', 'date', 'entity', 'attribution', 'quote', 'comparison']);
const articleUnit = unit.extend({
  checkworthiness: z.number().min(0).max(1).describe('claim triage score (lib/text/triage.ts)'),
  checkworthinessReasons: z.array(triageReason),
});
/** lib/server/annotations/serialize.ts */
const annotation = z.object({
  id,
  author: person,
  note: z.string().nullable(),
  sentenceIds: z.array(id),
  anchorStatus: z
    .enum(['anchored', 'fuzzy', 'orphaned'])
    .describe('after corrections of the text: placed exactly, approximately, or not at all'),
  version: z.int(),
  target: z.object({
    selector: z.tuple([
      z.object({
        type: z.literal('TextQuoteSelector'),
        exact: z.string(),
        prefix: z.string(),
        suffix: z.string(),
      }),
      z.object({ type: z.literal('TextPositionSelector'), start: z.int(), end: z.int() }),
    ]),
  }),
  createdAt: timestamp,
});
const source = z.object({
  url: z.url(),
  title: z.string().nullable(),
  publisher: z.string().nullable(),
  publishedAt: z.iso.date().nullable(),
  excerpt: z.string().nullable(),
});
/** lib/server/verdicts/serialize.ts (serializeVerdict) */
const verdict = z.object({
  id,
  sentenceId: id,
  author: person,
  rating,
  rationale: z.string(),
  sources: z.array(source),
  status: verdictStatus,
  needsRecheck: z.boolean().describe('the sentence’s text changed in a revision since'),
  version: z.int(),
  submittedAt: timestamp.nullable(),
  approvedBy: person.nullable().describe('who approved it (status `approved`)'),
  rejectedBy: person.nullable().describe('who sent it back (status `rejected`)'),
  reviewNote: z.string().nullable().describe('why it was sent back (status `rejected`)'),
  reviewedAt: timestamp.nullable(),
  updatedAt: timestamp,
});
/** lib/server/verdicts/published.ts (serializePublished) */
const publishedVerdict = z
  .object({
    verdictId: id.nullable().describe('the approved verdict; null for an editor’s resolution'),
    rating,
    rationale: z.string(),
    sources: z.array(source),
    author: person.nullable(),
    approvedBy: person.nullable(),
    approvedAt: timestamp,
    isResolution: z.boolean().describe('written by an editor settling a dispute'),
    needsRecheck: z.boolean().describe('the sentence’s text changed in a revision since'),
  })
  .describe('the sentence’s published (final) verdict');
/** lib/server/comments/serialize.ts */
const comment = z.object({
  id,
  sentenceId: id,
  annotationId: id.nullable().describe('the highlight it is about, if any'),
  parentId: id.nullable().describe('the comment it replies to, if any'),
  author: person,
  body: z.string().nullable().describe('null once deleted'),
  deleted: z.boolean(),
  edited: z.boolean(),
  version: z.int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
const articleSummary = z.object({
  id,
  teamId: id,
  title: z.string(),
  language: z.string(),
  partial: z.boolean(),
  sentenceCount: z.int().describe('checkable sentences (no headings, no paywall notices)'),
  checkedCount: z.int().describe('sentences with a published (approved) verdict'),
});
const article = z.object({
  id,
  teamId: id,
  title: z.string(),
  language: z.string(),
  text: z.string(),
  partial: z.boolean(),
  version: z.int().describe('send it back with PATCH and PUT …/text'),
  sourceUrl: z.string().nullable(),
  publisher: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: z.iso.date().nullable(),
  createdAt: timestamp,
  revisionCount: z.int(),
  sentences: z.array(articleUnit),
  retiredSentences: z
    .array(
      z.object({
        id,
        text: z.string(),
        retiredAt: timestamp,
        verdictCount: z.int(),
        commentCount: z.int(),
      }),
    )
    .describe('units removed by a revision that still carry verdicts or comments'),
});
const revision = z.object({
  version: z.int(),
  source: z.enum(['paste', 'upload', 'url', 'import', 'edit', 'reimport']),
  note: z.string().nullable(),
  summary: z
    .record(z.string(), z.unknown())
    .describe('what the revision did to sentences, highlights and verdicts (counts)'),
  createdAt: timestamp,
  createdBy: person.nullable(),
});
const searchResult = z.object({
  sentence: z.object({ id, index: z.int(), text: z.string() }),
  article: z.object({
    id,
    title: z.string(),
    language: z.string(),
    teamName: z.string(),
    date: z.iso.date(),
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
      z.object({
        kind: z.enum(SEARCH_MATCH_KINDS).exclude(['sentence']),
        id: id.describe('the highlight, verdict or comment'),
        author: person.nullable(),
        snippet: z.string().describe('its text, matches between U+0002 and U+0003'),
      }),
    )
    .describe(
      'the best matching notes, rationales and comments (3 at most); never a teammate’s ' +
        'draft verdict nor a deleted comment',
    ),
  rank: z.number(),
  rating: rating.nullable().describe('the published verdict'),
  state: sentenceState,
});
/** lib/server/articles/get-agreement.ts */
const agreement = z.object({
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
  disputed: z.array(id).describe('ids of the disputed sentences'),
});
/** lib/server/verdicts/list-sentence-states.ts (summarize) */
const sentenceSummary = z.object({
  state: sentenceState,
  rating: rating.nullable().describe('the published rating, else the caller’s own'),
  publishedRating: rating.nullable(),
  myStatus: verdictStatus.nullable(),
  assignee: person.nullable(),
  commentCount: z.int(),
});
/** lib/server/sentences/get-sentence.ts */
const sentenceDetail = z.object({
  sentence: unit.extend({ articleId: id, assignee: person.nullable() }),
  state: sentenceState,
  summary: sentenceSummary,
  myRole: role.nullable(),
  highlights: z.array(annotation),
  verdicts: z
    .array(verdict)
    .describe('every verdict on the sentence except teammates’ drafts (private to their author)'),
  finalVerdict: publishedVerdict.nullable(),
  comments: z.array(comment),
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
});
/** lib/server/audit/redact.ts */
const REDACTED =
  '. A side recording a teammate’s draft verdict keeps only `status` and `version`, a deleted ' +
  'comment’s events only `parentId`, `annotationId`, `version` and `deleted`, each with ' +
  '`redacted: true`: a draft stays private to its author (for good: the submitted content is ' +
  'in the submit event), a deleted comment’s text is gone.';
const historyEvent = z.object({
  id: auditId,
  actor: person.nullable(),
  action: z.string().describe('e.g. verdict.submit, comment.create, sentence.assign'),
  entity: z.string().describe('verdict, comment, annotation, sentence…'),
  entityId: id,
  at: timestamp,
  before: z.unknown().describe(`what the audit trail kept before the change, or null${REDACTED}`),
  after: z.unknown().describe(`what the audit trail kept after the change, or null${REDACTED}`),
});
const auditEvent = historyEvent.extend({
  articleId: id.nullable(),
  sentenceId: id.nullable(),
  summary: z.string().describe('the event as a French sentence naming the member'),
  changes: z
    .array(
      z.object({
        label: z.string(),
        before: z.string().nullable(),
        after: z.string().nullable(),
      }),
    )
    .describe('what changed, in words (rating, rationale, role, title…)'),
  hidden: z.string().nullable().describe('why part of the event is not shown, if it is redacted'),
  subject: person
    .nullable()
    .describe('whom it was done to: the verdict’s author, the member concerned'),
  article: z.object({ id, title: z.string() }).nullable(),
  sentenceNumber: z.int().nullable().describe('1-based; null when not on a current sentence'),
  href: z.string().nullable().describe('the reader where it happened'),
});
/** lib/server/queue/get-queue.ts */
const queuePlace = z.object({
  sentence: z.object({ id, index: z.int(), text: z.string() }),
  article: z.object({ id, title: z.string(), language: z.string(), teamName: z.string() }),
});
const queue = z.object({
  assigned: z
    .array(
      queuePlace.extend({
        state: sentenceState,
        myStatus: verdictStatus.nullable(),
        assignedAt: timestamp.nullable(),
      }),
    )
    .describe('sentences assigned to you that are not approved yet'),
  toReview: z
    .array(
      queuePlace.extend({
        verdict: z.object({
          id,
          rating,
          version: z.int(),
          author: person,
          submittedAt: timestamp.nullable(),
        }),
      }),
    )
    .describe('others’ submitted verdicts you may approve or send back'),
  toResolve: z
    .array(queuePlace.extend({ state: sentenceState }))
    .describe('disputed sentences to settle (editors and owners)'),
});
const team = z.object({ id, name: z.string(), role, memberCount: z.int() });
/** lib/server/teams/team-settings.ts */
const teamSettings = z.object({
  id,
  name: z.string(),
  allowPartyAdjudication: z
    .boolean()
    .describe('a member who rated a disputed sentence may settle the dispute (reports say so)'),
});
const invitation = z.object({
  id,
  role,
  expiresAt: timestamp,
  createdAt: timestamp,
  createdBy: person.nullable(),
});
const token = z.object({
  id,
  name: z.string(),
  prefix: z.string().describe('the first characters of the token, to recognise it'),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  expiresAt: timestamp.describe('chosen at creation; an expired token is refused (401)'),
  expired: z.boolean(),
});
const session = z.object({
  id,
  createdAt: timestamp,
  lastSeenAt: timestamp,
  expiresAt: timestamp.describe('12 hours after the last activity'),
  userAgent: z.string(),
  current: z.boolean().describe('the session making this request'),
});
/** lib/server/jobs/jobs.ts (serializeJob); checked against JobDto: a field left out fails tsc. */
const job = z
  .object({
    id,
    kind: z
      .enum(JobKind)
      .describe(
        'article_import (POST /api/v1/articles), article_revise (PUT …/text), ' +
          'annotations_import (POST …/annotations/import), report_pdf (GET …/report?format=pdf)',
      ),
    status: z.enum(JobStatus).describe('queued → running → succeeded | failed'),
    progress: z.number().min(0).max(1).describe('0..1, as the worker reports it'),
    articleId: id.nullable().describe('the article imported, corrected or reported on'),
    resultUrl: z
      .string()
      .nullable()
      .describe(
        'once succeeded: the article (imports and corrections) or GET /api/v1/jobs/{id}/result ' +
          '(W3C imports, PDF reports); null before',
      ),
    pageUrl: z
      .string()
      .nullable()
      .describe('once succeeded: the page of the app that shows the outcome, if any'),
    result: z
      .unknown()
      .describe(
        'once succeeded, a summary (null before): article_import `{articleId,title,units}`; ' +
          'article_revise `{version,…}` with what the revision did (counts); annotations_import ' +
          '`{imported,skippedCount,skipped}` (`skipped`: the first reasons); report_pdf ' +
          '`{filename,bytes}`',
      ),
    error: z
      .object({ code: z.string(), message: z.string() })
      .nullable()
      .describe('once failed: the error code and message a request would have answered'),
    attempts: z.int().describe('runs so far: a failure not caused by the input is retried'),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
  })
  .describe('work done by a worker (lib/server/jobs)') satisfies z.ZodType<JobDto>;
const errorBody = z.object({
  error: z.object({
    code: z.string().describe('stable machine code, e.g. not_found, conflict, validation_failed'),
    message: z.string().describe('for people, in French'),
    details: z.unknown().optional(),
  }),
});

// ---------------------------------------------------------------------------------------------
// Building blocks of the operations.

function json(schema: z.ZodType, description: string) {
  return { description, content: { 'application/json': { schema: output(schema) } } };
}
/** Query-string parameters from a zod object schema (each property one optional parameter). */
function queryParameters(schema: z.ZodObject) {
  const properties = (input(schema).properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: false,
    schema: property,
  }));
}
function body(schema: z.ZodType, required = true) {
  return { required, content: { 'application/json': { schema: input(schema) } } };
}
const fail = (description: string) => json(errorBody, description);
/** The `Last-Event-ID` header of an event stream (lib/validations/query.ts). */
const lastEventIdHeader = (description: string) => ({
  name: 'Last-Event-ID',
  in: 'header',
  required: false,
  description,
  schema: input(lastEventIdSchema),
});
const badLastEventId = fail(
  '`Last-Event-ID` is not an audit event id (digits, 0 to 2^63−1): `bad_request`, no stream',
);

const unauthenticated = fail(
  'no session cookie or bearer token, or an unknown or revoked token (`unauthenticated`)',
);
const invalidJson = fail('the body is not valid JSON (`invalid_json`)');
const validationFailed = fail('invalid values (`validation_failed`); `details` lists them');
const notFound = (what: string) => fail(`${what} unknown, or outside your teams (\`not_found\`)`);
const forbidden = (rule: string) => fail(`${rule} (\`forbidden\`)`);
const invitationInvalid = fail(
  'the link was used, revoked or has expired, or is malformed (`invitation_invalid`)',
);

/** Limits as the descriptions state them: `20,000`, `12 MiB`. */
const count = (n: number) => n.toLocaleString('en-US');
const mebibytes = (bytes: number) => `${bytes / (1024 * 1024)} MiB`;
const tooLarge = (what: string) => fail(`${what} (\`payload_too_large\`); nothing is stored`);
/** The schema's own limit on `html` (a page carries markup around its text). */
const HTML_MAX_CHARACTERS = articleSourceSchema.shape.html.unwrap().maxLength!;

/** 401, plus 400 / 413 / 422 for the routes reading a JSON body. */
const readErrors = { '401': unauthenticated };
const unsupportedMediaType = fail(
  'the body is not JSON: `Content-Type: application/json` is required (`unsupported_media_type`); nothing is stored',
);
const bodyErrors = {
  '400': invalidJson,
  '401': unauthenticated,
  '413': tooLarge(`a body over ${mebibytes(MAX_BODY_BYTES)}`),
  '415': unsupportedMediaType,
  '422': validationFailed,
};
const sessionOnly = forbidden(
  'an access token cannot do this: a signed-in browser session only (`session_required`)',
);
const importBodyTooLarge = `a body over ${mebibytes(IMPORT_MAX_BODY_BYTES)}`;

const retryAfterHeader = {
  'Retry-After': {
    description: 'seconds to wait before asking again',
    schema: { type: 'integer', minimum: 1 },
  },
};
/** A 429 with its Retry-After header. */
const tooMany = (description: string) => ({ ...fail(description), headers: retryAfterHeader });
// The per-user job cap and the PDF queue are server settings (lib/server/jobs/jobs.ts,
// lib/server/reports/pdf-report.ts): named here with their defaults.
const JOB_CAP = 'JOBS_MAX_PENDING_PER_USER jobs (a server setting, 5 by default)';
const tooManyJobs = tooMany(
  `you already have ${JOB_CAP} waiting or running (\`rate_limited\`); nothing is queued`,
);

/** 202: the work was handed to a worker; follow the job. */
function accepted(description: string) {
  return {
    ...json(z.object({ job }), description),
    headers: {
      Location: {
        description: 'the job: /api/v1/jobs/{id}',
        schema: { type: 'string' },
      },
      ...retryAfterHeader,
    },
  };
}
const FOLLOW_THE_JOB =
  'follow it with GET /api/v1/jobs/{id} (the `Location`) or live with GET /api/v1/jobs/{id}/events';

const pathParameter = (name: string, description: string, schema: JsonSchema) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
});
const uuidParameter = (what: string, name = 'id') =>
  pathParameter(name, `${what} id`, { type: 'string', format: 'uuid' });
const tokenParameter = pathParameter(
  'token',
  'the invitation token from the link (`fdi_…`), not a uuid',
  input(invitationTokenSchema),
);

const TAGS = [
  { name: 'articles', description: 'Articles, their live stream, agreement and reports' },
  { name: 'sentences', description: 'Sentences: detail, assignment, history' },
  { name: 'verdicts', description: 'The review workflow: write, submit, approve, reject, settle' },
  { name: 'comments', description: 'Threaded comments on sentences and highlights' },
  { name: 'annotations', description: 'Highlights (W3C Web Annotation selectors)' },
  { name: 'jobs', description: 'Work done by a worker: large imports, corrections, PDF reports' },
  { name: 'teams', description: 'Teams, members, audit trail' },
  { name: 'invitations', description: 'Invitation links to join a team' },
  { name: 'tokens', description: 'Personal access tokens for scripts' },
  { name: 'me', description: 'Your account and your work queue' },
  { name: 'meta', description: 'This document' },
];

const EVENTS_DESCRIPTION = [
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

const JOB_EVENTS_DESCRIPTION = [
  'Server-Sent Events (`text/event-stream`): one `data:` line per change of the job (status,',
  'progress), each the whole job as GET /api/v1/jobs/{id} answers it but not wrapped in `{"job"}`,',
  'starting with its current state, and `: ping` comments in between. The stream ends once the',
  'job succeeded or failed: close the EventSource on that event (a browser reconnects by itself',
  'after a stream ends, and would be sent the final state again). Events have no SSE id: a new',
  'connection starts from the current state.',
].join('\n');

export function buildOpenApiDocument(serverUrl = '/'): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'FactDesk API',
      version: '1',
      description:
        'Fact-checking annotations over HTTP. Authenticate with the session cookie (sign in ' +
        'through /api/auth/csrf then /api/auth/callback/credentials) or, for scripts, with ' +
        '`Authorization: Bearer fdp_…` (a personal access token from POST /api/v1/tokens). ' +
        'Errors are always {"error":{"code","message"}} (plus `details` for some codes). ' +
        'Work that grows with its input (large imports, corrections, PDF reports) is done by a ' +
        'worker: those requests answer 202 with `{"job"}` and `Location: /api/v1/jobs/{id}`. ' +
        `Request bodies are limited to ${mebibytes(MAX_BODY_BYTES)} ` +
        `(${mebibytes(IMPORT_MAX_BODY_BYTES)} for imports and corrections): 413 above. ` +
        'Query parameters are validated like bodies (422 `validation_failed`): a parameter ' +
        'given twice, a NUL or a value out of range is refused, unknown ones are ignored. An ' +
        'API path ending in `/` or holding a `.` or `..` segment (`%2e%2e` included) is a 404. ' +
        'Writes are protected against cross-site request forgery: a body must be JSON ' +
        '(`Content-Type: application/json`, else 415 `unsupported_media_type`), and a write ' +
        "carried by the session cookie must come from FactDesk's own origin (`Sec-Fetch-Site` " +
        'or `Origin`, else 403 `cross_origin_request`); bearer-token calls are exempt. ' +
        'A write may carry an `Idempotency-Key` (8–200 of A-Z a-z 0-9 _ : . -): a retry with the ' +
        'same key and body gets the first answer (`Idempotent-Replayed: true`), the same key with ' +
        'another body 422 `idempotency_key_reused`. ' +
        'JSON-LD answers (ClaimReview, W3C annotations) write `<`, `>`, `&`, U+2028 and U+2029 ' +
        'as `\\u003c`, `\\u003e`, `\\u0026`, `\\u2028`, `\\u2029`: they can be pasted into ' +
        '`<script type="application/ld+json">` as they are.',
    },
    servers: [{ url: serverUrl }],
    security: [{ session: [] }, { bearer: [] }],
    tags: TAGS,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token' },
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'personal access token (fdp_…) from POST /api/v1/tokens',
        },
      },
    },
    paths: {
      // ---- me / meta ----------------------------------------------------------------------
      '/api/v1/signup': {
        post: {
          operationId: 'signUp',
          tags: ['me'],
          summary: 'Create an account',
          security: [],
          requestBody: body(signUpSchema),
          responses: {
            '201': json(z.object({ id, email: z.email(), name: z.string() }), 'created'),
            '400': invalidJson,
            '409': fail('e-mail already used (`email_taken`)'),
            '413': bodyErrors['413'],
            '422': validationFailed,
          },
        },
      },
      '/api/v1/me': {
        delete: {
          operationId: 'deleteMyAccount',
          tags: ['me'],
          summary: 'Delete your account (a browser session only, with your current password)',
          description:
            'Refused (409 `last_owner`) while you are the only owner of a team that has other ' +
            'members: hand ownership over or delete the team first. Otherwise your sessions, ' +
            'access tokens, memberships and draft verdicts are deleted, teams where you were the ' +
            'only member are deleted with their articles, and what you contributed to the other ' +
            'teams (verdicts, comments, highlights, journal entries) stays, signed ' +
            '« Compte supprimé »: the account is anonymised (name, e-mail, password), and each ' +
            'of those teams’ journals records `member.account_deleted`.',
          requestBody: body(deleteAccountSchema),
          responses: {
            '200': json(
              z.object({
                deleted: z.literal(true),
                teamsLeft: z.array(id).describe('teams that continue without you'),
                teamsDeleted: z.array(id).describe('teams you were the only member of'),
              }),
              'deleted: the session cookie no longer signs anyone in',
            ),
            ...bodyErrors,
            '401': fail(
              'not signed in (`unauthenticated`), or a wrong password (`invalid_credentials`)',
            ),
            '403': forbidden('an access token cannot delete an account (`session_required`)'),
            '409': fail(
              'you are the only owner of a team with other members (`last_owner`); nothing deleted',
            ),
            '429': tooMany('too many wrong passwords (`rate_limited`)'),
          },
        },
      },
      '/api/v1/me/sessions': {
        get: {
          operationId: 'listMySessions',
          tags: ['me'],
          summary: 'Your open browser sessions (a browser session only)',
          responses: {
            '200': json(z.object({ sessions: z.array(session) }), 'the open sessions'),
            ...readErrors,
            '403': sessionOnly,
          },
        },
        delete: {
          operationId: 'signOutEverywhere',
          tags: ['me'],
          summary: 'Sign out everywhere: every session of your account ends, this one included',
          responses: {
            '200': json(z.object({ revoked: z.int() }), 'the sessions ended'),
            ...readErrors,
            '403': sessionOnly,
          },
        },
      },
      '/api/v1/me/sessions/{id}': {
        parameters: [uuidParameter('Session')],
        delete: {
          operationId: 'endMySession',
          tags: ['me'],
          summary: 'End one of your sessions',
          responses: {
            '200': json(z.object({ id, revoked: z.literal(true) }), 'ended'),
            ...readErrors,
            '403': sessionOnly,
            '404': fail('unknown, not yours, or already ended (`not_found`)'),
          },
        },
      },
      '/api/v1/me/password': {
        put: {
          operationId: 'changeMyPassword',
          tags: ['me'],
          summary: 'Change your password (the current one required); your other sessions end',
          description:
            'The session making the change stays signed in; every other session of the account ' +
            'ends at once. Access tokens are not affected (revoke them one by one).',
          requestBody: body(changePasswordSchema),
          responses: {
            '200': json(
              z.object({ changed: z.literal(true), otherSessionsRevoked: z.int() }),
              'changed',
            ),
            ...bodyErrors,
            '401': fail(
              'not signed in (`unauthenticated`), or a wrong current password (`invalid_credentials`)',
            ),
            '403': sessionOnly,
          },
        },
      },
      '/api/v1/me/queue': {
        get: {
          operationId: 'getMyQueue',
          tags: ['me'],
          summary: 'What waits for you: assigned sentences, verdicts to review, disputes',
          responses: { '200': json(queue, 'your queue'), ...readErrors },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          tags: ['meta'],
          summary: 'This document',
          responses: { '200': { description: 'OpenAPI 3.1' }, ...readErrors },
        },
      },

      // ---- articles ----------------------------------------------------------------------
      '/api/v1/articles': {
        get: {
          operationId: 'listArticles',
          tags: ['articles'],
          summary: "Articles of the caller's teams, with progress",
          responses: {
            '200': json(z.object({ articles: z.array(articleSummary) }), 'the list'),
            ...readErrors,
          },
        },
        post: {
          operationId: 'createArticle',
          tags: ['articles'],
          summary:
            'Import an article from text, Markdown, an HTML page or a URL (editors and owners)',
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
          requestBody: body(createArticleSchema),
          responses: {
            '201': json(article, 'a small source, imported: the article, as GET answers it'),
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
      },
      '/api/v1/articles/{id}': {
        parameters: [uuidParameter('Article')],
        get: {
          operationId: 'getArticle',
          tags: ['articles'],
          summary: 'One article with its units (sentences, headings, paywall notices)',
          responses: {
            '200': json(article, 'the article'),
            ...readErrors,
            '404': notFound('Article'),
          },
        },
        patch: {
          operationId: 'renameArticle',
          tags: ['articles'],
          summary: 'Rename an article (editors and owners)',
          requestBody: body(updateArticleSchema),
          responses: {
            '200': json(
              z.object({ id, title: z.string(), version: z.int(), updatedAt: timestamp }),
              'renamed',
            ),
            ...bodyErrors,
            '403': forbidden('only editors and owners rename articles'),
            '404': notFound('Article'),
            '409': fail('stale `version` (`conflict`); `details.current` is the article now'),
          },
        },
        delete: {
          operationId: 'deleteArticle',
          tags: ['articles'],
          summary: 'Delete an article for good (editors and owners)',
          description:
            'With everything on it: units, highlights, verdicts, sources, comments, revisions, ' +
            'jobs and their results. Every route about it answers 404 afterwards and nothing of ' +
            'it is found by search. The team’s journal keeps the facts of its events (their ' +
            'before/after become `{"redacted": true}`) and records `article.deleted` with the ' +
            'article’s id and title; its open event streams receive that event.',
          responses: {
            '200': json(z.object({ id, deleted: z.literal(true) }), 'deleted'),
            ...readErrors,
            '403': forbidden('only editors and owners delete articles'),
            '404': notFound('Article'),
          },
        },
      },
      '/api/v1/articles/{id}/agreement': {
        parameters: [uuidParameter('Article')],
        get: {
          operationId: 'getArticleAgreement',
          tags: ['articles'],
          summary: 'Inter-rater agreement (Krippendorff’s alpha) and disputed sentences',
          responses: {
            '200': json(agreement, 'the agreement figures'),
            ...readErrors,
            '404': notFound('Article'),
          },
        },
      },
      '/api/v1/articles/{id}/sentence-states': {
        parameters: [uuidParameter('Article')],
        get: {
          operationId: 'listSentenceStates',
          tags: ['articles'],
          summary: 'Review state, rating, assignee and comment count of every checkable sentence',
          responses: {
            '200': json(
              z.object({
                states: z
                  .record(id, sentenceSummary)
                  .describe('by sentence id (headings and paywall notices left out)'),
              }),
              'the states',
            ),
            ...readErrors,
            '404': notFound('Article'),
          },
        },
      },
      '/api/v1/articles/{id}/events': {
        parameters: [uuidParameter('Article')],
        get: {
          operationId: 'streamArticleEvents',
          tags: ['articles'],
          summary: 'Live stream of the article’s changes and viewers (Server-Sent Events)',
          description: EVENTS_DESCRIPTION,
          parameters: [
            lastEventIdHeader('the last SSE id received (an audit event id): replay what followed'),
          ],
          responses: {
            '200': {
              description: 'the event stream; see the operation description for the events',
              content: { 'text/event-stream': { schema: { type: 'string' } } },
            },
            '400': badLastEventId,
            ...readErrors,
            '404': notFound('Article'),
          },
        },
      },
      '/api/v1/articles/{id}/report': {
        parameters: [uuidParameter('Article'), ...queryParameters(reportQuerySchema)],
        get: {
          operationId: 'getArticleReport',
          tags: ['articles'],
          summary:
            'Verified-claim report: Markdown, CSV, JSON, schema.org ClaimReview JSON-LD, printable HTML or PDF',
          description:
            'The PDF is rendered by a worker: `format=pdf` answers 202 with a job, ' +
            `${FOLLOW_THE_JOB}; once it succeeded, GET /api/v1/jobs/{id}/result is the file. ` +
            'It fails with `unavailable` when the workers have no Chromium. Renders waiting or ' +
            'running in the whole deployment are limited to PDF_QUEUE_MAX (a server setting, ' +
            '10 by default): 429 `queue_full` beyond.',
          responses: {
            '200': {
              description:
                'the report (a download unless `download=0`), streamed as it is written: ' +
                'chunked, without Content-Length',
              content: {
                'text/html': { schema: { type: 'string' } },
                'text/markdown': { schema: { type: 'string' } },
                'text/csv': { schema: { type: 'string' } },
                'application/json': { schema: { type: 'object' } },
                'application/ld+json': { schema: { type: 'array' } },
              },
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
      },
      '/api/v1/articles/{id}/text': {
        parameters: [uuidParameter('Article')],
        put: {
          operationId: 'reviseArticleText',
          tags: ['articles'],
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
          requestBody: body(reviseArticleSchema),
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
      },
      '/api/v1/articles/{id}/revisions': {
        parameters: [uuidParameter('Article')],
        get: {
          operationId: 'listArticleRevisions',
          tags: ['articles'],
          summary: 'The versions of the article’s text, newest first',
          responses: {
            '200': json(z.object({ revisions: z.array(revision) }), 'the revisions'),
            ...readErrors,
            '404': notFound('Article'),
          },
        },
      },
      '/api/v1/search': {
        get: {
          operationId: 'searchSentences',
          tags: ['articles'],
          summary:
            'Full-text search across the sentences of your teams and the notes, rationales and comments on them (French/English stemming, accents and case ignored)',
          parameters: queryParameters(searchQuerySchema),
          responses: {
            '200': json(
              z.object({
                query: z.string(),
                page: z.int(),
                total: z.int(),
                results: z.array(searchResult),
              }),
              'ranked matches, 25 a page',
            ),
            ...readErrors,
            '422': validationFailed,
          },
        },
      },

      // ---- annotations -------------------------------------------------------------------
      '/api/v1/articles/{id}/annotations': {
        parameters: [uuidParameter('Article')],
        get: {
          operationId: 'listAnnotations',
          tags: ['annotations'],
          summary: 'Highlights of an article; `format=w3c` for a W3C AnnotationCollection',
          parameters: queryParameters(annotationListQuerySchema),
          responses: {
            '200': {
              description:
                'the highlights (orphans included, with their status); the W3C collection ' +
                '(orphans left out) is streamed: chunked, without Content-Length',
              content: {
                'application/json': {
                  schema: output(z.object({ annotations: z.array(annotation) })),
                },
                'application/ld+json': {
                  schema: {
                    type: 'object',
                    description:
                      'W3C Web Annotation AnnotationCollection (http://www.w3.org/ns/anno.jsonld) ' +
                      'with TextQuote and TextPosition selectors; notes as TextualBody',
                  },
                },
              },
            },
            ...readErrors,
            '404': notFound('Article'),
            '422': fail('unknown `format`, or given twice (`validation_failed`)'),
          },
        },
        post: {
          operationId: 'createAnnotation',
          tags: ['annotations'],
          summary: 'Highlight a passage (not viewers)',
          requestBody: body(createAnnotationSchema),
          responses: {
            '201': json(annotation, 'created'),
            ...bodyErrors,
            '403': forbidden('viewers cannot highlight'),
            '404': notFound('Article'),
            '422': fail(
              'invalid values (`validation_failed`), or selectors that match nothing in the ' +
                'text (`selector_mismatch`)',
            ),
          },
        },
      },
      '/api/v1/articles/{id}/annotations/import': {
        parameters: [uuidParameter('Article')],
        post: {
          operationId: 'importAnnotations',
          tags: ['annotations'],
          summary: 'Import a W3C AnnotationCollection (or page, or array) as highlights',
          description:
            `Up to ${count(SYNC_ANNOTATION_IMPORT_MAX)} annotations are imported in the request ` +
            `(201); more by a worker (202): ${FOLLOW_THE_JOB}; once it succeeded, ` +
            'GET /api/v1/jobs/{id}/result answers `{"result":{"imported","skippedCount",' +
            '"skipped"}}` (counts, and the first reasons). A document of more than ' +
            `${count(IMPORT_MAX_ANNOTATIONS)} items is refused whole (413).`,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  description: 'an AnnotationCollection as GET …/annotations?format=w3c gives',
                },
              },
            },
          },
          responses: {
            '201': json(
              z.object({
                imported: z.array(annotation),
                skipped: z.array(z.string()).describe('why items were not imported'),
              }),
              'a small import, done: what was imported',
            ),
            '202': accepted('a large import: the job'),
            ...bodyErrors,
            '403': forbidden('viewers cannot highlight'),
            '404': notFound('Article'),
            '413': tooLarge(
              `${importBodyTooLarge}, or more than ${count(IMPORT_MAX_ANNOTATIONS)} items`,
            ),
            '422': fail(
              'not an annotation collection, or no usable annotation in it (`validation_failed`)',
            ),
            '429': tooManyJobs,
          },
        },
      },
      '/api/v1/annotations/{id}': {
        parameters: [uuidParameter('Highlight')],
        patch: {
          operationId: 'updateAnnotation',
          tags: ['annotations'],
          summary: 'Change a highlight’s note',
          requestBody: body(updateAnnotationSchema),
          responses: {
            '200': json(annotation, 'the highlight now'),
            ...bodyErrors,
            '403': forbidden('only its author, an editor or an owner may change it'),
            '404': notFound('Highlight'),
            '409': fail('stale `version` (`conflict`); `details.current` is the highlight now'),
          },
        },
        delete: {
          operationId: 'deleteAnnotation',
          tags: ['annotations'],
          summary: 'Delete a highlight',
          requestBody: body(deleteAnnotationSchema, false),
          responses: {
            '200': json(z.object({ id, deleted: z.literal(true) }), 'deleted'),
            ...bodyErrors,
            '403': forbidden('only its author, an editor or an owner may delete it'),
            '404': notFound('Highlight'),
            '409': fail('stale `version` (`conflict`); `details.current` is the highlight now'),
          },
        },
      },

      // ---- jobs --------------------------------------------------------------------------
      '/api/v1/jobs/{id}': {
        parameters: [uuidParameter('Job')],
        get: {
          operationId: 'getJob',
          tags: ['jobs'],
          summary: 'A job: its status, progress, and once over its result or error',
          responses: {
            '200': json(z.object({ job }), 'the job (not cached)'),
            ...readErrors,
            '404': notFound('Job'),
          },
        },
      },
      '/api/v1/jobs/{id}/result': {
        parameters: [uuidParameter('Job')],
        get: {
          operationId: 'getJobResult',
          tags: ['jobs'],
          summary: 'What a succeeded job made: the PDF of a report, or the summary of an import',
          responses: {
            '200': {
              description:
                'a report_pdf job: the PDF, as an attachment with Content-Length; any other ' +
                'kind: `{"result"}`, the job’s `result`',
              content: {
                'application/pdf': { schema: { type: 'string', format: 'binary' } },
                'application/json': { schema: output(z.object({ result: z.unknown() })) },
              },
            },
            ...readErrors,
            '404': notFound('Job'),
            '409': fail(
              'the job has not succeeded (yet): queued, running or failed (`invalid_state`, ' +
                '`details.status`)',
            ),
          },
        },
      },
      '/api/v1/jobs/{id}/events': {
        parameters: [uuidParameter('Job')],
        get: {
          operationId: 'streamJobEvents',
          tags: ['jobs'],
          summary: 'Live progress of a job, until it is over (Server-Sent Events)',
          description: JOB_EVENTS_DESCRIPTION,
          parameters: [
            lastEventIdHeader(
              'checked like the article stream’s, then ignored: job events have no SSE id',
            ),
          ],
          responses: {
            '200': {
              description: 'the event stream; see the operation description for the events',
              content: { 'text/event-stream': { schema: { type: 'string' } } },
            },
            '400': badLastEventId,
            ...readErrors,
            '404': notFound('Job'),
          },
        },
      },

      // ---- sentences ---------------------------------------------------------------------
      '/api/v1/sentences/{id}': {
        parameters: [uuidParameter('Sentence')],
        get: {
          operationId: 'getSentence',
          tags: ['sentences'],
          summary: 'A sentence with its state, highlights, verdicts, final verdict and comments',
          responses: {
            '200': json(sentenceDetail, 'the sentence'),
            ...readErrors,
            '404': notFound('Sentence'),
          },
        },
      },
      '/api/v1/sentences/{id}/assignee': {
        parameters: [uuidParameter('Sentence')],
        put: {
          operationId: 'assignSentence',
          tags: ['sentences'],
          summary: 'Assign a sentence to a member, or unassign it (editors and owners)',
          requestBody: body(assignSentenceSchema),
          responses: {
            '200': json(z.object({ sentenceId: id, assignee: person.nullable() }), 'assigned'),
            ...bodyErrors,
            '403': forbidden('only editors and owners assign sentences'),
            '404': notFound('Sentence'),
            '422': fail(
              'invalid values, or the person is not a member or is a viewer ' +
                '(`validation_failed`); a heading or paywall notice (`not_checkable`)',
            ),
          },
        },
      },
      '/api/v1/sentences/{id}/history': {
        parameters: [uuidParameter('Sentence')],
        get: {
          operationId: 'getSentenceHistory',
          tags: ['sentences'],
          summary: 'Every audited change to the sentence and its highlights, oldest first',
          responses: {
            '200': json(z.object({ events: z.array(historyEvent) }), 'the history'),
            ...readErrors,
            '404': notFound('Sentence'),
          },
        },
      },

      // ---- verdicts ----------------------------------------------------------------------
      '/api/v1/sentences/{id}/verdict': {
        parameters: [uuidParameter('Sentence')],
        put: {
          operationId: 'setVerdict',
          tags: ['verdicts'],
          summary: "Write the caller's verdict on a sentence (it becomes a draft)",
          requestBody: body(setVerdictSchema),
          responses: {
            '200': json(verdict, "the caller's verdict"),
            ...bodyErrors,
            '403': forbidden('viewers cannot give verdicts'),
            '404': notFound('Sentence'),
            '409': fail(
              'stale or missing `version` on an existing verdict (`conflict`); ' +
                '`details.current` is the verdict now',
            ),
            '422': fail(
              'invalid values (`validation_failed`), or a heading / paywall notice (`not_checkable`)',
            ),
          },
        },
      },
      '/api/v1/sentences/{id}/verdict/submit': {
        parameters: [uuidParameter('Sentence')],
        post: {
          operationId: 'submitVerdict',
          tags: ['verdicts'],
          summary: "Submit the caller's verdict for review by another member",
          requestBody: body(verdictVersionSchema, false),
          responses: {
            '200': json(verdict, 'submitted'),
            ...bodyErrors,
            '403': forbidden('viewers cannot give verdicts'),
            '404': fail(
              'sentence unknown or outside your teams, or no verdict of yours on it (`not_found`)',
            ),
            '409': fail(
              'stale `version` (`conflict`), or already submitted or approved ' +
                '(`invalid_state`); `details.current` is the verdict now',
            ),
            '422': fail(
              'invalid values (`validation_failed`), or a heading / paywall notice (`not_checkable`)',
            ),
          },
        },
      },
      '/api/v1/verdicts/{id}/approve': {
        parameters: [uuidParameter('Verdict')],
        post: {
          operationId: 'approveVerdict',
          tags: ['verdicts'],
          summary: 'Approve a submitted verdict: it becomes the published verdict',
          requestBody: body(verdictVersionSchema, false),
          responses: {
            '200': json(verdict, 'approved'),
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
      },
      '/api/v1/verdicts/{id}/reject': {
        parameters: [uuidParameter('Verdict')],
        post: {
          operationId: 'rejectVerdict',
          tags: ['verdicts'],
          summary: 'Send a submitted verdict back to its author, with a reason',
          requestBody: body(rejectVerdictSchema),
          responses: {
            '200': json(verdict, 'sent back'),
            ...bodyErrors,
            '403': forbidden('your own verdict, or a viewer'),
            '404': notFound('Verdict'),
            '409': fail(
              'stale `version` (`conflict`), or not submitted (`invalid_state`); ' +
                '`details.current` is the verdict now',
            ),
          },
        },
      },
      '/api/v1/sentences/{id}/resolve': {
        parameters: [uuidParameter('Sentence')],
        post: {
          operationId: 'resolveDispute',
          tags: ['verdicts'],
          summary:
            'Settle a disputed sentence: approve one verdict in play, or write the final one ' +
            '(editors and owners)',
          requestBody: body(resolveDisputeSchema),
          responses: {
            '200': json(z.object({ finalVerdict: publishedVerdict }), 'settled'),
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
            '422': fail(
              'invalid values (`validation_failed`), or a heading / paywall notice (`not_checkable`)',
            ),
          },
        },
      },

      // ---- comments ----------------------------------------------------------------------
      '/api/v1/sentences/{id}/comments': {
        parameters: [uuidParameter('Sentence')],
        get: {
          operationId: 'listComments',
          tags: ['comments'],
          summary: 'Comments on a sentence, oldest first (deleted ones keep their place)',
          responses: {
            '200': json(z.object({ comments: z.array(comment) }), 'the comments'),
            ...readErrors,
            '404': notFound('Sentence'),
          },
        },
        post: {
          operationId: 'createComment',
          tags: ['comments'],
          summary: 'Comment on a sentence, reply to a comment, or comment on a highlight',
          requestBody: body(createCommentSchema),
          responses: {
            '201': json(comment, 'created'),
            ...bodyErrors,
            '404': notFound('Sentence'),
            '422': fail(
              'invalid values, an unknown parent, or a highlight that does not touch the ' +
                'sentence (`validation_failed`)',
            ),
          },
        },
      },
      '/api/v1/comments/{id}': {
        parameters: [uuidParameter('Comment')],
        patch: {
          operationId: 'updateComment',
          tags: ['comments'],
          summary: 'Edit your comment',
          requestBody: body(updateCommentSchema),
          responses: {
            '200': json(comment, 'the comment now'),
            ...bodyErrors,
            '403': forbidden('only its author may edit it'),
            '404': notFound('Comment'),
            '409': fail(
              'stale `version` (`conflict`; `details.current` is the comment now), or ' +
                'deleted (`invalid_state`)',
            ),
          },
        },
        delete: {
          operationId: 'deleteComment',
          tags: ['comments'],
          summary: 'Delete a comment (its text goes, its place in the thread stays)',
          requestBody: body(deleteCommentSchema, false),
          responses: {
            '200': json(comment, 'the deleted comment (`deleted: true`, `body: null`)'),
            ...bodyErrors,
            '403': forbidden('only its author, an editor or an owner may delete it'),
            '404': notFound('Comment'),
            '409': fail('stale `version` (`conflict`); `details.current` is the comment now'),
          },
        },
      },

      // ---- teams -------------------------------------------------------------------------
      '/api/v1/teams': {
        get: {
          operationId: 'listTeams',
          tags: ['teams'],
          summary: 'Your teams, with your role',
          responses: {
            '200': json(z.object({ teams: z.array(team) }), 'the teams'),
            ...readErrors,
          },
        },
        post: {
          operationId: 'createTeam',
          tags: ['teams'],
          summary: 'Create a team (you become its owner)',
          requestBody: body(createTeamSchema),
          responses: { '201': json(team, 'created'), ...bodyErrors },
        },
      },
      '/api/v1/teams/{id}': {
        parameters: [uuidParameter('Team')],
        patch: {
          operationId: 'updateTeam',
          tags: ['teams'],
          summary: 'Change a team’s settings (owners)',
          description:
            '`allowPartyAdjudication`: whether an editor or owner who rated a disputed sentence ' +
            'may settle the dispute (false by default; the reports then mention it).',
          requestBody: body(updateTeamSchema),
          responses: {
            '200': json(teamSettings, 'the team’s settings'),
            ...bodyErrors,
            '403': forbidden('only owners change a team’s settings'),
            '404': notFound('Team'),
          },
        },
        delete: {
          operationId: 'deleteTeam',
          tags: ['teams'],
          summary: 'Delete a team for good, confirmed by its exact name (owners)',
          description:
            'With its articles (and everything on them), memberships, invitations, jobs and ' +
            'journal. The deletion itself is recorded outside the team, for the operator.',
          requestBody: body(deleteTeamSchema),
          responses: {
            '200': json(z.object({ id, deleted: z.literal(true) }), 'deleted'),
            ...bodyErrors,
            '403': forbidden('only owners delete a team'),
            '404': notFound('Team'),
            '422': fail(
              'invalid values, or `confirmName` is not the team’s name (`validation_failed`); ' +
                'nothing deleted',
            ),
          },
        },
      },
      '/api/v1/teams/{id}/members': {
        parameters: [uuidParameter('Team')],
        get: {
          operationId: 'listMembers',
          tags: ['teams'],
          summary: 'Members of a team',
          responses: {
            '200': json(
              z.object({
                team: z.object({ id, name: z.string(), myRole: role }),
                members: z.array(
                  z.object({
                    user: z.object({
                      id,
                      name: z.string(),
                      email: z
                        .email()
                        .nullable()
                        .describe(
                          'for the team’s owners every member’s, for others only their own; ' +
                            'null otherwise',
                        ),
                    }),
                    role,
                    joinedAt: timestamp,
                  }),
                ),
              }),
              'the members',
            ),
            ...readErrors,
            '404': notFound('Team'),
          },
        },
      },
      '/api/v1/teams/{id}/members/{userId}': {
        parameters: [uuidParameter('Team'), uuidParameter('Member’s user', 'userId')],
        patch: {
          operationId: 'updateMember',
          tags: ['teams'],
          summary: 'Change a member’s role (owners)',
          requestBody: body(updateMemberSchema),
          responses: {
            '200': json(z.object({ userId: id, role }), 'the new role'),
            ...bodyErrors,
            '403': forbidden('only owners manage members'),
            '404': notFound('Team or member'),
            '409': fail('the team would be left without an owner (`last_owner`)'),
          },
        },
        delete: {
          operationId: 'removeMember',
          tags: ['teams'],
          summary: 'Remove a member (owners), or leave the team (your own id)',
          responses: {
            '200': json(z.object({ userId: id, removed: z.literal(true) }), 'removed'),
            ...readErrors,
            '403': forbidden('only owners remove someone else'),
            '404': notFound('Team or member'),
            '409': fail('the team would be left without an owner (`last_owner`)'),
          },
        },
      },
      '/api/v1/teams/{id}/audit': {
        parameters: [uuidParameter('Team'), ...queryParameters(auditQuerySchema)],
        get: {
          operationId: 'listTeamAudit',
          tags: ['teams'],
          summary: 'The team’s audit trail, newest first, 100 events a page (owners)',
          responses: {
            '200': json(
              z.object({
                team: z.object({ id, name: z.string() }),
                members: z.array(person).describe('the member filter’s choices'),
                filters: z.object({ member: id.nullable(), action: z.string().nullable() }),
                events: z.array(auditEvent),
                nextBefore: auditId
                  .nullable()
                  .describe('`before` of the next page; null at the end'),
              }),
              'a page of events',
            ),
            ...readErrors,
            '403': forbidden('only owners read the audit trail'),
            '404': notFound('Team'),
            '422': fail(
              '`before` is not an audit event id (not a positive integer, beyond PostgreSQL’s ' +
                'bigint), `member` not a uuid, `action` not a team action, or one given twice ' +
                '(`validation_failed`)',
            ),
          },
        },
      },

      '/api/v1/teams/{id}/report': {
        parameters: [uuidParameter('Team'), ...queryParameters(teamReportQuerySchema)],
        get: {
          operationId: 'getTeamReport',
          tags: ['teams'],
          summary:
            'Verified claims across the team’s articles, filtered by approval date, verdict and reviewer',
          responses: {
            '200': {
              description:
                'the report (a download unless `download=0`), whole, with Content-Length',
              content: {
                'text/markdown': { schema: { type: 'string' } },
                'text/csv': { schema: { type: 'string' } },
                'application/json': { schema: { type: 'object' } },
                'application/ld+json': { schema: { type: 'array' } },
              },
            },
            ...readErrors,
            '404': notFound('Team'),
            '422': fail(
              'an invalid filter, a `reviewer` who is not a member of the team (whoever the id ' +
                'is: nothing about them is told), or a parameter given twice (`validation_failed`)',
            ),
          },
        },
      },

      // ---- invitations -------------------------------------------------------------------
      '/api/v1/teams/{id}/invitations': {
        parameters: [uuidParameter('Team')],
        get: {
          operationId: 'listInvitations',
          tags: ['invitations'],
          summary: 'Pending invitations of a team (editors and owners)',
          responses: {
            '200': json(z.object({ invitations: z.array(invitation) }), 'the invitations'),
            ...readErrors,
            '403': forbidden('only editors and owners see invitations'),
            '404': notFound('Team'),
          },
        },
        post: {
          operationId: 'createInvitation',
          tags: ['invitations'],
          summary: 'Create an invitation link (the token is shown only once)',
          requestBody: body(createInvitationSchema),
          responses: {
            '201': json(
              z.object({
                id,
                role,
                token: z.string().describe('`fdi_…`, shown only this once'),
                url: z.url().describe('the link to pass on'),
                expiresAt: timestamp,
              }),
              'created',
            ),
            ...bodyErrors,
            '403': forbidden(
              'only editors and owners invite; editors invite reviewers and viewers only',
            ),
            '404': notFound('Team'),
          },
        },
      },
      '/api/v1/teams/{id}/invitations/{invitationId}': {
        parameters: [uuidParameter('Team'), uuidParameter('Invitation', 'invitationId')],
        delete: {
          operationId: 'revokeInvitation',
          tags: ['invitations'],
          summary:
            'Revoke a pending invitation (owners any, editors those they may create: reviewer and viewer)',
          responses: {
            '200': json(z.object({ id, revoked: z.literal(true) }), 'revoked'),
            ...readErrors,
            '403': forbidden(
              'only editors and owners revoke invitations; editors only reviewer and viewer ones',
            ),
            '404': fail(
              'team or invitation unknown, or the invitation was already used or revoked ' +
                '(`not_found`)',
            ),
          },
        },
      },
      '/api/v1/invitations/{token}': {
        parameters: [tokenParameter],
        get: {
          operationId: 'getInvitation',
          tags: ['invitations'],
          summary: 'What an invitation offers, before accepting it',
          responses: {
            '200': json(
              z.object({
                team: z.object({ id, name: z.string() }),
                role,
                invitedBy: z.string().nullable().describe('the inviter’s name'),
                expiresAt: timestamp,
                alreadyMember: z.boolean(),
              }),
              'the invitation',
            ),
            ...readErrors,
            '410': invitationInvalid,
          },
        },
      },
      '/api/v1/invitations/{token}/accept': {
        parameters: [tokenParameter],
        post: {
          operationId: 'acceptInvitation',
          tags: ['invitations'],
          summary: 'Accept an invitation: join the team with its role',
          responses: {
            '200': json(z.object({ team: z.object({ id, name: z.string() }), role }), 'joined'),
            ...readErrors,
            '409': fail('already a member of this team (`invalid_state`)'),
            '410': invitationInvalid,
          },
        },
      },

      // ---- tokens ------------------------------------------------------------------------
      '/api/v1/tokens': {
        get: {
          operationId: 'listTokens',
          tags: ['tokens'],
          summary: 'Your personal access tokens (not revoked; expired ones marked `expired`)',
          responses: {
            '200': json(z.object({ tokens: z.array(token) }), 'the tokens'),
            ...readErrors,
          },
        },
        post: {
          operationId: 'createToken',
          tags: ['tokens'],
          summary: 'Create a personal access token (shown only once; a browser session only)',
          description:
            'Every token expires (`expiresInDays`, 90 by default, 365 at most). A token cannot ' +
            'create tokens. A retry with the same `Idempotency-Key` creates nothing and answers ' +
            'the first token without its secret (shown once only).',
          requestBody: body(createTokenSchema),
          responses: {
            '201': json(
              token.extend({
                token: z.string().describe('`fdp_…`: send it as `Authorization: Bearer …`'),
              }),
              'created',
            ),
            ...bodyErrors,
            '403': sessionOnly,
            '429': tooMany('20 new tokens per account per hour (`rate_limited`)'),
          },
        },
      },
      '/api/v1/tokens/{id}': {
        parameters: [uuidParameter('Token')],
        delete: {
          operationId: 'revokeToken',
          tags: ['tokens'],
          summary: 'Revoke one of your tokens',
          responses: {
            '200': json(z.object({ id, revoked: z.literal(true) }), 'revoked'),
            ...readErrors,
            '404': fail('unknown, not yours, or already revoked (`not_found`)'),
          },
        },
      },
    },
  };
}
