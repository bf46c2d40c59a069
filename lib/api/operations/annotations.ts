// Operations on highlights (W3C Web Annotation selectors) and on background jobs.
import {
  annotationListQuerySchema,
  createAnnotationSchema,
  deleteAnnotationSchema,
  updateAnnotationSchema,
} from '@/lib/validations/annotation';
import {
  annotationDto,
  annotationImportDto,
  annotationListDto,
} from '@/lib/validations/dto/annotation';
import { deletedDto } from '@/lib/validations/dto/common';
import { jobResponseDto, jobResultDto } from '@/lib/validations/dto/job';
import { IMPORT_MAX_ANNOTATIONS, SYNC_ANNOTATION_IMPORT_MAX } from '@/lib/validations/limits';
import { eventStream } from './articles';
import {
  FOLLOW_THE_JOB,
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
  tooManyJobs,
  type Operation,
} from './shared';

const JOB_EVENTS_DESCRIPTION = [
  'Server-Sent Events (`text/event-stream`): one `data:` line per change of the job (status,',
  'progress), each the whole job as GET /api/v1/jobs/{id} answers it but not wrapped in `{"job"}`,',
  'starting with its current state, and `: ping` comments in between. The stream ends once the',
  'job succeeded or failed: close the EventSource on that event (a browser reconnects by itself',
  'after a stream ends, and would be sent the final state again). Events have no SSE id: a new',
  'connection starts from the current state.',
].join('\n');

export const annotationOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/articles/{id}/annotations',
    operationId: 'listAnnotations',
    tag: 'annotations',
    summary: 'Highlights of an article; `format=w3c` for a W3C AnnotationCollection',
    params: { path: idPath('Article'), query: annotationListQuerySchema },
    responses: {
      '200': {
        description:
          'the highlights (orphans included, with their status); the W3C collection ' +
          '(orphans left out) is streamed: chunked, without Content-Length',
        json: annotationListDto,
        content: {
          'application/ld+json': {
            schema: {
              type: 'object',
              description:
                'W3C Web Annotation AnnotationCollection (http://www.w3.org/ns/anno.jsonld) ' +
                'with one embedded AnnotationPage (its `id`, `partOf`; the collection’s ' +
                '`last`), TextQuote and TextPosition selectors, creators as `urn:uuid:` IRIs ' +
                'with their name, notes as TextualBody with `language` (the team’s publication ' +
                'language), `creator` and `created`, and the target source with `format` and ' +
                '`language` (the article’s). On import, a string `body` is an IRI, not a note.',
            },
          },
        },
      },
      ...readErrors,
      '404': notFound('Article'),
      '422': fail('unknown `format`, or given twice (`validation_failed`)'),
    },
  },
  {
    method: 'post',
    path: '/api/v1/articles/{id}/annotations',
    operationId: 'createAnnotation',
    tag: 'annotations',
    summary: 'Highlight a passage (not viewers)',
    params: { path: idPath('Article') },
    body: body(createAnnotationSchema),
    responses: {
      '201': json(annotationDto, 'created'),
      ...bodyErrors,
      '403': forbidden('viewers cannot highlight'),
      '404': notFound('Article'),
      '422': fail(
        'invalid values (`validation_failed`), or selectors that match nothing in the ' +
          'text (`selector_mismatch`)',
      ),
    },
  },
  {
    method: 'post',
    path: '/api/v1/articles/{id}/annotations/import',
    operationId: 'importAnnotations',
    tag: 'annotations',
    summary: 'Import a W3C AnnotationCollection (or page, or array) as highlights',
    description:
      `Up to ${count(SYNC_ANNOTATION_IMPORT_MAX)} annotations are imported in the request ` +
      `(201); more by a worker (202): ${FOLLOW_THE_JOB}; once it succeeded, ` +
      'GET /api/v1/jobs/{id}/result answers `{"result":{"imported","skippedCount",' +
      '"skipped"}}` (counts, and the first reasons). A document of more than ' +
      `${count(IMPORT_MAX_ANNOTATIONS)} items is refused whole (413).`,
    params: { path: idPath('Article') },
    body: body({
      type: 'object',
      description: 'an AnnotationCollection as GET …/annotations?format=w3c gives',
    }),
    responses: {
      '201': json(annotationImportDto, 'a small import, done: what was imported'),
      '202': accepted('a large import: the job'),
      ...bodyErrors,
      '403': forbidden('viewers cannot highlight'),
      '404': notFound('Article'),
      '413': tooLarge(`${importBodyTooLarge}, or more than ${count(IMPORT_MAX_ANNOTATIONS)} items`),
      '422': fail(
        'not an annotation collection, or no usable annotation in it (`validation_failed`)',
      ),
      '429': tooManyJobs,
    },
  },
  {
    method: 'patch',
    path: '/api/v1/annotations/{id}',
    operationId: 'updateAnnotation',
    tag: 'annotations',
    summary: 'Change a highlight’s note',
    params: { path: idPath('Highlight') },
    body: body(updateAnnotationSchema),
    responses: {
      '200': json(annotationDto, 'the highlight now'),
      ...bodyErrors,
      '403': forbidden('only its author, an editor or an owner may change it'),
      '404': notFound('Highlight'),
      '409': fail('stale `version` (`conflict`); `details.current` is the highlight now'),
    },
  },
  {
    method: 'delete',
    path: '/api/v1/annotations/{id}',
    operationId: 'deleteAnnotation',
    tag: 'annotations',
    summary: 'Delete a highlight',
    params: { path: idPath('Highlight') },
    body: body(deleteAnnotationSchema, false),
    responses: {
      '200': json(deletedDto, 'deleted'),
      ...bodyErrors,
      '403': forbidden('only its author, an editor or an owner may delete it'),
      '404': notFound('Highlight'),
      '409': fail('stale `version` (`conflict`); `details.current` is the highlight now'),
    },
  },
];

export const jobOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/jobs/{id}',
    operationId: 'getJob',
    tag: 'jobs',
    summary: 'A job: its status, progress, and once over its result or error',
    params: { path: idPath('Job') },
    responses: {
      '200': json(jobResponseDto, 'the job (not cached)'),
      ...readErrors,
      '404': notFound('Job'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/jobs/{id}/result',
    operationId: 'getJobResult',
    tag: 'jobs',
    summary: 'What a succeeded job made: the PDF of a report, or the summary of an import',
    params: { path: idPath('Job') },
    responses: {
      '200': {
        description:
          'a report_pdf job: the PDF, as an attachment with Content-Length; any other ' +
          'kind: `{"result"}`, the job’s `result`',
        json: jobResultDto,
        content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
      },
      ...readErrors,
      '404': notFound('Job'),
      '409': fail(
        'the job has not succeeded (yet): queued, running or failed (`invalid_state`, ' +
          '`details.status`)',
      ),
    },
  },
  {
    method: 'get',
    path: '/api/v1/jobs/{id}/events',
    operationId: 'streamJobEvents',
    tag: 'jobs',
    summary: 'Live progress of a job, until it is over (Server-Sent Events)',
    description: JOB_EVENTS_DESCRIPTION,
    params: {
      path: idPath('Job'),
      header: lastEventIdHeader(
        'checked like the article stream’s, then ignored: job events have no SSE id',
      ),
    },
    responses: {
      '200': eventStream,
      '400': badLastEventId,
      ...readErrors,
      '404': notFound('Job'),
    },
  },
];
