// The OpenAPI 3.1 description of /api/v1, generated from the same zod schemas the server
// validates with (request bodies) plus response schemas written once here. A unit test checks
// that every route handler under app/api/v1 is described and nothing else is.
import { z } from 'zod';
import { createAnnotationSchema, selectorSchema } from '@/lib/validations/annotation';
import { updateArticleSchema } from '@/lib/validations/article';
import { signUpSchema } from '@/lib/validations/auth';
import { REPORT_FORMATS } from '@/lib/validations/report';
import { RATING_VALUES, setVerdictSchema } from '@/lib/validations/verdict';

type JsonSchema = Record<string, unknown>;

// Embedded in the document, so without their own `$schema` (OpenAPI 3.1 sets the dialect).
function embed(schema: JsonSchema): JsonSchema {
  const rest = { ...schema };
  delete rest.$schema;
  return rest;
}
const input = (schema: z.ZodType) => embed(z.toJSONSchema(schema, { io: 'input' }));
const output = (schema: z.ZodType) => embed(z.toJSONSchema(schema, { io: 'output' }));

const id = z.uuid();
const person = z.object({ id, name: z.string() });
const unitKind = z.enum(['sentence', 'heading', 'paywall']);
const unit = z.object({
  id,
  index: z.int(),
  start: z.int().describe('UTF-16 offset into the article text'),
  end: z.int(),
  kind: unitKind,
  text: z.string(),
});
const annotation = z.object({
  id,
  author: person,
  note: z.string().nullable(),
  sentenceIds: z.array(id),
  version: z.int(),
  target: z.object({ selector: z.array(selectorSchema) }),
  createdAt: z.iso.datetime(),
});
const source = z.object({
  url: z.url(),
  title: z.string().nullable(),
  publisher: z.string().nullable(),
  publishedAt: z.iso.date().nullable(),
  excerpt: z.string().nullable(),
});
const verdict = z.object({
  id,
  author: person,
  rating: z.enum(RATING_VALUES),
  rationale: z.string(),
  sources: z.array(source),
  version: z.int(),
  updatedAt: z.iso.datetime(),
});
const articleSummary = z.object({
  id,
  teamId: id,
  title: z.string(),
  language: z.string(),
  partial: z.boolean(),
  sentenceCount: z.int().describe('checkable sentences (no headings, no paywall notices)'),
  checkedCount: z.int().describe('sentences with a verdict citing at least one source'),
});
const article = z.object({
  id,
  teamId: id,
  title: z.string(),
  language: z.string(),
  text: z.string(),
  partial: z.boolean(),
  version: z.int(),
  sourceUrl: z.string().nullable(),
  publisher: z.string().nullable(),
  publishedAt: z.iso.date().nullable(),
  sentences: z.array(unit),
});
const errorBody = z.object({
  error: z.object({
    code: z.string().describe('stable machine code, e.g. not_found, conflict, validation_failed'),
    message: z.string().describe('for people, in French'),
    details: z.unknown().optional(),
  }),
});

function json(schema: JsonSchema, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

const errors = {
  '401': json(output(errorBody), 'no session (`unauthenticated`)'),
  '404': json(output(errorBody), 'unknown, or outside your teams (`not_found`)'),
};
const writeErrors = {
  ...errors,
  '400': json(output(errorBody), 'malformed JSON (`invalid_json`)'),
  '403': json(output(errorBody), 'your role cannot do this (`forbidden`)'),
  '422': json(output(errorBody), 'invalid values (`validation_failed`); `details` lists them'),
};
const idParameter = (what: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description: `${what} id`,
  schema: { type: 'string', format: 'uuid' },
});

export function buildOpenApiDocument(serverUrl = '/'): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'FactDesk API',
      version: '1',
      description:
        'Fact-checking annotations over HTTP. Authenticate with the session cookie (sign in ' +
        'through /api/auth/csrf then /api/auth/callback/credentials). Errors are always ' +
        '{"error":{"code","message"}}.',
    },
    servers: [{ url: serverUrl }],
    security: [{ session: [] }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token' },
      },
    },
    paths: {
      '/api/v1/signup': {
        post: {
          summary: 'Create an account',
          security: [],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: input(signUpSchema) } },
          },
          responses: {
            '201': json(output(z.object({ id, email: z.email(), name: z.string() })), 'created'),
            '400': writeErrors['400'],
            '409': json(output(errorBody), 'e-mail already used (`email_taken`)'),
            '422': writeErrors['422'],
          },
        },
      },
      '/api/v1/articles': {
        get: {
          summary: "Articles of the caller's teams, with progress",
          responses: {
            '200': json(output(z.object({ articles: z.array(articleSummary) })), 'the list'),
            '401': errors['401'],
          },
        },
      },
      '/api/v1/articles/{id}': {
        parameters: [idParameter('Article')],
        get: {
          summary: 'One article with its units (sentences, headings, paywall notices)',
          responses: { '200': json(output(article), 'the article'), ...errors },
        },
        patch: {
          summary: 'Rename an article (editors and owners)',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: input(updateArticleSchema) } },
          },
          responses: {
            '200': json(
              output(
                z.object({ id, title: z.string(), version: z.int(), updatedAt: z.iso.datetime() }),
              ),
              'renamed',
            ),
            '409': json(output(errorBody), 'stale `version`; `details.current` is the article now'),
            ...writeErrors,
          },
        },
      },
      '/api/v1/articles/{id}/annotations': {
        parameters: [idParameter('Article')],
        get: {
          summary: 'Highlights (W3C Web Annotation selectors)',
          responses: {
            '200': json(output(z.object({ annotations: z.array(annotation) })), 'the highlights'),
            ...errors,
          },
        },
        post: {
          summary: 'Highlight a passage',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: input(createAnnotationSchema) } },
          },
          responses: {
            '201': json(output(annotation), 'created'),
            ...writeErrors,
            '422': json(
              output(errorBody),
              'invalid values, or selectors that match nothing in the text (`selector_mismatch`)',
            ),
          },
        },
      },
      '/api/v1/articles/{id}/report': {
        parameters: [
          idParameter('Article'),
          {
            name: 'format',
            in: 'query',
            schema: { type: 'string', enum: [...REPORT_FORMATS], default: 'markdown' },
          },
          {
            name: 'download',
            in: 'query',
            description: '`0` answers inline instead of as an attachment',
            schema: { type: 'string', enum: ['0', '1'] },
          },
        ],
        get: {
          summary: 'Verified-claim report (Markdown, CSV, JSON or schema.org ClaimReview JSON-LD)',
          responses: {
            '200': {
              description: 'the report',
              content: {
                'text/markdown': { schema: { type: 'string' } },
                'text/csv': { schema: { type: 'string' } },
                'application/json': { schema: { type: 'object' } },
                'application/ld+json': { schema: { type: 'array' } },
              },
            },
            ...errors,
            '422': writeErrors['422'],
          },
        },
      },
      '/api/v1/sentences/{id}': {
        parameters: [idParameter('Sentence')],
        get: {
          summary: 'A sentence with its highlights and every verdict on it',
          responses: {
            '200': json(
              output(
                z.object({
                  sentence: unit.extend({ articleId: id }),
                  highlights: z.array(annotation),
                  verdicts: z.array(verdict),
                }),
              ),
              'the sentence',
            ),
            ...errors,
          },
        },
      },
      '/api/v1/sentences/{id}/verdict': {
        parameters: [idParameter('Sentence')],
        put: {
          summary: "Set the caller's verdict on a sentence",
          requestBody: {
            required: true,
            content: { 'application/json': { schema: input(setVerdictSchema) } },
          },
          responses: {
            '200': json(output(verdict.omit({ author: true })), "the caller's verdict"),
            '409': json(output(errorBody), 'stale `version`; `details.current` is the verdict now'),
            ...writeErrors,
            '422': json(
              output(errorBody),
              'invalid values (`validation_failed`), or a heading / paywall notice (`not_checkable`)',
            ),
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          summary: 'This document',
          responses: { '200': { description: 'OpenAPI 3.1' }, '401': errors['401'] },
        },
      },
    },
  };
}
