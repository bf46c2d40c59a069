// A job row → the API shape (lib/validations/dto/job.ts, the one schema the browser parses
// too): where its result is once it succeeded, its error once it failed.
import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { JobDto } from '@/lib/api/job-types';
import { currentLocale } from '@/lib/i18n/current-locale';
import { errorText, type ErrorKey, type ErrorText } from '@/lib/server/errors';
import type { MessageValues } from '@/lib/i18n/message-path';

/**
 * How a failed job keeps its error (jobs.error): the code, the message in French (for logs and
 * older rows), and the message's key and values when it has them, rendered for each reader.
 */
export type JobFailure = {
  code: string;
  message: string;
  text?: { key: ErrorKey; values?: MessageValues };
};

/** The stored failure's message in the reader's language (the French text when no key). */
function failureMessage(error: { message?: unknown; text?: unknown }): string {
  const text = error.text as ErrorText | undefined;
  if (text && typeof text.key === 'string') {
    try {
      return errorText(currentLocale(), text);
    } catch {
      // A key from another version of FactDesk: its stored French text still says it.
    }
  }
  return String(error.message ?? '');
}

export const jobSelect = {
  id: true,
  kind: true,
  status: true,
  progress: true,
  teamId: true,
  articleId: true,
  result: true,
  error: true,
  attempts: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const satisfies Prisma.JobSelect;

export type JobRow = Prisma.JobGetPayload<{ select: typeof jobSelect }>;

function resultUrlOf(job: JobRow): { resultUrl: string | null; pageUrl: string | null } {
  if (job.status !== 'succeeded') return { resultUrl: null, pageUrl: null };
  switch (job.kind) {
    case 'article_import':
    case 'article_revise':
      return job.articleId
        ? { resultUrl: `/api/v1/articles/${job.articleId}`, pageUrl: `/articles/${job.articleId}` }
        : { resultUrl: null, pageUrl: null };
    case 'annotations_import':
      return {
        resultUrl: `/api/v1/jobs/${job.id}/result`,
        pageUrl: job.articleId ? `/articles/${job.articleId}` : null,
      };
    case 'report_pdf':
      return { resultUrl: `/api/v1/jobs/${job.id}/result`, pageUrl: null };
  }
}

export function serializeJob(job: JobRow): JobDto {
  const error = job.error as { code?: unknown; message?: unknown; text?: unknown } | null;
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    articleId: job.articleId,
    ...resultUrlOf(job),
    result: job.status === 'succeeded' ? (job.result ?? null) : null,
    error:
      job.status === 'failed' && error
        ? { code: String(error.code ?? 'internal'), message: failureMessage(error) }
        : null,
    attempts: job.attempts,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
