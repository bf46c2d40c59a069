// Response shape of a background job (`{"job"}` with 202, GET /api/v1/jobs/{id}, each `data:`
// of …/events): the one schema lib/server/jobs/serialize-job.ts is typed from and the browser
// parses with (lib/api/job-types.ts, lib/api/follow-job.ts).
import { z } from 'zod';
import { JobKind, JobStatus } from '@/generated/prisma/enums';
import { idDto, timestampDto } from './common';

export const jobDto = z
  .strictObject({
    id: idDto,
    kind: z
      .enum(JobKind)
      .describe(
        'article_import (POST /api/v1/articles), article_revise (PUT …/text), ' +
          'annotations_import (POST …/annotations/import), report_pdf (GET …/report?format=pdf)',
      ),
    status: z.enum(JobStatus).describe('queued → running → succeeded | failed'),
    progress: z.number().min(0).max(1).describe('0..1, as the worker reports it'),
    articleId: idDto.nullable().describe('the article imported, corrected or reported on'),
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
      .strictObject({ code: z.string(), message: z.string() })
      .nullable()
      .describe('once failed: the error code and message a request would have answered'),
    attempts: z.int().describe('runs so far: a failure not caused by the input is retried'),
    createdAt: timestampDto,
    startedAt: timestampDto.nullable(),
    finishedAt: timestampDto.nullable(),
  })
  .meta({ id: 'Job', description: 'work done by a worker (lib/server/jobs)' });

/** The body of a 202 Accepted and of GET /api/v1/jobs/{id}. */
export const jobResponseDto = z.strictObject({ job: jobDto }).meta({ id: 'JobResponse' });

/** GET /api/v1/jobs/{id}/result of a job that is not a PDF: its `result`. */
export const jobResultDto = z.strictObject({ result: z.unknown() });
